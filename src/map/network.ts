/** A partner placed around the centre of a star network. */
export interface NetworkNode<T> {
  readonly item: T;
  readonly count: number;
  readonly x: number;
  readonly y: number;
  /** Which way the label runs from the node, so it stays clear of the lines. */
  readonly anchor: 'start' | 'middle' | 'end';
  /** Line width, growing with the number of shared agreements. */
  readonly weight: number;
}

export interface StarNetwork<T> {
  readonly width: number;
  readonly height: number;
  readonly centre: { readonly x: number; readonly y: number };
  readonly nodes: readonly NetworkNode<T>[];
}

const round = (value: number) => Math.round(value * 10) / 10;

/**
 * Places partners evenly on a circle around the centre, the first at the top and the rest
 * clockwise, as given (most shared agreements first). Line widths run from 1.5 for one shared
 * agreement to 8 for the most.
 */
export function starNetwork<T>(partners: readonly { item: T; count: number }[]): StarNetwork<T> {
  const width = 640;
  const height = partners.length > 2 ? 300 : 180;
  const centre = { x: width / 2, y: height / 2 };
  const radius = partners.length > 2 ? 110 : 60;
  const most = Math.max(1, ...partners.map((partner) => partner.count));
  const nodes = partners.map(({ item, count }, index): NetworkNode<T> => {
    // With one or two partners, they sit beside the centre rather than above and below it.
    const start = partners.length <= 2 ? Math.PI / 2 : 0;
    const angle = start + (2 * Math.PI * index) / Math.max(1, partners.length);
    const x = round(centre.x + radius * 2 * Math.sin(angle));
    const y = round(centre.y - radius * Math.cos(angle));
    const anchor = Math.abs(x - centre.x) < 1 ? 'middle' : x > centre.x ? 'start' : 'end';
    return { item, count, x, y, anchor, weight: round(1.5 + (6.5 * (count - 1)) / Math.max(1, most - 1)) };
  });
  return { width, height, centre, nodes };
}
