import { DEFAULT_GROWTH, formatPlan, HOURS_PER_MONTH, MAX_DRAIN_BACKLOG, MAX_PLAN_CAPACITY, parseSizeItems, parseSlo, planScenario, planSimulationDefaults, sloMetricsHelp, SloSyntaxError, type PlanOptions, type SizeItem, type Slo } from "../../planner/index.ts";
import { CliError } from "../cliError.ts";
import { fileArgument, intFlag, numberFlag, parseFlags } from "../flags.ts";
import { defineFlags, type CommandHelp } from "../help.ts";
import type { CliIo } from "../io.ts";
import { loadScenario } from "../loadScenario.ts";

/** The usage line of `kendall plan` (its --help lists the other flags). */
export const planUsage =
  "kendall plan FILE --slo EXPR [--size consumers,prefetch,capacity] [--queue ID] [--growth 1,1.5,2] [--cost-per-hour X] [--backlog N [--drain-within S]] [--json]";

const n = (v: number) => v.toLocaleString("en-US");

const planFlags = defineFlags({
  slo: { type: "string", arg: "EXPR", help: 'required: the SLO to meet, like "p99(wait) < 200ms" (grammar below)' },
  size: { type: "string", arg: "LIST", help: "what to size: consumers plus prefetch and/or capacity", defaultText: "consumers" },
  queue: { type: "string", arg: "ID", help: "plan only this queue", defaultText: "every queue with traffic" },
  growth: { type: "string", arg: "LIST", help: "traffic multipliers (1 to 20, > 0) of the growth table", defaultText: DEFAULT_GROWTH.join(",") },
  "cost-per-hour": { type: "string", arg: "X", help: `cost of one consumer for an hour (>= 0): adds cost per month (${HOURS_PER_MONTH} h)` },
  backlog: { type: "string", arg: "N", help: `a backlog to drain, 1 to ${n(MAX_DRAIN_BACKLOG)} messages: adds the drain time` },
  "drain-within": { type: "string", arg: "S", help: "time to drain the backlog in (60, 30s, 5min, 1h); needs --backlog" },
  "max-messages": { type: "string", arg: "N", help: "messages per replication of confirming runs, 100 to 10^7", defaultText: n(planSimulationDefaults.maxMessages) },
  "analytic-only": { type: "boolean", help: "do not confirm by simulation (prefetch is then not sized)" },
  "max-capacity": { type: "string", arg: "N", help: "largest capacity --size capacity tries, 0 to 10^9", defaultText: n(MAX_PLAN_CAPACITY) },
  seed: { type: "string", arg: "N", help: "seed of the confirming runs, 0 to 2^53-1", defaultText: "the scenario's seed" },
  json: { type: "boolean", help: "print the plan as JSON (shape in DESIGN.md)" },
});

/** `kendall plan --help`. */
export const planHelp: CommandHelp = {
  name: "plan",
  usage: planUsage,
  summary: "fewest consumers (and, with --size, prefetch and capacity) meeting an SLO, growth, headroom",
  about:
    "Finds, for each queue of FILE, the fewest consumers meeting the SLO: analytic first, then simulated at the " +
    "answer and one fewer (the simulation decides). Adds headroom, a growth table, costs and a backlog drain.",
  flags: planFlags,
  notes: [
    "EXPR: TERM [and TERM]..., TERM = METRIC OP VALUE[UNIT], OP < or <=, UNIT ms, s or % (a bare VALUE " +
      `is seconds or a fraction), METRIC ${sloMetricsHelp}.`,
  ],
  exitCodes: "0 ok (also when nothing meets the SLO: the plan says so), 2 bad input (file, flag, SLO, scenario), 1 other",
  examples: [
    'kendall plan models/orders.json --slo "p99(wait) < 200ms"',
    'kendall plan models/mmc.json --slo "mean(wait) < 100ms" --backlog 20000 --drain-within 300',
  ],
};

function sloFlag(text: string | undefined): Slo {
  if (text === undefined) throw new CliError(`kendall plan: missing --slo EXPR (e.g. --slo "p99(wait) < 200ms")`);
  try {
    return parseSlo(text);
  } catch (e) {
    if (e instanceof SloSyntaxError) throw new CliError(`--slo ${JSON.stringify(text)}: ${e.message}`);
    throw e;
  }
}

function growthFlag(text: string | undefined): number[] | undefined {
  if (text === undefined) return undefined;
  const items = text.split(",").map((s) => s.trim());
  const factors = items.map(Number);
  const bad = items.findIndex((s, i) => s === "" || !(factors[i]! > 0 && factors[i]! <= 1e6));
  if (bad >= 0 || items.length > 20) {
    throw new CliError(`--growth: expected 1 to 20 traffic multipliers > 0 like 1,1.5,2, got ${JSON.stringify(text)}${bad >= 0 ? ` (item ${bad + 1})` : ""}`);
  }
  return factors;
}

/** `--size`: what to size besides consumers (always sized): prefetch and/or capacity. */
function sizeFlag(text: string | undefined): SizeItem[] | undefined {
  if (text === undefined) return undefined;
  try {
    return parseSizeItems(text);
  } catch (e) {
    if (e instanceof RangeError) throw new CliError(`--size: ${e.message}, got ${JSON.stringify(text)}`);
    throw e;
  }
}

/** A duration flag: seconds, or a number with ms, s, min or h. */
export function durationFlag(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const m = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(ms|s|min|h)?\s*$/.exec(text);
  const scale = { ms: 1e-3, s: 1, min: 60, h: 3600 }[(m?.[2] ?? "s") as "s"];
  const value = m ? Number(m[1]) * scale : NaN;
  if (!(value > 0 && Number.isFinite(value))) throw new CliError(`--${name}: expected a duration > 0 like 60, 30s or 5min, got ${JSON.stringify(text)}`);
  return value;
}

/**
 * `kendall plan`: the fewest consumers meeting an SLO for each queue (analytic first, then
 * confirmed by simulations capped at --max-messages per replication), with headroom, growth,
 * costs and a backlog drain. `--size` adds the largest prefetch (simulated along a ladder up
 * to 1000) and the smallest capacity (up to --max-capacity, default 1,000,000) that keep the
 * SLO at the consumers' answer.
 */
export async function planCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags("plan", args, planFlags);
  const file = fileArgument("plan", positionals);
  const slo = sloFlag(values.slo);
  const backlog = intFlag("backlog", values.backlog, 1, MAX_DRAIN_BACKLOG);
  const drainWithinS = durationFlag("drain-within", values["drain-within"]);
  if (drainWithinS !== undefined && backlog === undefined) throw new CliError("--drain-within needs --backlog N (the messages to drain)");
  const seed = intFlag("seed", values.seed, 0, 2 ** 53 - 1);
  const maxMessages = intFlag("max-messages", values["max-messages"], 100, 1e7);
  const size = sizeFlag(values.size);
  const capacityLimit = intFlag("max-capacity", values["max-capacity"], 0, 1e9);
  if (capacityLimit !== undefined && !size?.includes("capacity")) throw new CliError("--max-capacity needs --size with capacity (e.g. --size consumers,capacity)");
  const options: PlanOptions = {
    ...(values.queue !== undefined ? { queue: values.queue } : {}),
    ...(values.growth !== undefined ? { growth: growthFlag(values.growth) } : {}),
    ...(values["cost-per-hour"] !== undefined ? { costPerHour: numberFlag("cost-per-hour", values["cost-per-hour"], 0, true) } : {}),
    ...(backlog !== undefined ? { backlog } : {}),
    ...(drainWithinS !== undefined ? { drainWithinS } : {}),
    ...(size !== undefined ? { size } : {}),
    ...(capacityLimit !== undefined ? { capacityLimit } : {}),
    simulation: values["analytic-only"] ? false : maxMessages !== undefined ? { maxMessages } : {},
  };
  const loaded = loadScenario(file, io.cwd);
  const scenario = seed === undefined ? loaded : { ...loaded, seed };
  let result;
  try {
    result = planScenario(scenario, slo, options);
  } catch (e) {
    if (e instanceof RangeError) throw new CliError(`kendall plan: ${e.message}`);
    throw e;
  }
  io.out(values.json ? JSON.stringify(result, null, 2) + "\n" : formatPlan(result));
  return 0;
}
