import { isMap, isScalar, isSeq } from 'yaml';
import type { ParsedYaml } from './strict-yaml.ts';

/** A file's YAML as the position helpers read it. */
export interface YamlSource {
  /** The parsed document, made when a problem needs a line number (not at all for a clean cached file). */
  readonly parsed: () => ParsedYaml;
  /** Lines before the YAML starts (the `---` of MDX frontmatter). */
  readonly lineOffset: number;
}

type Range = [number, number, number];

/** The line of the field at `fieldPath` in the file, or of the nearest field above it. */
export function lineOf(source: YamlSource, fieldPath: readonly PropertyKey[]): number | undefined {
  const { document, lines } = source.parsed();
  let node: unknown = document.contents;
  let range: Range | undefined;
  for (const key of fieldPath) {
    if (isMap(node)) {
      const pair = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === key);
      if (!pair) break;
      range = (pair.key as { range?: Range }).range ?? range;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      range = (node as { range?: Range } | undefined)?.range ?? range;
    } else break;
  }
  range ??= (document.contents as { range?: Range } | null)?.range;
  return range ? lines.linePos(range[0]).line + source.lineOffset : undefined;
}

/** The text a value was written as, when YAML read it as something else (`0000` read as the number 0). */
export function writtenAs(source: YamlSource, fieldPath: readonly PropertyKey[], value: unknown): string | undefined {
  if (typeof value !== 'number' && typeof value !== 'boolean' && value !== null) return undefined;
  let node: unknown = source.parsed().document.contents;
  for (const key of fieldPath) {
    if (isMap(node)) node = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === key)?.value;
    else if (isSeq(node) && typeof key === 'number') node = node.items[key];
    else return undefined;
  }
  const text = isScalar(node) ? node.source : undefined;
  return typeof text === 'string' && text !== String(value) ? text : undefined;
}

/** Parses a field path such as `parties[0].agencies[1]` back into its keys. */
export function parsePath(field: string): PropertyKey[] {
  return [...field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((match) =>
    match[2] !== undefined ? Number(match[2]) : (match[1] ?? ''),
  );
}
