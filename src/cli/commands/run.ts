import type { Scenario } from "../../scenario/types.ts";
import { runScenarioThreads } from "../../worker/threads.ts";
import { withAnalytic } from "../../simulation/withAnalytic.ts";
import { fileArgument, intFlag, parseFlags } from "../flags.ts";
import { formatRunTable } from "../format/runTable.ts";
import type { CliIo } from "../io.ts";
import { loadScenario } from "../loadScenario.ts";

export const runUsage = "kendall run FILE [--json] [--seed N] [--messages N] [--replications N] [--threads N]";

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
  const { values, positionals } = parseFlags("run", args, {
    json: { type: "boolean" },
    seed: { type: "string" },
    messages: { type: "string" },
    replications: { type: "string" },
    threads: { type: "string" },
  });
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
