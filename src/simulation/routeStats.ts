import { QuantileSketch } from "../stats/index.ts";

/** Paths kept apart; messages on further distinct paths are pooled as "other paths". */
export const MAX_PATHS = 32;
/** Visit counts above this are pooled into one path (feedback loops make paths unbounded). */
const MAX_VISITS = 16;

export interface RouteFigures {
  entry: number;
  exit: number;
  /** Queues visited (publishes), capped at MAX_VISITS; -1 for the pooled "other paths". */
  visits: number;
  count: number;
  sumW: number;
  sojourn: QuantileSketch;
}

/**
 * End-to-end times per path through a network, a path being where a message entered, where it
 * was last acked and how many queues it visited on the way (so a feedback loop's first pass
 * and its second are different paths). Bounded: at most MAX_PATHS paths and a pool for the rest.
 */
export class RouteStats {
  readonly paths = new Map<number, RouteFigures>();
  private readonly other: RouteFigures = { entry: -1, exit: -1, visits: -1, count: 0, sumW: 0, sojourn: new QuantileSketch() };

  constructor(private readonly queues: number) {}

  record(entry: number, exit: number, visits: number, w: number): void {
    const v = Math.min(visits, MAX_VISITS);
    const key = (entry * this.queues + exit) * (MAX_VISITS + 1) + v;
    let p = this.paths.get(key);
    if (!p) {
      if (this.paths.size >= MAX_PATHS) p = this.other;
      else this.paths.set(key, (p = { entry, exit, visits: v, count: 0, sumW: 0, sojourn: new QuantileSketch() }));
    }
    p.count++;
    p.sumW += w;
    p.sojourn.add(w);
  }

  /** All paths, the pooled rest last when it has messages. */
  all(): RouteFigures[] {
    return [...this.paths.values(), ...(this.other.count > 0 ? [this.other] : [])];
  }
}
