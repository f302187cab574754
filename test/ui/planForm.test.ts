import { describe, expect, it } from "vitest";
import { assumedDropTerm, checkSlo, exampleSlo, parseCostText, parseGrowthText, planInputOf } from "../../src/ui/plan/planForm.ts";

describe("the plan form", () => {
  it("accepts the example SLO and gives its terms", () => {
    const c = checkSlo(exampleSlo);
    expect(c.ok).toBe(true);
    if (c.ok) expect(c.slo.terms.map((t) => t.text)).toEqual(["p99(wait) < 200ms", "dropped < 0.1%"]);
  });

  it("reports where an SLO goes wrong, 1-based, with the parser's reason", () => {
    const c = checkSlo("p99(wait) < 200 parsecs");
    expect(c.ok).toBe(false);
    if (!c.ok) {
      // "parsecs" starts at the 17th character.
      expect(c.position).toBe(17);
      expect(c.reason).toContain("parsecs");
    }
  });

  it("asks for an expression when the field is empty", () => {
    const c = checkSlo("   ");
    expect(c).toMatchObject({ ok: false, position: null });
  });

  it("reads growth factors separated by commas or spaces, with an optional x", () => {
    expect(parseGrowthText("1, 1.5 2 x3")).toEqual({ ok: true, value: [1, 1.5, 2, 3] });
    expect(parseGrowthText("")).toEqual({ ok: true, value: undefined });
    expect(parseGrowthText("1, 0")).toMatchObject({ ok: false });
    expect(parseGrowthText("1, NaN")).toMatchObject({ ok: false });
    expect(parseGrowthText(Array(21).fill("1").join(","))).toMatchObject({ ok: false });
  });

  it("reads a cost per consumer-hour, refusing negatives and words", () => {
    expect(parseCostText("0.12")).toEqual({ ok: true, value: 0.12 });
    expect(parseCostText("$3")).toEqual({ ok: true, value: 3 });
    expect(parseCostText(" ")).toEqual({ ok: true, value: undefined });
    expect(parseCostText("-1")).toMatchObject({ ok: false });
    expect(parseCostText("Infinity")).toMatchObject({ ok: false });
    expect(parseCostText("cheap")).toMatchObject({ ok: false });
  });

  it("gives a plan input only when every field is valid, and names the fields that are not", () => {
    expect(planInputOf({ slo: " p99(wait) < 1s ", growth: "1,2", cost: "" })).toEqual({ ok: true, input: { slo: "p99(wait) < 1s", growth: [1, 2] } });
    const bad = planInputOf({ slo: "p99(wait) <", growth: "0", cost: "x" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.slo?.ok).toBe(false);
      expect(bad.growth).toBeDefined();
      expect(bad.cost).toBeDefined();
    }
  });

  it("asks for prefetch and capacity only when their boxes are ticked", () => {
    const form = { slo: "p99(wait) < 1s", growth: "", cost: "" };
    expect(planInputOf({ ...form, sizePrefetch: true })).toEqual({ ok: true, input: { slo: "p99(wait) < 1s", size: ["consumers", "prefetch"] } });
    expect(planInputOf({ ...form, sizePrefetch: true, sizeCapacity: true })).toMatchObject({ input: { size: ["consumers", "prefetch", "capacity"] } });
    expect(planInputOf({ ...form, sizePrefetch: false, sizeCapacity: false })).toEqual({ ok: true, input: { slo: "p99(wait) < 1s" } });
  });

  it("says which drop bound a capacity is sized for when the SLO has none", () => {
    expect(assumedDropTerm({ slo: "p99(wait) < 1s", growth: "", cost: "", sizeCapacity: true })).toBe("dropped < 0.1%");
    expect(assumedDropTerm({ slo: exampleSlo, growth: "", cost: "", sizeCapacity: true })).toBeNull();
    expect(assumedDropTerm({ slo: "p99(wait) < 1s", growth: "", cost: "" })).toBeNull();
    expect(assumedDropTerm({ slo: "p99(wait) <", growth: "", cost: "", sizeCapacity: true })).toBeNull();
  });
});
