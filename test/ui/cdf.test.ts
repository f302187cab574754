import { describe, expect, it } from "vitest";
import { histogramCdf, sampleCdf } from "../../src/ui/model/cdf.ts";
import { networkLayout } from "../../src/ui/charts/networkLayout.ts";
import { parseScenario } from "../../src/scenario/index.ts";
import deadLetter from "../../models/dead-letter.json" with { type: "json" };

describe("histogramCdf", () => {
  it("starts at the zero mass and ends at 1", () => {
    const cdf = histogramCdf([
      { lower: 0, upper: 0, count: 40 },
      { lower: 0.01, upper: 0.02, count: 30 },
      { lower: 0.02, upper: 0.04, count: 30 },
    ]);
    expect(cdf[0]).toEqual({ t: 0, p: 0.4 });
    expect(cdf.at(-1)).toEqual({ t: 0.04, p: 1 });
    for (let i = 1; i < cdf.length; i++) expect(cdf[i]!.p).toBeGreaterThanOrEqual(cdf[i - 1]!.p);
  });

  it("is empty without data and a step at 0 when every value is 0", () => {
    expect(histogramCdf([])).toEqual([]);
    expect(histogramCdf([{ lower: 0, upper: 0, count: 5 }])).toEqual([{ t: 0, p: 1 }]);
  });

  it("samples a function on [0, max]", () => {
    expect(sampleCdf((t) => t, 1, 4).map((p) => p.t)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(sampleCdf((t) => t, 0)).toEqual([]);
  });
});

describe("networkLayout", () => {
  it("puts the queues with outside arrivals first and follows routes and dead letters", () => {
    const parsed = parseScenario(deadLetter);
    if (!parsed.ok) throw new Error("dead-letter.json does not parse");
    const { nodes, edges } = networkLayout(parsed.scenario);
    expect(nodes.length).toBe(parsed.scenario.queues.length);
    const entry = parsed.scenario.queues.find((q) => q.arrival)!.id;
    expect(nodes.find((n) => n.id === entry)!.column).toBe(0);
    expect(edges.some((e) => e.kind === "deadLetter")).toBe(true);
  });
});
