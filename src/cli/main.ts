import { CliError, ExitCode, oneLine } from "./cliError.ts";
import type { CliIo } from "./io.ts";
import { formatCommandHelp, type CommandHelp } from "./help.ts";
import { runCommand, runHelp } from "./commands/run.ts";
import { analyzeCommand, analyzeHelp } from "./commands/analyze.ts";
import { liveCommand, liveHelp } from "./commands/live.ts";
import { planCommand, planHelp } from "./commands/plan.ts";
import { sweepCommand, sweepHelp } from "./commands/sweep.ts";
import { loadgenCommand, loadgenHelp } from "./commands/loadgen.ts";
import { reportCommand, reportHelp } from "./commands/report.ts";

type Command = (args: string[], io: CliIo) => Promise<number>;

/** Every command with its help (usage, summary, flag table): the parser and `--help` share the table. */
export const commands: Record<string, { run: Command; help: CommandHelp }> = {
  run: { run: runCommand, help: runHelp },
  analyze: { run: analyzeCommand, help: analyzeHelp },
  live: { run: liveCommand, help: liveHelp },
  plan: { run: planCommand, help: planHelp },
  sweep: { run: sweepCommand, help: sweepHelp },
  loadgen: { run: loadgenCommand, help: loadgenHelp },
  report: { run: reportCommand, help: reportHelp },
};

function help(): string {
  const lines = ["kendall: queueing simulation and capacity planning for message queues", "", "usage:"];
  for (const { help: c } of Object.values(commands)) lines.push(`  ${c.usage}`.padEnd(78) + ` ${c.summary}`);
  lines.push("", "exit codes: 0 ok, 2 bad input, 3 broker unreachable, 1 other; --debug shows stack traces");
  lines.push("kendall CMD --help: that command's flags with their defaults, exit codes and examples");
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
    io.out(formatCommandHelp(command.help));
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
