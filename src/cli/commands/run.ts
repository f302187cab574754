import type { Scenario } from "../../scenario/types.ts";
import { runScenarioThreads } from "../../worker/threads.ts";
import { withAnalytic } from "../../simulation/withAnalytic.ts";
import { runLimits } from "../../simulation/run.ts";
import { fileArgument, intFlag, parseFlags } from "../flags.ts";
import { formatRunTable } from "../format/runTable.ts";
import { defineFlags, type CommandHelp } from "../help.ts";
import type { CliIo } from "../io.ts";
import { loadScenario } from "../loadScenario.ts";

export const runUsage = "kendall run FILE [--json] [--seed N] [--messages N] [--replications N] [--threads N]";

/** The flags `run` and `report` share: what to simulate, overriding the scenario's `run`. */
export const runOverrideFlags = defineFlags({
  seed: { type: "string", arg: "N", help: "seed of every random stream, 0 to 2^53-1", defaultText: "the scenario's seed" },
  messages: { type: "string", arg: "N", help: "messages per replication, 1 to 10^9", defaultText: "the scenario's run" },
  replications: { type: "string", arg: "N", help: "independent replications, 1 to 1000", defaultText: "run.replications" },
});

const runFlags = defineFlags({
  json: { type: "boolean", help: "print the result as JSON (shape in DESIGN.md) instead of a table" },
  ...runOverrideFlags,
  threads: { type: "string", arg: "N", help: "threads, 1 to 256; same results", defaultText: "1 per core on long runs" },
});

const backlogLimit = runLimits.backlogLimit.toLocaleString("en-US");

/** `kendall run --help`. */
export const runHelp: CommandHelp = {
  name: "run",
  usage: runUsage,
  summary: "simulate a scenario",
  about:
    "Simulates the scenario FILE (a scenario file, or a Kendall HTML or JSON report) and prints simulated figures with 95% intervals beside the analytic model. " +
    `A run stops early at run.backlogLimit (default ${backlogLimit} ready messages in a queue) or run.eventBudget; the result says so.`,
  flags: runFlags,
  exitCodes: "0 ok (also a run stopped by a limit), 2 bad input (file, flag, scenario), 1 other",
  examples: ["kendall run models/orders.json", "kendall run models/mmc.json --json --seed 7", "kendall run models/mm1.json --messages 20000 --replications 3"],
};

/** Applies the command-line overrides of `run` to a scenario. */
export function applyRunOverrides(s: Scenario, seed?: number, messages?: number, replications?: number): Scenario {
  const run = { ...s.run };
  if (messages !== undefined) {
    run.messages = messages;
    delete run.duration;
  }
  if (replications !== undefined) run.replications = replications;
  return { ...s, seed: seed ?? s.seed, run };
}

/** `kendall run`: simulate a scenario and print simulated figures beside the analytic ones. */
export async function runCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags("run", args, runFlags);
  const file = fileArgument("run", positionals);
  const seed = intFlag("seed", values.seed, 0, 2 ** 53 - 1);
  const messages = intFlag("messages", values.messages, 1, 1e9);
  const replications = intFlag("replications", values.replications, 1, 1000);
  const threads = intFlag("threads", values.threads, 1, 256);
  const scenario = applyRunOverrides(loadScenario(file, io.cwd), seed, messages, replications);
  // Replications run on one worker thread per core; the numbers are those of a sequential run.
  const result = withAnalytic(scenario, await runScenarioThreads(scenario, { clock: io.clock, threads }));
  if (values.json) io.out(JSON.stringify(result, null, 2) + "\n");
  else {
    const r = scenario.run;
    const length = r.duration !== undefined ? `${r.duration} s` : `${r.messages} messages`;
    io.out(formatRunTable(result, `${scenario.name} (seed ${scenario.seed}, ${result.replications} x ${length})`, scenario));
  }
  return 0;
}
