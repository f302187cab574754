import { QuantileSketch } from "../stats/quantileSketch.ts";

/** Paths kept apart; messages on further distinct paths are pooled as "other paths". */
export const MAX_PATHS = 32;
/** Queues a path names one by one; longer paths (feedback loops make them unbounded) are told apart by entry, exit and length only. */
export const MAX_VISITS = 16;
/** Nodes of the path tree of one replication (each distinct prefix of a path is a node). */
const MAX_NODES = 4096;

/** A path that names no queue list: pooled by entry, exit and length (longer than MAX_VISITS or past MAX_NODES). */
export const NO_NODE = -1;

export interface RouteFigures {
  entry: number;
  exit: number;
  /** Queues visited (publishes), capped at MAX_VISITS; -1 for the pooled "other paths". */
  visits: number;
  /** The queues visited, in order, by index; empty when the path is known only by entry, exit and length. */
  path: number[];
  count: number;
  sumW: number;
  sojourn: QuantileSketch;
}

/**
 * The paths messages take through a network, as a tree of prefixes: node 0 is "not yet
 * published", and each publish into queue q moves a message from its node to the child for q.
 * A message carries one integer (its node), so the hot path pays one typed-array read per hop.
 * Bounded: MAX_NODES nodes and MAX_VISITS hops; beyond either a message's node is NO_NODE and
 * its path is known by entry, exit and length only.
 */
export class PathTree {
  private readonly child: Int32Array;
  private readonly parent: Int32Array;
  private readonly queueOf: Int32Array;
  private readonly depth: Int32Array;
  private readonly maxNodes: number;
  private nodes = 1;

  constructor(private readonly queues: number) {
    this.maxNodes = Math.max(2, Math.min(MAX_NODES, Math.floor(2 ** 20 / Math.max(1, queues))));
    this.child = new Int32Array(this.maxNodes * queues).fill(NO_NODE);
    this.parent = new Int32Array(this.maxNodes).fill(NO_NODE);
    this.queueOf = new Int32Array(this.maxNodes).fill(NO_NODE);
    this.depth = new Int32Array(this.maxNodes);
  }

  /** The node after publishing into queue `q` from node `from` (NO_NODE stays NO_NODE). */
  next(from: number, q: number): number {
    if (from < 0) return NO_NODE;
    const i = from * this.queues + q;
    const c = this.child[i]!;
    if (c !== NO_NODE || this.depth[from]! >= MAX_VISITS || this.nodes >= this.maxNodes) return c;
    const id = this.nodes++;
    this.child[i] = id;
    this.parent[id] = from;
    this.queueOf[id] = q;
    this.depth[id] = this.depth[from]! + 1;
    return id;
  }

  /** The queues of node `node`'s path, first to last. */
  path(node: number): number[] {
    const out: number[] = [];
    for (let n = node; n > 0; n = this.parent[n]!) out.push(this.queueOf[n]!);
    return out.reverse();
  }
}

/**
 * End-to-end times per path through a network. A path is the list of queues a message was
 * published into, in order (so `a -> fast -> d` and `a -> slow -> d` are apart, and a feedback
 * loop's first pass and its second are different paths); paths too long or too many to name
 * are told apart by entry, exit and length. Bounded: at most MAX_PATHS paths and a pool for the rest.
 */
export class RouteStats {
  readonly paths = new Map<number, RouteFigures>();
  readonly tree: PathTree;
  private readonly other: RouteFigures = { entry: -1, exit: -1, visits: -1, path: [], count: 0, sumW: 0, sojourn: new QuantileSketch() };
  private lastKey = NaN;
  private last: RouteFigures | undefined;

  constructor(private readonly queues: number) {
    this.tree = new PathTree(queues);
  }

  /** A message that entered at `entry` and left after `exit`, `visits` publishes and `w` seconds, with path node `node`. */
  record(node: number, entry: number, exit: number, visits: number, w: number): void {
    const v = Math.min(visits, MAX_VISITS);
    // Named paths by node (>= 0); the rest by entry, exit and length, as negative keys.
    const key = node >= 0 ? node : -1 - ((entry * this.queues + exit) * (MAX_VISITS + 1) + v);
    // Consecutive messages mostly take the same path (a pipeline takes one): skip the map then.
    let p = key === this.lastKey ? this.last : this.paths.get(key);
    if (!p) {
      if (this.paths.size >= MAX_PATHS) p = this.other;
      else this.paths.set(key, (p = { entry, exit, visits: v, path: node >= 0 ? this.tree.path(node) : [], count: 0, sumW: 0, sojourn: new QuantileSketch() }));
    }
    this.lastKey = key;
    this.last = p;
    p.count++;
    p.sumW += w;
    p.sojourn.add(w);
  }

  /** All paths, the pooled rest last when it has messages. */
  all(): RouteFigures[] {
    return [...this.paths.values(), ...(this.other.count > 0 ? [this.other] : [])];
  }
}
