import { readFileSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseTraceText } from "../engine/arrivals/index.ts";
import { formatIssue, parseScenarioText, type Scenario } from "../scenario/index.ts";
import { CliError } from "./cliError.ts";

// The scenario parser refuses more than 20 MB; trace files may be larger.
const MAX_FILE_BYTES = 50 * 1024 * 1024;

function readText(path: string, what: string): string {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new CliError(`${what} ${JSON.stringify(path)} is a directory, not a file`);
    size = st.size;
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(code === "ENOENT" ? `${what} not found: ${JSON.stringify(path)}` : `cannot read ${what} ${JSON.stringify(path)}: ${code ?? (e as Error).message}`);
  }
  if (size > MAX_FILE_BYTES) throw new CliError(`${what} ${JSON.stringify(path)} is ${size} bytes (limit ${MAX_FILE_BYTES})`);
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    throw new CliError(`cannot read ${what} ${JSON.stringify(path)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/**
 * Reads and validates a scenario file; trace arrivals given as `file` are loaded relative to
 * the scenario's folder. Any problem is a CliError naming the field and the value (exit 2).
 */
export function loadScenario(file: string, cwd: string): Scenario {
  const path = resolve(cwd, file);
  const parsed = parseScenarioText(readText(path, "scenario file"), file);
  if (!parsed.ok) {
    const [first, ...rest] = parsed.errors;
    const more = rest.length > 0 ? ` (and ${rest.length} more)` : "";
    const text = formatIssue(first!);
    // Whole-file problems (empty, too large) already name the file.
    throw new CliError(`${text.includes(file) ? "" : `${file}: `}${text}${more}`);
  }
  const scenario = parsed.scenario;
  scenario.queues.forEach((q, i) => {
    const a = q.arrival;
    if (a?.process === "trace" && a.file !== undefined && a.times === undefined) {
      const tracePath = resolve(dirname(path), a.file);
      const fieldPath = `queues[${i}].arrival.file`;
      try {
        a.times = parseTraceText(readText(tracePath, "trace file"), fieldPath);
      } catch (e) {
        throw e instanceof CliError ? e : new CliError(`${file}: ${(e as Error).message}`);
      }
    }
  });
  return scenario;
}
