import type { Scenario } from "../scenario/types.ts";
import { compileScenario } from "../simulation/compile.ts";
import { offeredLoad } from "../simulation/offeredLoad.ts";
import { MAX_PLAN_CAPACITY, sizeCapacity, type CapacitySizing } from "./capacity.ts";
import { drainPlan, type DrainPlan } from "./drain.ts";
import { queueIndexOf, scaleLoad, withCapacity, withConsumers, withPrefetch } from "./edit.ts";
import { headroom, type Headroom } from "./headroom.ts";
import { sizePrefetch, type PrefetchSizing } from "./prefetch.ts";
import { boundedRun, planSimulationDefaults, type PlanSimulation } from "./simulate.ts";
import { MAX_PLAN_CONSUMERS, sizeQueue, type QueueSizing, type SizeOptions } from "./size.ts";
import { sizeItemsOf, type SizeItem } from "./sizeItems.ts";
import { parseSlo } from "./slo/parse.ts";
import type { Slo } from "./slo/types.ts";

/** Hours in a month for costs: 365 x 24 / 12. */
export const HOURS_PER_MONTH = 730;
/** Traffic multipliers of the growth table when none are given. */
export const DEFAULT_GROWTH = [1, 1.5, 2, 3];

/** What `planScenario` is asked. */
export interface PlanOptions {
  /** Plan only this queue (default: every queue with traffic and a finite consumer count). */
  queue?: string;
  /** Traffic multipliers for the growth table (each > 0); default DEFAULT_GROWTH. */
  growth?: number[];
  /** Cost of one consumer for one hour (any currency); gives costs per month (730 h). */
  costPerHour?: number;
  /** A backlog of this many messages to drain (per planned queue), and optionally a target time. */
  backlog?: number;
  drainWithinS?: number;
  /** Bounds of the confirming simulations, or false for an analytic-only plan. */
  simulation?: Partial<PlanSimulation> | false;
  /** Most simulations per search (sizing, growth step, headroom); default 12. */
  maxRuns?: number;
  /** Most consumers any search tries; default 1000. */
  limit?: number;
  /**
   * What to size besides consumers (which are always sized): "prefetch" and/or "capacity",
   * each at the consumers' answer (see `sizePrefetch` and `sizeCapacity`). Default: consumers only.
   */
  size?: readonly string[];
  /** Largest capacity a capacity search tries (0 to 1e9); default MAX_PLAN_CAPACITY (10^6). */
  capacityLimit?: number;
}

/** One queue's plan: its sizing, headroom, cost and drain (the `queues[ID]` of `plan --json`). */
export interface QueuePlan extends QueueSizing {
  /** Cost per month of the answer and of today's consumers (with `costPerHour`). */
  costPerMonth?: number;
  currentCostPerMonth?: number;
  headroom: Headroom | null;
  drain?: DrainPlan;
  /** The largest prefetch the consumers' answer allows (when `size` asks for prefetch). */
  prefetch?: PrefetchSizing;
  /** The smallest capacity meeting the SLO and its drop bound (when `size` asks for capacity). */
  capacity?: CapacitySizing;
}

/** One row of the growth table: consumers needed at a traffic multiplier. */
export interface GrowthRow {
  factor: number;
  /** Total over the planned queues; null when some queue has no answer. */
  consumers: number | null;
  queues: Record<string, number | null>;
  meets: boolean;
  costPerMonth?: number;
  explanations: Record<string, string>;
}

/** The whole plan (`kendall plan --json`). */
export interface PlanResult {
  slo: string;
  terms: string[];
  /** What was sized: consumers, then prefetch and capacity where asked. */
  size: SizeItem[];
  scenario: string;
  seed: number;
  queues: Record<string, QueuePlan>;
  growth: GrowthRow[];
  /** The confirming simulations' bounds and the replications they ran, null for an analytic-only plan. */
  simulation: (PlanSimulation & { maxRuns: number; replications: number }) | null;
  costPerHour?: number;
  /** Queues not planned, and why. */
  skipped: { queue: string; reason: string }[];
}

function queuesToPlan(scenario: Scenario, only?: string): { ids: string[]; skipped: PlanResult["skipped"] } {
  if (only !== undefined) {
    const q = scenario.queues[queueIndexOf(scenario, only)]!;
    if (q.consumers === "unlimited") throw new RangeError(`queue ${JSON.stringify(only)} has unlimited consumers: there is nothing to size`);
    return { ids: [only], skipped: [] };
  }
  const loads = offeredLoad(scenario, compileScenario(scenario));
  // Dead-letter flows depend on outcomes upstream: the offered load does not count them.
  const deadLetterTargets = new Set(scenario.queues.flatMap((q) => (q.deadLetter === undefined ? [] : [q.deadLetter])));
  const ids: string[] = [];
  const skipped: PlanResult["skipped"] = [];
  scenario.queues.forEach((q, i) => {
    if (q.consumers === "unlimited") skipped.push({ queue: q.id, reason: "unlimited consumers" });
    else if (q.consumers === 0) skipped.push({ queue: q.id, reason: "no consumers (a parking queue)" });
    else if (!(loads[i]!.lambda > 0) && !deadLetterTargets.has(q.id)) skipped.push({ queue: q.id, reason: "no traffic to size for" });
    else ids.push(q.id);
  });
  return { ids, skipped };
}

/** Sizes the queues one after another, each with those before it at their answers (upstream first in scenario order). */
function sizeAll(scenario: Scenario, ids: string[], slo: Slo, options: SizeOptions): QueueSizing[] {
  let working = scenario;
  return ids.map((id) => {
    const sizing = sizeQueue(working, id, slo, options);
    if (sizing.consumers !== null) working = withConsumers(working, id, sizing.consumers);
    return sizing;
  });
}

/**
 * Prefetch and capacity where asked, queue after queue (upstream first): each with every
 * planned queue at its consumers' answer and the queues before it at their prefetch and
 * capacity answers; capacity after prefetch, at the prefetch answer (a deeper window leaves
 * fewer messages ready, and the capacity counts ready messages only). The consumers' answers
 * stay what they are without `size`.
 */
function sizeMore(scenario: Scenario, sizings: QueueSizing[], slo: Slo, size: SizeItem[], bounds: PlanSimulation | null, maxRuns: number, limits: { consumers: number; capacity: number }) {
  const more = new Map<string, { prefetch?: PrefetchSizing; capacity?: CapacitySizing }>();
  if (size.length === 1) return more;
  let working = sizings.reduce((s, z) => (z.consumers === null ? s : withConsumers(s, z.queue, z.consumers)), scenario);
  for (const { queue, consumers } of sizings) {
    const answers: { prefetch?: PrefetchSizing; capacity?: CapacitySizing } = {};
    if (size.includes("prefetch")) {
      answers.prefetch = sizePrefetch(working, queue, slo, consumers, { bounds, maxRuns, consumerLimit: limits.consumers });
      if (answers.prefetch.value !== null) working = withPrefetch(working, queue, answers.prefetch.value);
    }
    if (size.includes("capacity")) {
      answers.capacity = sizeCapacity(working, queue, slo, consumers, { bounds, maxRuns, limit: limits.capacity });
      if (answers.capacity.value !== null) working = withCapacity(working, queue, answers.capacity.value);
    }
    more.set(queue, answers);
  }
  return more;
}

function checkCapacityLimit(limit: number | undefined): number {
  if (limit === undefined) return MAX_PLAN_CAPACITY;
  if (!(Number.isInteger(limit) && limit >= 0 && limit <= 1e9)) throw new RangeError(`invalid capacity limit: ${limit} (must be a whole number from 0 to 1e9)`);
  return limit;
}

function checkGrowth(factors: number[]): number[] {
  if (factors.length === 0 || factors.length > 20) throw new RangeError(`invalid growth: ${factors.length} factors (give 1 to 20)`);
  for (const f of factors) if (!(f > 0 && f <= 1e6)) throw new RangeError(`invalid growth factor: ${f} (must be > 0 and at most 1e6)`);
  return factors;
}

/**
 * A capacity plan against an SLO: for each queue the fewest consumers meeting it (analytic
 * first, confirmed by bounded simulation; see `sizeQueue`), the headroom of today's consumers,
 * the consumers needed at each growth factor, costs per month, and a backlog drain when asked.
 * With `size`, also the largest prefetch and the smallest capacity that keep the SLO at the
 * consumers' answer (see `sizePrefetch`, `sizeCapacity`; the growth table sizes consumers only).
 * Deterministic for a scenario seed; every search is bounded (`limit` consumers, `capacityLimit`,
 * the prefetch ladder, `maxRuns` simulations each of at most `maxMessages` messages per replication).
 * @throws RangeError (SloSyntaxError for the expression) naming the bad option and value.
 */
export function planScenario(scenario: Scenario, slo: Slo | string, options: PlanOptions = {}): PlanResult {
  const parsed = typeof slo === "string" ? parseSlo(slo) : slo;
  const growth = checkGrowth(options.growth ?? DEFAULT_GROWTH);
  const size = sizeItemsOf(options.size ?? ["consumers"]);
  const capacityLimit = checkCapacityLimit(options.capacityLimit);
  const cost = options.costPerHour;
  if (cost !== undefined && !(cost >= 0 && Number.isFinite(cost))) throw new RangeError(`invalid cost per hour: ${cost} (must be a number >= 0)`);
  const { ids, skipped } = queuesToPlan(scenario, options.queue);
  const bounds = options.simulation === false ? null : { ...planSimulationDefaults, ...options.simulation };
  const maxRuns = options.maxRuns ?? 12;
  const sizeOptions: SizeOptions = { limit: options.limit ?? MAX_PLAN_CONSUMERS, simulation: bounds ? { bounds, maxRuns } : null };
  const perMonth = (n: number | null) => (cost === undefined || n === null ? undefined : Number((n * cost * HOURS_PER_MONTH).toPrecision(12)));
  const sizings = sizeAll(scenario, ids, parsed, sizeOptions);
  const more = sizeMore(scenario, sizings, parsed, size, bounds, maxRuns, { consumers: sizeOptions.limit!, capacity: capacityLimit });
  const queues: Record<string, QueuePlan> = {};
  sizings.forEach((s) => {
    const { queue, consumers, meets, current, explanation, ...rest } = s;
    const plan: QueuePlan = { queue, consumers, meets, current, explanation, ...rest, headroom: headroom(scenario, queue, parsed, bounds, Math.min(8, maxRuns)) };
    if (cost !== undefined) {
      plan.costPerMonth = perMonth(s.consumers);
      plan.currentCostPerMonth = perMonth(s.current);
    }
    if (options.backlog !== undefined) plan.drain = drainPlan(scenario, queue, options.backlog, options.drainWithinS, bounds);
    queues[queue] = { ...plan, ...more.get(queue) };
  });
  const rows = growth.map((factor): GrowthRow => {
    const sized = factor === 1 ? sizings : sizeAll(scaleLoad(scenario, factor), ids, parsed, sizeOptions);
    const total = sized.every((s) => s.consumers !== null) ? sized.reduce((a, s) => a + s.consumers!, 0) : null;
    const row: GrowthRow = {
      factor,
      consumers: total,
      queues: Object.fromEntries(sized.map((s) => [s.queue, s.consumers])),
      meets: sized.every((s) => s.meets),
      explanations: Object.fromEntries(sized.map((s) => [s.queue, s.explanation])),
    };
    const c = perMonth(total);
    return c === undefined ? row : { ...row, costPerMonth: c };
  });
  return {
    slo: parsed.text.trim(),
    terms: parsed.terms.map((t) => t.text),
    size,
    scenario: scenario.name,
    seed: scenario.seed,
    queues,
    growth: rows,
    simulation: bounds ? { ...bounds, maxRuns, replications: boundedRun(scenario, bounds).run.replications } : null,
    ...(cost !== undefined ? { costPerHour: cost } : {}),
    skipped,
  };
}
