import type { Slo, SloMetric, SloOp, SloTerm } from "./types.ts";
import { isTimeMetric } from "./types.ts";

/** The metrics an SLO term may bound, as the error messages list them. */
export const sloMetricsHelp = "mean(wait), mean(sojourn), pNN(wait), pNN(sojourn), P(wait > T), dropped, expired or utilization";

/**
 * A syntax or range error in an SLO expression: `position` is the 1-based character where it
 * was found, and the message reads `at 5: unknown metric "p99(latency)"; expected ...`.
 */
export class SloSyntaxError extends RangeError {
  constructor(readonly position: number, readonly reason: string) {
    super(`at ${position}: ${reason}`);
    this.name = "SloSyntaxError";
  }
}

const quote = (s: string) => JSON.stringify(s.length > 40 ? `${s.slice(0, 37)}...` : s);
const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;

/** A cursor over the expression; positions it reports are 1-based. */
class Cursor {
  i = 0;
  constructor(readonly text: string) {}
  get pos(): number {
    return this.i + 1;
  }
  skipSpace(): void {
    while (this.i < this.text.length && /\s/.test(this.text[this.i]!)) this.i++;
  }
  atEnd(): boolean {
    return this.i >= this.text.length;
  }
  rest(): string {
    return this.text.slice(this.i);
  }
  /** The next word or symbol, for "got ..." in messages. */
  peekToken(): string {
    const m = /^(?:[A-Za-z_][\w.]*(?:\([^)]*\)?)?|\d[\d.]*\w*|\S)/.exec(this.rest());
    return m ? m[0] : "the end";
  }
  fail(reason: string, at = this.pos): never {
    throw new SloSyntaxError(at, reason);
  }
}

/**
 * Parses an SLO expression: `TERM [and TERM]...`, TERM = `METRIC OP VALUE[UNIT]`, METRIC one of
 * `mean(wait)`, `mean(sojourn)`, `pNN(wait)`, `pNN(sojourn)` (0 < NN < 100, e.g. 99.9),
 * `P(wait > T)` (also `P(sojourn > T)`), `dropped`, `expired`, `utilization`; OP `<` or `<=`;
 * UNIT `ms` or `s` for times (a bare number is seconds), `%` for fractions (a bare number is a
 * fraction from 0 to 1). `and` is case-insensitive; spaces are free.
 * @throws SloSyntaxError (a RangeError) naming the 1-based position and the reason.
 */
export function parseSlo(text: string): Slo {
  const c = new Cursor(text);
  c.skipSpace();
  if (c.atEnd()) c.fail(`empty SLO; expected a term like "p99(wait) < 200ms"`);
  const terms: SloTerm[] = [];
  for (;;) {
    terms.push(parseTerm(c));
    c.skipSpace();
    if (c.atEnd()) break;
    const and = /^and(?=\s|$)/i.exec(c.rest());
    if (!and) c.fail(`expected "and" or the end after ${quote(terms[terms.length - 1]!.text)}, got ${quote(c.peekToken())}`);
    c.i += 3;
    c.skipSpace();
    if (c.atEnd()) c.fail(`expected a term after "and"`);
  }
  return { text, terms };
}

function parseTerm(c: Cursor): SloTerm {
  const start = c.i;
  const metric = parseMetric(c);
  c.skipSpace();
  const op = parseOp(c, metric.written);
  c.skipSpace();
  const value = parseBound(c, metric.metric, metric.written);
  return { metric: metric.metric, op, value, text: c.text.slice(start, c.i).trim(), position: start + 1 };
}

function parseMetric(c: Cursor): { metric: SloMetric; written: string } {
  const at = c.pos;
  const word = /^[A-Za-z_][\w.]*/.exec(c.rest());
  if (!word) c.fail(`expected a metric (${sloMetricsHelp}), got ${quote(c.peekToken())}`);
  c.i += word[0].length;
  let written = word[0];
  let arg: string | null = null;
  let argAt = 0;
  const save = c.i;
  c.skipSpace();
  if (c.text[c.i] === "(") {
    const close = c.text.indexOf(")", c.i);
    if (close < 0) c.fail(`unclosed "(" in ${quote(c.text.slice(at - 1))}`, c.pos);
    argAt = c.i + 2;
    arg = c.text.slice(c.i + 1, close);
    written = c.text.slice(at - 1, close + 1);
    c.i = close + 1;
  } else c.i = save;
  const metric = metricOf(word[0], arg, argAt, written, at, c);
  return { metric, written };
}

function metricOf(name: string, arg: string | null, argAt: number, written: string, at: number, c: Cursor): SloMetric {
  const unknown = () => c.fail(`unknown metric ${quote(written)}; expected ${sloMetricsHelp}`, at);
  const quantity = (): "wait" | "sojourn" => {
    const q = (arg ?? "").trim().toLowerCase();
    if (q === "wait" || q === "sojourn") return q;
    return unknown();
  };
  const lower = name.toLowerCase();
  if (arg === null) {
    if (lower === "dropped" || lower === "expired" || lower === "utilization") return { kind: lower };
    if (lower === "mean" || /^p\d/.test(lower) || lower === "p") c.fail(`${quote(name)} needs a quantity in parentheses, e.g. ${lower === "mean" ? "mean(wait)" : lower === "p" ? "P(wait > 200ms)" : `${name}(wait)`}`, at);
    return unknown();
  }
  if (lower === "mean") return { kind: "mean", of: quantity() };
  if (name === "P" || name === "p") return exceeds(arg, argAt, written, at, c);
  const level = /^p(\d+(?:\.\d+)?)$/i.exec(name);
  if (!level) return unknown();
  const nn = Number(level[1]);
  if (!(nn > 0 && nn < 100)) c.fail(`percentile level ${level[1]} out of range; expected pNN with 0 < NN < 100, e.g. p99 or p99.9`, at);
  return { kind: "percentile", of: quantity(), q: Number((nn / 100).toPrecision(12)), level: level[1]! };
}

/** The inside of `P(wait > T)`. */
function exceeds(arg: string, argAt: number, written: string, at: number, c: Cursor): SloMetric {
  const m = /^(\s*)(wait|sojourn)(\s*)(>=|>)?(\s*)(.*?)\s*$/i.exec(arg);
  if (!m) c.fail(`unknown metric ${quote(written)}; expected ${sloMetricsHelp}`, at);
  const opAt = argAt + m[1]!.length + m[2]!.length + m[3]!.length;
  if (!m[4]) c.fail(`expected ">" in ${quote(written)}, as in P(wait > 200ms)`, opAt);
  const tAt = opAt + m[4].length + m[5]!.length;
  const t = parseQuantity(m[6]!);
  if (t === null) c.fail(`expected a time after ">" in ${quote(written)}, e.g. P(wait > 200ms)`, tAt);
  if (t.unit === "%") c.fail(`the threshold in ${quote(written)} is a time: use ms or s, not %`, tAt);
  if (t.rest !== "") c.fail(`unknown unit ${quote(t.rest)} in ${quote(written)}; expected ms or s`, tAt + t.length - t.rest.length);
  return { kind: "exceeds", of: m[2]!.toLowerCase() as "wait" | "sojourn", thresholdS: t.unit === "ms" ? t.number / 1000 : t.number };
}

function parseOp(c: Cursor, written: string): SloOp {
  const m = /^(<=|<|>=|>|==|=|≤)/.exec(c.rest());
  if (!m) c.fail(`expected < or <= after ${quote(written)}, got ${quote(c.peekToken())}`);
  if (m[1] === "≤") {
    c.i += 1;
    return "<=";
  }
  if (m[1] !== "<" && m[1] !== "<=") c.fail(`SLO terms are upper bounds: use < or <=, got ${quote(m[1]!)}`);
  c.i += m[1].length;
  return m[1];
}

/** A number with an optional unit; `rest` is any letters left after a known unit. */
function parseQuantity(s: string): { number: number; unit: "ms" | "s" | "%" | ""; rest: string; length: number } | null {
  const n = NUMBER.exec(s);
  if (!n) return null;
  const after = s.slice(n[0].length);
  const u = /^\s*(ms|s|%)?([^\s]*)/.exec(after)!;
  const unit = (u[1] ?? "") as "ms" | "s" | "%" | "";
  // "5min": the unit "s" must not be the start of a longer word.
  const rest = u[2] ?? "";
  if (rest !== "" && unit !== "%") return { number: Number(n[0]), unit: "", rest: (u[1] ?? "") + rest, length: n[0].length + u[0].length };
  return { number: Number(n[0]), unit, rest, length: n[0].length + u[0].length };
}

function parseBound(c: Cursor, metric: SloMetric, written: string): number {
  const at = c.pos;
  if (c.text[c.i] === "-") c.fail(`expected a bound >= 0 after the operator, got ${quote(c.peekToken())}`);
  const word = /^[^\s]*(?:\s*(?:ms|s|%)(?![\w]))?/.exec(c.rest())![0];
  const q = parseQuantity(word);
  if (q === null) c.fail(`expected a number after the operator, got ${quote(c.peekToken())}`);
  c.i += q.length;
  if (q.rest !== "") c.fail(`unknown unit ${quote(q.rest)}; expected ${isTimeMetric(metric) ? "ms or s" : "% (or a fraction from 0 to 1)"}`, at + q.length - q.rest.length);
  if (isTimeMetric(metric)) {
    if (q.unit === "%") c.fail(`${written} is a time: use ms or s, not %`, at);
    return q.unit === "ms" ? q.number / 1000 : q.number;
  }
  if (q.unit === "ms" || q.unit === "s") c.fail(`${written} is a fraction: use % or a number from 0 to 1, not ${q.unit}`, at);
  const fraction = q.unit === "%" ? q.number / 100 : q.number;
  if (fraction > 1) c.fail(q.unit === "%" ? `${written} cannot exceed 100%, got ${q.number}%` : `${written} is a fraction from 0 to 1, got ${q.number}; write ${q.number}% for a percentage`, at);
  return fraction;
}
