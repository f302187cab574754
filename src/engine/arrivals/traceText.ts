import { describeValue } from "../random/validate.ts";

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const NON_FINITE = /^[+-]?(?:nan|inf|infinity)$/i;

/** Checks one time against the previous one; `where` names it in messages. */
function checkTime(value: unknown, previous: number, where: string): number {
  if (typeof value !== "number") throw new TypeError(`${where}: expected a number >= 0, got ${describeValue(value)}`);
  if (!(value >= 0 && value < Infinity)) throw new RangeError(`${where}: expected a finite number >= 0, got ${value}`);
  if (value < previous) throw new RangeError(`${where}: times must be ascending, got ${value} after ${previous}`);
  return value;
}

function parseJson(text: string, path: string): number[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new TypeError(`${path}: invalid JSON (${(error as Error).message})`, { cause: error });
  }
  let list: unknown = data;
  let prefix = path;
  if (typeof data === "object" && data !== null && !Array.isArray(data) && "times" in data) {
    list = data.times;
    prefix = `${path}.times`;
  }
  if (!Array.isArray(list)) {
    throw new TypeError(`${prefix}: expected an array of times or { "times": [...] }, got ${describeValue(list)}`);
  }
  const times: number[] = [];
  for (let i = 0; i < list.length; i++) times.push(checkTime(list[i], times[i - 1] ?? 0, `${prefix}[${i}]`));
  return times;
}

/** The first field of a CSV line (comma, semicolon or tab separated), trimmed and unquoted. */
function firstField(line: string): string {
  const match = /^[^,;\t]*/.exec(line);
  const field = (match?.[0] ?? "").trim();
  return field.length >= 2 && field.startsWith('"') && field.endsWith('"') ? field.slice(1, -1).trim() : field;
}

function parseCsv(text: string, path: string): number[] {
  const lines = text.split(/\r\n|\n|\r/);
  const times: number[] = [];
  let seenLine = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === "") continue;
    const field = firstField(line);
    const where = `${path} line ${i + 1}`;
    if (NUMBER.test(field)) {
      times.push(checkTime(Number(field), times[times.length - 1] ?? 0, where));
    } else if (!seenLine && field !== "" && !NON_FINITE.test(field)) {
      // A header: only the first non-empty line may be one.
    } else {
      throw new (NON_FINITE.test(field) ? RangeError : TypeError)(`${where}: expected a number >= 0, got ${JSON.stringify(field)}`);
    }
    seenLine = true;
  }
  return times;
}

/**
 * Parses an arrival trace file's text into ascending arrival times (s) for the `trace` process.
 * Pure: the caller reads the file. Accepts JSON, an array of numbers or `{ "times": [...] }`,
 * or CSV with one timestamp per line in the first column (comma, semicolon or tab separated,
 * optionally quoted), an optional header line, blank lines ignored. Times may repeat.
 * @param text the file's contents
 * @param path the file's name, used in error messages
 * @returns the times, ascending, each a finite number >= 0
 * @throws TypeError on invalid JSON or a non-numeric entry, RangeError on a negative, NaN,
 *   infinite or descending time, naming the entry (`trace.csv line 5`, `trace.json[3]`) and
 *   its value; also when the text holds no times at all
 */
export function parseTraceText(text: string, path: string): number[] {
  const body = text.replace(/^\uFEFF/, "");
  const start = body.trimStart()[0];
  const times = start === "[" || start === "{" ? parseJson(body, path) : parseCsv(body, path);
  if (times.length === 0) throw new RangeError(`${path}: no arrival times found`);
  return times;
}
