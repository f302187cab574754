/**
 * Open Jackson networks (Jackson 1957; Gross & Harris 4th ed. ch. 4; Bolch et al. 2nd ed. ch. 7):
 * Poisson arrivals from outside at rate gamma_i to node i, exponential service, c_i consumers
 * (or unlimited), and Markov routing: after service at i a message goes to j with probability
 * P[i][j] and leaves with probability 1 - sum_j P[i][j]. The traffic equations
 * lambda = gamma + P^T lambda are solved by Gaussian elimination with partial pivoting; each node
 * is then an independent M/M/c_i (product form), so its figures are exact.
 *
 * End-to-end: a message entering at i spends T_i = W_i + sum_j P[i][j] T_j until it leaves
 * ((I - P) T = W); over all external arrivals the mean is sum_i lambda_i W_i / sum_i gamma_i.
 * Nodes from which messages can never leave, and nodes that reach them, are reported with
 * lambda = Infinity (when anything flows in) and T = Infinity, never as a singular-matrix error.
 */

import type { AnalyticResult } from "./types.ts";
import { checkNonNegative, checkPositive, checkPositiveInteger, checkProbability } from "./validate.ts";
import { solveLinearSystem } from "./linear.ts";
import { mmc } from "./mmc.ts";
import { mmInf } from "./mminf.ts";
import { unstableStation } from "./station.ts";

/** One node (queue with its consumers) of an open network. */
export interface JacksonNode {
  name?: string;
  /** Mean service time in seconds (exponential), > 0. */
  meanService: number;
  servers: number | "unlimited";
}

/** An open network: its nodes, outside arrivals and routing matrix. */
export interface JacksonInput {
  nodes: JacksonNode[];
  /** External (outside) arrivals per second to each node, >= 0. */
  arrivals: number[];
  /** routing[i][j]: probability of going to j after service at i; rows sum to <= 1. */
  routing: number[][];
}

/** What `jackson` reports; Infinity marks unstable or trapped parts, never NaN. */
export interface JacksonResult {
  model: "Jackson";
  exact: true;
  /** true when some node has rho >= 1 or traps messages. */
  unstable: boolean;
  /** Total arrival rate at each node (solution of the traffic equations). */
  lambda: number[];
  /** Mean visits to each node per external arrival, lambda_i / sum gamma. */
  visits: number[];
  /** Per-node M/M/c (or M/M/inf) figures. */
  nodes: AnalyticResult[];
  /** Indices of nodes with rho >= 1 or infinite inflow. */
  unstableNodes: number[];
  /** External arrivals per second (= departures, when stable). */
  throughput: number;
  /** Mean number of messages in the network. */
  L: number;
  /** Mean end-to-end sojourn over all external arrivals, seconds. */
  W: number;
  /** Mean end-to-end sojourn of a message entering at node i, seconds. */
  sojournByEntry: number[];
}

function validate(input: JacksonInput): void {
  const n = input.nodes.length;
  if (n === 0) throw new RangeError("invalid nodes: [] (need at least one node)");
  if (input.arrivals.length !== n) throw new RangeError(`invalid arrivals: length ${input.arrivals.length} (must be ${n}, one per node)`);
  if (input.routing.length !== n) throw new RangeError(`invalid routing: ${input.routing.length} rows (must be ${n})`);
  input.nodes.forEach((node, i) => {
    checkPositive(`nodes[${i}].meanService`, node.meanService);
    if (node.servers !== "unlimited") checkPositiveInteger(`nodes[${i}].servers`, node.servers);
    checkNonNegative(`arrivals[${i}]`, input.arrivals[i] as number);
  });
  input.routing.forEach((row, i) => {
    if (row.length !== n) throw new RangeError(`invalid routing[${i}]: length ${row.length} (must be ${n})`);
    row.forEach((p, j) => checkProbability(`routing[${i}][${j}]`, p));
    const sum = row.reduce((s, p) => s + p, 0);
    if (sum > 1 + 1e-9) throw new RangeError(`invalid routing[${i}]: probabilities sum to ${sum} (must be <= 1)`);
  });
}

/** Nodes from which some node of `targets` (or, when `exits`, the outside) can be reached. */
function reaching(routing: number[][], targets: (i: number) => boolean): boolean[] {
  const n = routing.length;
  const mark = routing.map((_, i) => targets(i));
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < n; i++) {
      if (mark[i]) continue;
      if ((routing[i] as number[]).some((p, j) => p > 0 && mark[j])) mark[i] = changed = true;
    }
  }
  return mark;
}

/**
 * Solves the traffic equations lambda_i = gamma_i + sum_j lambda_j P[j][i]. Nodes that receive
 * flow but can never be left get Infinity.
 */
export function trafficRates(arrivals: number[], routing: number[][]): number[] {
  const n = arrivals.length;
  const exitRate = routing.map((row) => 1 - row.reduce((s, p) => s + p, 0));
  const canExit = reaching(routing, (i) => (exitRate[i] as number) > 1e-12);
  const open = [...Array(n).keys()].filter((i) => canExit[i]);
  const A = open.map((i) => open.map((j) => (i === j ? 1 : 0) - (routing[j] as number[])[i]!));
  const solved = open.length > 0 ? solveLinearSystem(A, open.map((i) => arrivals[i] as number)) : [];
  const lambda = new Array<number>(n).fill(0);
  open.forEach((i, k) => (lambda[i] = Math.max(0, solved[k] as number)));
  // Trapped nodes: infinite if anything reaches them, directly or through other trapped nodes.
  const fed = (i: number): boolean => !canExit[i] && ((arrivals[i] as number) > 0 || open.some((j) => (lambda[j] as number) > 0 && (routing[j] as number[])[i]! > 0));
  const flooded = new Array<boolean>(n).fill(false);
  const stack = [...Array(n).keys()].filter(fed);
  while (stack.length > 0) {
    const i = stack.pop() as number;
    if (flooded[i]) continue;
    flooded[i] = true;
    (routing[i] as number[]).forEach((p, j) => p > 0 && !flooded[j] && stack.push(j));
  }
  return lambda.map((l, i) => (flooded[i] ? Infinity : l));
}

function nodeResult(node: JacksonNode, lambda: number): AnalyticResult {
  const mu = 1 / node.meanService;
  if (lambda === Infinity) {
    return node.servers === "unlimited" ? { ...mmInf(0, mu), L: Infinity, W: Infinity, unstable: true, model: "M/M/inf" } : unstableStation(`M/M/${node.servers}`, true, Infinity, node.servers * mu);
  }
  return node.servers === "unlimited" ? mmInf(lambda, mu) : mmc(lambda, mu, node.servers);
}

/**
 * An open Jackson network in full: node rates, visit ratios, per-node M/M/c figures, unstable
 * nodes, mean end-to-end sojourn per entry node and overall. Never throws for instability.
 */
export function jackson(input: JacksonInput): JacksonResult {
  validate(input);
  const { routing, arrivals } = input;
  const n = input.nodes.length;
  const lambda = trafficRates(arrivals, routing);
  const nodes = input.nodes.map((node, i) => nodeResult(node, lambda[i] as number));
  const unstableNodes = nodes.flatMap((r, i) => (r.unstable ? [i] : []));
  const external = arrivals.reduce((s, g) => s + g, 0);
  const W = nodes.map((r) => r.W as number);
  const bad = reaching(routing, (i) => !Number.isFinite(W[i] as number) || lambda[i] === Infinity);
  const canExit = reaching(routing, (i) => 1 - (routing[i] as number[]).reduce((s, p) => s + p, 0) > 1e-12);
  const finite = [...Array(n).keys()].filter((i) => !bad[i] && canExit[i]);
  const A = finite.map((i) => finite.map((j) => (i === j ? 1 : 0) - (routing[i] as number[])[j]!));
  const solved = finite.length > 0 ? solveLinearSystem(A, finite.map((i) => W[i] as number)) : [];
  const sojournByEntry = new Array<number>(n).fill(Infinity);
  finite.forEach((i, k) => (sojournByEntry[i] = solved[k] as number));
  let L = 0;
  let total = 0;
  lambda.forEach((l, i) => {
    if (l > 0) {
      L += nodes[i]?.L as number;
      total += l * (W[i] as number);
    }
  });
  return {
    model: "Jackson",
    exact: true,
    unstable: unstableNodes.length > 0,
    lambda,
    visits: lambda.map((l) => (external > 0 ? l / external : 0)),
    nodes,
    unstableNodes,
    throughput: external,
    L,
    W: external > 0 ? total / external : 0,
    sojournByEntry,
  };
}
