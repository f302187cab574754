import { readFileSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseTraceText } from "../engine/arrivals/index.ts";
import { parseImportText } from "../report/index.ts";
import { formatIssue, type Scenario } from "../scenario/index.ts";
import { CliError } from "./cliError.ts";

// The scenario parser refuses more than 20 MB; trace files may be larger.
const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** Reads a text file; a problem is a CliError naming the file as `shown` (the path as written). */
function readText(path: string, what: string, shown = path): string {
  const name = JSON.stringify(shown);
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new CliError(`${what} ${name} is a directory, not a file`);
    size = st.size;
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(code === "ENOENT" ? `${what} not found: ${name}` : `cannot read ${what} ${name}: ${code ?? (e as Error).message}`);
  }
  if (size > MAX_FILE_BYTES) throw new CliError(`${what} ${name} is ${size} bytes (limit ${MAX_FILE_BYTES})`);
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    throw new CliError(`cannot read ${what} ${name}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/**
 * Reads and validates a scenario file, or the scenario embedded in a Kendall report (HTML or
 * JSON), so that a report can be run again; trace arrivals given as `file` are loaded relative to
 * the scenario's folder. Any problem is a CliError naming the field and the value (exit 2).
 */
export function loadScenario(file: string, cwd: string): Scenario {
  const path = resolve(cwd, file);
  const parsed = parseImportText(readText(path, "scenario file"), file);
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
      let text: string;
      try {
        text = readText(tracePath, "trace file", a.file);
      } catch (e) {
        // The file is named as written, with where it was looked for when that differs.
        const where = tracePath === a.file ? "" : ` (looked for ${JSON.stringify(tracePath)})`;
        throw new CliError(`${file}: ${fieldPath}: ${(e as Error).message}${where}`);
      }
      try {
        a.times = parseTraceText(text, fieldPath);
      } catch (e) {
        throw new CliError(`${file}: ${(e as Error).message}`);
      }
    }
  });
  return scenario;
}
