import { accessSync, constants, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { buildReport, reportFormatOf, reportPartName } from "../../report/index.ts";
import { runScenario } from "../../simulation/run.ts";
import { withAnalytic } from "../../simulation/withAnalytic.ts";
import { CliError } from "../cliError.ts";
import { fileArgument, intFlag, parseFlags } from "../flags.ts";
import { defineFlags, type CommandHelp } from "../help.ts";
import type { CliIo } from "../io.ts";
import { loadScenario } from "../loadScenario.ts";
import { applyRunOverrides, runOverrideFlags } from "./run.ts";

/** One line of `kendall --help`. */
export const reportUsage = "kendall report FILE -o OUT.(html|md|csv|json) [--seed N] [--messages N] [--replications N]";

const reportFlags = defineFlags({
  output: { type: "string", short: "o", arg: "OUT", help: "required: the report file; .html, .md, .csv or .json sets the format" },
  ...runOverrideFlags,
});

/** `kendall report --help`. */
export const reportHelp: CommandHelp = {
  name: "report",
  usage: reportUsage,
  summary: "write an HTML, Markdown, CSV or JSON report",
  about:
    "Simulates the scenario FILE with chart detail and writes a report in OUT's format. The HTML report is " +
    "self-contained (inline SVG, print styles) and embeds the scenario: import it in the page to get it back.",
  flags: reportFlags,
  exitCodes: "0 ok, 2 bad input (file, flag, scenario, OUT not writable), 1 other",
  examples: ["kendall report models/orders.json -o orders.html", "kendall report models/orders.json -o orders.md"],
};

/** Kendall's version from package.json (the pure report builders take it as an argument). */
export function kendallVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version?: unknown };
    return typeof pkg.version === "string" ? pkg.version : "unknown";
  } catch {
    return "unknown";
  }
}

/** The report's date: now in UTC, or SOURCE_DATE_EPOCH (seconds) for reproducible builds. */
export function reportDate(epochS = process.env.SOURCE_DATE_EPOCH): string {
  const fixed = epochS !== undefined && /^\d+$/.test(epochS) ? new Date(Number(epochS) * 1000) : new Date();
  return `${fixed.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** Refuses, before a long run, an output path whose folder is missing or not writable, or that is a folder. */
function checkWritable(path: string, shown: string): void {
  const dir = dirname(path);
  try {
    if (!statSync(dir).isDirectory()) throw new CliError(`-o ${JSON.stringify(shown)}: ${JSON.stringify(dir)} is not a folder`);
    accessSync(dir, constants.W_OK);
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`-o ${JSON.stringify(shown)}: cannot write there (${code === "ENOENT" ? "no such folder" : (code ?? "error")})`);
  }
  try {
    if (statSync(path).isDirectory()) throw new CliError(`-o ${JSON.stringify(shown)}: is a folder, not a file`);
  } catch (e) {
    if (e instanceof CliError) throw e;
  }
}

function writeText(path: string, shown: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (e) {
    throw new CliError(`-o ${JSON.stringify(shown)}: cannot write the report (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

/** `kendall report`: simulate a scenario with chart detail and write the report in the format of OUT's extension. */
export async function reportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags("report", args, reportFlags);
  const file = fileArgument("report", positionals);
  const out = values.output;
  if (out === undefined || out.trim() === "") throw new CliError(`kendall report: missing -o OUT (usage: ${reportUsage})`);
  const format = reportFormatOf(out);
  if (!format) throw new CliError(`-o ${JSON.stringify(out)}: unknown report format (expected a file ending in .html, .md, .csv or .json)`);
  const seed = intFlag("seed", values.seed, 0, 2 ** 53 - 1);
  const messages = intFlag("messages", values.messages, 1, 1e9);
  const replications = intFlag("replications", values.replications, 1, 1000);
  const outPath = resolve(io.cwd, out);
  checkWritable(outPath, out);
  const scenario = applyRunOverrides(loadScenario(file, io.cwd), seed, messages, replications);
  const result = withAnalytic(scenario, runScenario(scenario, { clock: io.clock, detail: true }));
  const files = buildReport(format, { scenario, result, meta: { date: reportDate(), version: kendallVersion() } });
  const written = files.map((f) => {
    const name = reportPartName(out, f.part);
    writeText(reportPartName(outPath, f.part), name, f.text);
    return name;
  });
  io.out(`wrote ${written.join(", ")}\n`);
  return 0;
}
