/**
 * Head-of-line priority classes at one station (higher `priority` served first; FIFO within a
 * class; classes with equal priority share one FIFO queue).
 *
 * Non-preemptive M/G/1 (Cobham 1954; Kleinrock vol. 2 eq. 3.31):
 *   Wq_k = W0 / ((1 - s_{k-1}) (1 - s_k)),  W0 = sum_i lambda_i E[S_i^2] / 2,
 * s_k the load of the classes served before or with class k.
 * Preemptive-resume M/G/1 (Kleinrock vol. 2 ch. 3):
 *   W_k = E[S_k] / (1 - s_{k-1}) + R_k / ((1 - s_{k-1}) (1 - s_k)),  R_k = sum_{i<=k} lambda_i E[S_i^2]/2,
 *   and Wq_k = W_k - E[S_k] (time not in service).
 * Non-preemptive M/M/c, one service rate mu for all classes (Cobham 1954; Gross & Harris 4th ed.
 * ch. 3): Wq_k = (C(c, a) / (c mu)) / ((1 - s_{k-1}) (1 - s_k)), s per server.
 *
 * Overload: classes with s_k < 1 keep finite means even when the whole station is overloaded.
 * The residual work an arrival meets is then computed with the server busy all the time: the
 * first saturated class takes the remaining fraction 1 - s_{k-1} of server time and the classes
 * below it are never served (Infinity, `unstable: true`).
 */

import type { AnalyticResult, ClassResult } from "./types.ts";
import { checkNonNegative, checkPositive, checkPositiveInteger } from "./validate.ts";
import { erlangC } from "./erlang.ts";

/** One class offered to a priority station. */
export interface PriorityClassInput {
  name: string;
  /** Higher is served first. */
  priority: number;
  /** Arrivals per second of this class, >= 0. */
  lambda: number;
  /** Mean service time in seconds, > 0. */
  meanService: number;
  /** Squared coefficient of variation of the service time, >= 0. */
  serviceScv: number;
}

interface Level {
  classes: PriorityClassInput[];
  load: number;
  /** sum lambda E[S^2] / 2 over the level's classes. */
  residual: number;
}

function levels(classes: PriorityClassInput[]): Level[] {
  if (classes.length === 0) throw new RangeError("invalid classes: [] (need at least one class)");
  const names = new Set<string>();
  for (const k of classes) {
    if (names.has(k.name)) throw new RangeError(`invalid classes: duplicate name ${JSON.stringify(k.name)}`);
    names.add(k.name);
    checkNonNegative(`classes.${k.name}.lambda`, k.lambda);
    checkPositive(`classes.${k.name}.meanService`, k.meanService);
    checkNonNegative(`classes.${k.name}.serviceScv`, k.serviceScv);
    if (!Number.isFinite(k.priority)) throw new RangeError(`invalid classes.${k.name}.priority: ${String(k.priority)} (must be a finite number)`);
  }
  const sorted = [...classes].sort((a, b) => b.priority - a.priority);
  const out: Level[] = [];
  for (const k of sorted) {
    const last = out[out.length - 1];
    const target = last && last.classes[0]?.priority === k.priority ? last : undefined;
    const level = target ?? { classes: [], load: 0, residual: 0 };
    if (!target) out.push(level);
    level.classes.push(k);
    level.load += k.lambda * k.meanService;
    level.residual += (k.lambda * k.meanService * k.meanService * (1 + k.serviceScv)) / 2;
  }
  return out;
}

/** Residual work seen by an arrival when the station may be saturated (see the file comment). */
function saturatedResidual(ls: Level[]): number {
  let before = 0;
  let residual = 0;
  for (const l of ls) {
    if (before + l.load < 1) {
      residual += l.residual;
      before += l.load;
      continue;
    }
    // This level gets the rest of the server's time; residual per unit busy time is E[S^2] / (2 E[S]).
    const share = 1 - before;
    if (l.load > 0) residual += (share * l.residual) / l.load;
    break;
  }
  return residual;
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Per-class sojourn time given the loads served before and up to the class's level. */
type SojournOf = (level: Level, k: PriorityClassInput, before: number, upto: number) => number;

/** Per-class and overall figures; level loads are per server. */
function assemble(model: string, ls: Level[], sojournOf: SojournOf): AnalyticResult {
  const classes: Record<string, ClassResult> = {};
  let before = 0;
  let lambda = 0;
  let served = 0;
  let L = 0;
  let Lq = 0;
  let saturated = false;
  for (const l of ls) {
    const upto = before + l.load;
    const stable = upto < 1;
    for (const k of l.classes) {
      const W = stable ? sojournOf(l, k, before, upto) : Infinity;
      const Wq = stable ? W - k.meanService : Infinity;
      const entry: ClassResult = { W, Wq, L: k.lambda === 0 ? 0 : k.lambda * W, Lq: k.lambda === 0 ? 0 : k.lambda * Wq };
      if (!stable && k.lambda > 0) entry.unstable = true;
      classes[k.name] = entry;
      lambda += k.lambda;
      if (k.lambda > 0) {
        L += k.lambda * W;
        Lq += k.lambda * Wq;
      }
    }
    const levelLambda = l.classes.reduce((s, k) => s + k.lambda, 0);
    if (stable) served += levelLambda;
    else if (!saturated && levelLambda > 0) {
      // The first saturated level gets the server time the levels above leave over.
      served += ((1 - before) / l.load) * levelLambda;
      saturated = true;
    }
    before = upto;
  }
  const result: AnalyticResult = {
    model,
    exact: true,
    rho: before,
    throughput: served,
    utilization: Math.min(1, before),
    pWait: Math.min(1, before),
    pBlock: 0,
    pAbandon: 0,
    L,
    Lq,
    // With no arrivals, the figures a first message would see: the classes' plain averages.
    W: lambda === 0 ? mean(Object.values(classes).map((k) => k.W)) : L / lambda,
    Wq: lambda === 0 ? 0 : Lq / lambda,
    classes,
  };
  if (saturated) result.unstable = true;
  return result;
}

/**
 * Non-preemptive M/G/1 priority classes (Cobham's formula). `pWait` = rho (PASTA).
 * Per-class W and Wq in `classes`; overall means weight the classes by their arrival rates.
 */
export function priorityNonPreemptive(classes: PriorityClassInput[]): AnalyticResult {
  const ls = levels(classes);
  const W0 = saturatedResidual(ls);
  return assemble("M/G/1 priority (Cobham)", ls, (_l, k, before, upto) => W0 / ((1 - before) * (1 - upto)) + k.meanService);
}

/** Preemptive-resume M/G/1 priority classes (Kleinrock vol. 2 ch. 3). */
export function priorityPreemptive(classes: PriorityClassInput[]): AnalyticResult {
  const ls = levels(classes);
  const cumulative = new Map<Level, number>();
  let r = 0;
  for (const l of ls) {
    r += l.residual;
    cumulative.set(l, r);
  }
  return assemble("M/G/1 preemptive-resume priority", ls, (l, k, before, upto) =>
    k.meanService / (1 - before) + (cumulative.get(l) as number) / ((1 - before) * (1 - upto)));
}

/**
 * Non-preemptive priority M/M/c with one service rate for all classes: Wq_k = (C / (c mu)) /
 * ((1 - s_{k-1}) (1 - s_k)), C the Erlang C of the total load (1 when saturated).
 * @param mu service rate per consumer, the same for every class.
 * @param servers c, a positive integer.
 */
export function priorityMMc(classes: { name: string; priority: number; lambda: number }[], mu: number, servers: number): AnalyticResult {
  checkPositive("mu", mu);
  checkPositiveInteger("servers", servers);
  const withService = classes.map((k) => ({ ...k, meanService: 1 / mu, serviceScv: 1 }));
  const ls = levels(withService).map((l) => ({ ...l, load: l.load / servers }));
  const total = ls.reduce((s, l) => s + l.load, 0);
  const offered = total * servers;
  const pAllBusy = total < 1 ? erlangC(servers, offered) : 1;
  const W0 = pAllBusy / (servers * mu);
  const result = assemble(`M/M/${servers} priority (non-preemptive)`, ls, (_l, k, before, upto) => W0 / ((1 - before) * (1 - upto)) + k.meanService);
  result.pWait = pAllBusy;
  return result;
}
