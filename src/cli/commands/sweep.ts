import { formatSweep, MAX_SWEEP_VALUES, parseSweepValues, runSweep, sweepCsv, sweepScenarios, type SweepOptions, type SweepValue } from "../../planner/index.ts";
import { CliError } from "../cliError.ts";
import { fileArgument, intFlag, parseFlags } from "../flags.ts";
import { defineFlags, type CommandHelp } from "../help.ts";
import type { CliIo } from "../io.ts";
import { loadScenario } from "../loadScenario.ts";
import { runOverrideFlags } from "./run.ts";

/** The usage line of `kendall sweep` (also: --seed N, --messages N, --replications N). */
export const sweepUsage = "kendall sweep FILE --param PATH --values LIST [--param2 PATH --values2 LIST] [--json|--csv]";

const sweepFlags = defineFlags({
  param: { type: "string", arg: "PATH", help: "required: like queues.orders.consumers or queues[0].arrival.rate" },
  values: { type: "string", arg: "LIST", help: `required: like 1,2,4 or START:STOP:STEP (10:100:10), at most ${MAX_SWEEP_VALUES}` },
  param2: { type: "string", arg: "PATH", help: "a second parameter: every pair of values is simulated" },
  values2: { type: "string", arg: "LIST", help: "the second parameter's values (needs --param2)" },
  json: { type: "boolean", help: "print the result as JSON" },
  csv: { type: "boolean", help: "print the result as CSV (not with --json)" },
  ...runOverrideFlags,
});

/** `kendall sweep --help`. */
export const sweepHelp: CommandHelp = {
  name: "sweep",
  usage: sweepUsage,
  summary: "simulate over a range of one or two parameters",
  about:
    "Simulates the scenario FILE at each value of one or two parameters, with the same seed at every point " +
    "(common random numbers), and prints W, Wq, p99 wait, utilization and P(refused) per queue with 95% intervals.",
  flags: sweepFlags,
  exitCodes: "0 ok, 2 bad input (file, flag, path, value, scenario), 1 other",
  examples: [
    "kendall sweep models/orders.json --param queues.orders.consumers --values 1:4:1",
    `kendall sweep models/orders.json --param "queues[0].arrival.rate" --values 20,40,60 --csv`,
  ],
};

function valuesFlag(name: string, text: string | undefined, param: string): SweepValue[] {
  if (text === undefined) throw new CliError(`kendall sweep: --${name === "values" ? "param" : "param2"} ${JSON.stringify(param)} needs --${name} LIST (like 1,2,4 or 10:100:10)`);
  try {
    return parseSweepValues(text);
  } catch (e) {
    throw e instanceof RangeError ? new CliError(`--${name}: ${e.message}`) : e;
  }
}

/**
 * `kendall sweep`: simulates the scenario at each value of one or two parameters with the
 * same seed (common random numbers) and prints W, Wq, p99 wait, utilization and P(refused)
 * per queue with 95% intervals, as a table, JSON or CSV.
 */
export async function sweepCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags("sweep", args, sweepFlags);
  const file = fileArgument("sweep", positionals);
  if (values.json && values.csv) throw new CliError("kendall sweep: choose one of --json and --csv");
  if (values.param === undefined) throw new CliError("kendall sweep: missing --param PATH (e.g. --param queues.orders.consumers --values 1,2,4)");
  if (values.param2 === undefined && values.values2 !== undefined) throw new CliError("kendall sweep: --values2 needs --param2 PATH");
  const params = [{ path: values.param, values: valuesFlag("values", values.values, values.param) }];
  if (values.param2 !== undefined) params.push({ path: values.param2, values: valuesFlag("values2", values.values2, values.param2) });
  const seed = intFlag("seed", values.seed, 0, 2 ** 53 - 1);
  const messages = intFlag("messages", values.messages, 1, 1e9);
  const replications = intFlag("replications", values.replications, 1, 1000);
  const options: SweepOptions = { ...(seed !== undefined ? { seed } : {}), ...(messages !== undefined ? { messages } : {}), ...(replications !== undefined ? { replications } : {}) };
  const scenario = loadScenario(file, io.cwd);
  try {
    sweepScenarios(scenario, params, options);
  } catch (e) {
    throw e instanceof RangeError ? new CliError(`kendall sweep: ${e.message}`) : e;
  }
  const result = runSweep(scenario, params, options);
  io.out(values.json ? JSON.stringify(result, null, 2) + "\n" : values.csv ? sweepCsv(result) : formatSweep(result));
  return 0;
}
