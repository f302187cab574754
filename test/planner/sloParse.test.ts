import { describe, expect, it } from "vitest";
import { parseSlo, SloSyntaxError, termText } from "../../src/planner/index.ts";

describe("parseSlo", () => {
  it("reads a percentile bound in milliseconds", () => {
    const slo = parseSlo("p99(wait) < 200ms");
    expect(slo.terms).toEqual([{ metric: { kind: "percentile", of: "wait", q: 0.99, level: "99" }, op: "<", value: 0.2, text: "p99(wait) < 200ms", position: 1 }]);
  });

  it("reads every metric, both operators and all units", () => {
    const slo = parseSlo("mean(wait) <= 0.25 and mean(sojourn) < 1.5s and p99.9(sojourn) < 2 s and p50(wait)<10ms and P(wait > 20s) <= 20% and P(wait>0.5s)<0.01 and dropped < 0.1% and expired <= 0.01 and utilization < 80%");
    const seen = slo.terms.map((t) => [t.metric.kind, t.op, t.value]);
    expect(seen).toEqual([
      ["mean", "<=", 0.25],
      ["mean", "<", 1.5],
      ["percentile", "<", 2],
      ["percentile", "<", 0.01],
      ["exceeds", "<=", 0.2],
      ["exceeds", "<", 0.01],
      ["dropped", "<", 0.001],
      ["expired", "<=", 0.01],
      ["utilization", "<", 0.8],
    ]);
    expect(slo.terms[2]!.metric).toEqual({ kind: "percentile", of: "sojourn", q: 0.999, level: "99.9" });
    expect(slo.terms[4]!.metric).toEqual({ kind: "exceeds", of: "wait", thresholdS: 20 });
    expect(slo.terms[5]!.metric).toEqual({ kind: "exceeds", of: "wait", thresholdS: 0.5 });
    expect(slo.terms[3]!.position).toBe(74);
  });

  it("takes AND in any case, spaces anywhere, and writes terms back canonically", () => {
    const slo = parseSlo("  p95( wait )<=1.5s AND utilization<0.7  ");
    expect(slo.terms.map(termText)).toEqual(["p95(wait) <= 1.5s", "utilization < 70%"]);
    expect(termText(parseSlo("P(wait > 250ms) < 5%").terms[0]!)).toBe("P(wait > 250ms) < 5%");
  });

  const cases: [string, number, string][] = [
    ["", 1, 'empty SLO; expected a term like "p99(wait) < 200ms"'],
    ["p99(latency) < 1s", 1, 'unknown metric "p99(latency)"; expected mean(wait), mean(sojourn), pNN(wait), pNN(sojourn), P(wait > T), dropped, expired or utilization'],
    ["p99(wait) < 200ms and p95(latency) < 1s", 23, 'unknown metric "p95(latency)"'],
    ["latency < 1s", 1, 'unknown metric "latency"'],
    ["p100(wait) < 1s", 1, "percentile level 100 out of range; expected pNN with 0 < NN < 100, e.g. p99 or p99.9"],
    ["mean < 1s", 1, '"mean" needs a quantity in parentheses, e.g. mean(wait)'],
    ["p99(wait < 1s", 4, 'unclosed "(" in "p99(wait < 1s"'],
    ["p99(wait) > 1s", 11, 'SLO terms are upper bounds: use < or <=, got ">"'],
    ["p99(wait) 1s", 11, 'expected < or <= after "p99(wait)", got "1s"'],
    ["p99(wait) < fast", 13, 'expected a number after the operator, got "fast"'],
    ["p99(wait) < -1s", 13, 'expected a bound >= 0 after the operator, got "-"'],
    ["p99(wait) < 5min", 14, 'unknown unit "min"; expected ms or s'],
    ["p99(wait) < 5%", 13, "p99(wait) is a time: use ms or s, not %"],
    ["utilization < 80ms", 15, "utilization is a fraction: use % or a number from 0 to 1, not ms"],
    ["dropped < 5", 11, "dropped is a fraction from 0 to 1, got 5; write 5% for a percentage"],
    ["dropped < 150%", 11, "dropped cannot exceed 100%, got 150%"],
    ["p99(wait) < 1s or utilization < 80%", 16, 'expected "and" or the end after "p99(wait) < 1s", got "or"'],
    ["p99(wait) < 1s and ", 20, 'expected a term after "and"'],
    ["P(wait < 1s) < 5%", 8, 'expected ">" in "P(wait < 1s)", as in P(wait > 200ms)'],
    ["P(wait > ) < 5%", 10, 'expected a time after ">" in "P(wait > )"'],
    ["P(wait > 5%) < 5%", 10, 'the threshold in "P(wait > 5%)" is a time: use ms or s, not %'],
    ["P(latency > 1s) < 5%", 1, 'unknown metric "P(latency > 1s)"'],
    ["< 1s", 1, 'expected a metric (mean(wait), mean(sojourn), pNN(wait), pNN(sojourn), P(wait > T), dropped, expired or utilization), got "<"'],
  ];

  it.each(cases)("refuses %j at %i with the reason", (text, position, reason) => {
    let error: unknown;
    try {
      parseSlo(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SloSyntaxError);
    expect(error).toBeInstanceOf(RangeError);
    const e = error as SloSyntaxError;
    expect(e.position).toBe(position);
    expect(e.message.startsWith(`at ${position}: ${reason}`)).toBe(true);
  });
});
