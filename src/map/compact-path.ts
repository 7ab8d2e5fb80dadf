/** A number of steps written as briefly as SVG allows: 5 tenths is ".5", -15 is "-1.5", 30 is "3". */
function format(value: number, steps: number): string {
  const text = String(value / steps);
  return text.replace(/^(-?)0\./, '$1.');
}

/** Joins numbers with a separator only where the path grammar needs one. */
function joinNumbers(numbers: readonly string[]): string {
  let out = '';
  for (const number of numbers) {
    const previous = out.at(-1);
    const needsSeparator =
      out !== '' &&
      previous !== undefined &&
      /[\d.]/.test(previous) &&
      !number.startsWith('-') &&
      // ".5" may follow "1.5" directly: a second point cannot belong to the same number.
      !(number.startsWith('.') && /\.\d*$/.test(out));
    out += (needsSeparator ? ' ' : '') + number;
  }
  return out;
}

/**
 * Rewrites an SVG path of absolute moves and lines (what d3-geo writes for polygons) with relative
 * lines in tenths of a unit (or whole units), dropping points that round onto the previous one. The rounding is
 * done on absolute positions, so errors do not add up along a coastline; the shape is the same as
 * rounding each point to one decimal, in about half the bytes.
 */
export function compactPath(d: string, decimals: 0 | 1 = 1): string {
  const steps = decimals === 1 ? 10 : 1;
  const tenths = (value: number) => format(value, steps);
  const tokens = d.match(/[MLZ]|-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi) ?? [];
  let out = '';
  let index = 0;
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  let pending: string[] = [];
  const flush = () => {
    if (pending.length > 0) out += `l${joinNumbers(pending)}`;
    pending = [];
  };
  const next = () => Math.round(Number(tokens[index++]) * steps);
  while (index < tokens.length) {
    const command = tokens[index++];
    if (command === 'M') {
      flush();
      x = next();
      y = next();
      startX = x;
      startY = y;
      out += `M${joinNumbers([tenths(x), tenths(y)])}`;
    } else if (command === 'L') {
      const nx = next();
      const ny = next();
      if (nx === x && ny === y) continue;
      pending.push(tenths(nx - x), tenths(ny - y));
      x = nx;
      y = ny;
    } else if (command === 'Z' || command === 'z') {
      flush();
      out += 'z';
      x = startX;
      y = startY;
    } else {
      throw new Error(`compactPath handles M, L and Z only, found "${command}"`);
    }
  }
  flush();
  return out;
}
