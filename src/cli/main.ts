import { CliError, ExitCode, oneLine } from "./cliError.ts";
import type { CliIo } from "./io.ts";
import { runCommand, runUsage } from "./commands/run.ts";
import { analyzeCommand, analyzeUsage } from "./commands/analyze.ts";
import { liveCommand, liveUsage } from "./commands/live.ts";
import { planCommand, planUsage } from "./commands/plan.ts";
import { sweepCommand, sweepUsage } from "./commands/sweep.ts";
import { loadgenCommand, loadgenUsage } from "./commands/loadgen.ts";
import { reportCommand, reportUsage } from "./commands/report.ts";

type Command = (args: string[], io: CliIo) => Promise<number>;

const commands: Record<string, { run: Command; usage: string; summary: string }> = {
  run: { run: runCommand, usage: runUsage, summary: "simulate a scenario" },
  analyze: { run: analyzeCommand, usage: analyzeUsage, summary: "analytic results only" },
  live: { run: liveCommand, usage: liveUsage, summary: "watch a real queue, then observed vs predicted" },
  plan: { run: planCommand, usage: planUsage, summary: "fewest consumers (and, with --size, prefetch and capacity) meeting an SLO, growth, headroom" },
  sweep: { run: sweepCommand, usage: sweepUsage, summary: "simulate over a range of one or two parameters" },
  loadgen: { run: loadgenCommand, usage: loadgenUsage, summary: "drive a real broker with a scenario and measure it" },
  report: { run: reportCommand, usage: reportUsage, summary: "write an HTML, Markdown, CSV or JSON report" },
};

function help(): string {
  const lines = ["kendall: queueing simulation and capacity planning for message queues", "", "usage:"];
  for (const c of Object.values(commands)) lines.push(`  ${c.usage}`.padEnd(78) + ` ${c.summary}`);
  lines.push("", "exit codes: 0 ok, 2 bad input, 3 broker unreachable, 1 other; --debug shows stack traces");
  return lines.join("\n") + "\n";
}

/** Runs the command line with `argv` (without node and script); returns the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const debug = argv.includes("--debug");
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.out(help());
    return name === undefined ? ExitCode.badInput : ExitCode.ok;
  }
  if (name === "--version") {
    io.out("kendall 0.1.0\n");
    return ExitCode.ok;
  }
  const command = commands[name];
  if (!command) {
    io.err(oneLine(`kendall: unknown command ${JSON.stringify(name)} (commands: ${Object.keys(commands).join(", ")})`) + "\n");
    return ExitCode.badInput;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(`usage: ${command.usage}\n${command.summary}\n`);
    return ExitCode.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(oneLine(e.message) + "\n");
      if (debug) io.err(`${e.stack ?? ""}\n`);
      return e.exitCode;
    }
    const err = e as Error;
    // Validation errors thrown by the core name their field: they are bad input.
    const code = err instanceof RangeError ? ExitCode.badInput : ExitCode.failure;
    io.err(oneLine(`kendall ${name}: ${err.message}`) + "\n");
    if (debug) io.err(`${err.stack ?? ""}\n`);
    return code;
  }
}
