import { liveError, type LiveResult } from "../types.ts";
import { preview } from "./body.ts";

/** One sample line of the Prometheus text format: metric name, labels and value. */
export interface PromSeries {
  name: string;
  labels: Record<string, string>;
  /** The value; NaN and +-Inf are kept as the exposition gives them. */
  value: number;
}

/** Parsed exposition: the series, and how many lines could not be read. */
export interface PromScrape {
  series: PromSeries[];
  badLines: number;
}

const nameRe = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;

function parseValue(text: string): number | undefined {
  if (text === "NaN") return NaN;
  if (text === "+Inf" || text === "Inf") return Infinity;
  if (text === "-Inf") return -Infinity;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return undefined;
  return Number(text);
}

/** Reads `{a="x",b="y"}` from `line` at `i` (just after `{`); returns the labels and the index after `}`. */
function parseLabels(line: string, start: number): { labels: Record<string, string>; end: number } | undefined {
  const labels: Record<string, string> = {};
  let i = start;
  for (;;) {
    while (line[i] === " " || line[i] === ",") i++;
    if (line[i] === "}") return { labels, end: i + 1 };
    const m = /^[a-zA-Z_][a-zA-Z0-9_]*/.exec(line.slice(i));
    if (!m) return undefined;
    i += m[0].length;
    while (line[i] === " ") i++;
    if (line[i] !== "=" || line[i + 1] !== '"') return undefined;
    i += 2;
    let value = "";
    for (; i < line.length && line[i] !== '"'; i++) {
      if (line[i] === "\\") {
        const next = line[++i];
        value += next === "n" ? "\n" : (next ?? "");
      } else value += line[i];
    }
    if (line[i] !== '"') return undefined;
    labels[m[0]] = value;
    i++;
  }
}

function parseLine(line: string): PromSeries | undefined {
  const m = nameRe.exec(line);
  if (!m) return undefined;
  let i = m[0].length;
  let labels: Record<string, string> = {};
  if (line[i] === "{") {
    const l = parseLabels(line, i + 1);
    if (!l) return undefined;
    labels = l.labels;
    i = l.end;
  }
  const [valueText] = line.slice(i).trim().split(/\s+/); // an optional timestamp may follow
  const value = valueText === undefined ? undefined : parseValue(valueText);
  return value === undefined ? undefined : { name: m[0], labels, value };
}

/**
 * Parses the Prometheus text exposition format (0.0.4): comments and `# HELP`/`# TYPE` lines
 * are skipped, label values unescaped, `NaN`/`+Inf` kept, a trailing timestamp ignored. Lines
 * that cannot be read are counted, not fatal; a body with no readable series that is not
 * empty (an HTML page, JSON, binary) is `malformed`. Never throws.
 */
export function parsePrometheusText(text: string): LiveResult<PromScrape> {
  if (typeof text !== "string") return liveError("malformed", "Prometheus: expected text");
  const series: PromSeries[] = [];
  let badLines = 0;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const s = parseLine(line);
    if (s) series.push(s);
    else badLines++;
  }
  if (series.length === 0 && badLines > 0) return liveError("malformed", `Prometheus: no metric lines in the response (${preview(text)})`);
  return { ok: true, value: { series, badLines } };
}

/** Strips the `rabbitmq_detailed_` prefix of `/metrics/detailed` so both endpoints read alike. */
export function canonicalName(name: string): string {
  return name.startsWith("rabbitmq_detailed_") ? `rabbitmq_${name.slice("rabbitmq_detailed_".length)}` : name;
}

/** True when every label in `want` is present in `labels` with that value. */
export function labelsMatch(labels: Record<string, string>, want: Record<string, string>): boolean {
  for (const [k, v] of Object.entries(want)) if (labels[k] !== v) return false;
  return true;
}

/** A stable key of a series (name and sorted labels), for following a counter across scrapes. */
export function seriesKey(s: PromSeries): string {
  const labels = Object.keys(s.labels).sort().map((k) => `${k}=${JSON.stringify(s.labels[k])}`);
  return `${canonicalName(s.name)}{${labels.join(",")}}`;
}
