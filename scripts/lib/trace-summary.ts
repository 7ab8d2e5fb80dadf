/**
 * Where a browser spent a stretch of time, from a Chromium performance trace (the JSON that
 * `browser.stopTracing()` returns): per thread of the page's renderer, how long it was busy, and
 * how much of that went to style and layout, painting and garbage collection.
 */

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: { readonly name?: string };
}

/** The busy time of one thread, in milliseconds. */
export interface ThreadTime {
  readonly thread: string;
  /** Tasks run: the thread's whole busy time. */
  readonly busyMs: number;
  /** Style recalculation and layout, inside those tasks. */
  readonly styleLayoutMs: number;
  readonly paintMs: number;
  readonly gcMs: number;
}

/** The trace categories `summariseTrace` reads. */
export const traceCategories = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'];

const styleLayout = new Set(['UpdateLayoutTree', 'Layout', 'RecalculateStyles']);
const paint = new Set(['Paint', 'PrePaint', 'Layerize', 'CompositeLayers']);
const gc = new Set(['MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'V8.GC_MARK_COMPACTOR', 'BlinkGC.AtomicPhase']);

/**
 * Sums the complete events of the renderer's main thread and its workers. Only `RunTask` counts
 * as busy time, because every other event is nested inside one and would be counted twice.
 */
export function summariseTrace(json: string): ThreadTime[] {
  const parsed = JSON.parse(json) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const names = new Map<string, string>();
  for (const event of events) {
    if (event.ph === 'M' && event.name === 'thread_name' && event.args?.name)
      names.set(`${event.pid}:${event.tid}`, event.args.name);
  }
  const times = new Map<string, { busyMs: number; styleLayoutMs: number; paintMs: number; gcMs: number }>();
  for (const event of events) {
    if (event.ph !== 'X' || event.dur === undefined) continue;
    const thread = names.get(`${event.pid}:${event.tid}`) ?? '';
    if (thread !== 'CrRendererMain' && !/worker/i.test(thread)) continue;
    const time = times.get(thread) ?? { busyMs: 0, styleLayoutMs: 0, paintMs: 0, gcMs: 0 };
    const ms = event.dur / 1000;
    if (event.name === 'RunTask') time.busyMs += ms;
    else if (styleLayout.has(event.name)) time.styleLayoutMs += ms;
    else if (paint.has(event.name)) time.paintMs += ms;
    else if (gc.has(event.name)) time.gcMs += ms;
    times.set(thread, time);
  }
  return [...times].map(([thread, time]) => ({ thread, ...time }));
}
