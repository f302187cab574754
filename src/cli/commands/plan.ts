import { formatPlan, MAX_DRAIN_BACKLOG, parseSizeItems, parseSlo, planScenario, SloSyntaxError, type PlanOptions, type SizeItem, type Slo } from "../../planner/index.ts";
import { CliError } from "../cliError.ts";
import { fileArgument, intFlag, numberFlag, parseFlags } from "../flags.ts";
import type { CliIo } from "../io.ts";
import { loadScenario } from "../loadScenario.ts";

/**
 * The usage line of `kendall plan` (also: --seed N, --max-messages N, --analytic-only, and
 * --max-capacity N: the largest capacity a capacity search tries, default 1,000,000).
 */
export const planUsage =
  "kendall plan FILE --slo EXPR [--size consumers,prefetch,capacity] [--queue ID] [--growth 1,1.5,2] [--cost-per-hour X] [--backlog N [--drain-within S]] [--json]";

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
  const { values, positionals } = parseFlags("plan", args, {
    slo: { type: "string" },
    queue: { type: "string" },
    growth: { type: "string" },
    "cost-per-hour": { type: "string" },
    backlog: { type: "string" },
    "drain-within": { type: "string" },
    json: { type: "boolean" },
    seed: { type: "string" },
    "max-messages": { type: "string" },
    "analytic-only": { type: "boolean" },
    size: { type: "string" },
    "max-capacity": { type: "string" },
  });
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
