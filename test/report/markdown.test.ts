import { describe, expect, it } from "vitest";
import { buildMarkdownReport } from "../../src/report/index.ts";
import { hostile, hostileScenario, inputOf, networkScenario, plan, sizedPlan, sweep } from "./fixtures.ts";

/** The cells of a GFM table row, split on unescaped pipes. */
function cells(row: string): string[] {
  return row.replace(/^\| | \|$/g, "").split(/(?<!\\)\|/).map((c) => c.trim());
}

describe("the Markdown report", () => {
  it("matches the snapshot for a fixed scenario and seed (numbers to 4 significant digits)", () => {
    expect(buildMarkdownReport(inputOf(networkScenario, { plan, sweep }))).toMatchSnapshot();
  });

  it("gives the same text for the same input", () => {
    const input = inputOf(networkScenario);
    expect(buildMarkdownReport(input)).toBe(buildMarkdownReport(input));
  });

  it("shows the model of each queue, or why there is none", () => {
    const text = buildMarkdownReport(inputOf(networkScenario));
    expect(text).toContain("Model: **M/M/2, exact**.");
    expect(text).toMatch(/No analytic model: .+\./);
  });

  it("keeps hostile names as text: no HTML, headings, list items or broken tables", () => {
    const text = buildMarkdownReport(inputOf(hostileScenario, { plan: { ...plan, verdicts: [{ queue: hostile, consumers: 1, meets: true, explanation: "a | b\nc" }] } }));
    expect(text).not.toMatch(/(?<!\\)<img/);
    expect(text).not.toMatch(/^# not a heading/m);
    expect(text).not.toMatch(/^\s*- list/m);
    expect(text).toContain("\\<img src=x onerror=alert(1)\\>");
    for (const block of text.split(/\n\n/).filter((b) => b.startsWith("| "))) {
      const rows = block.split("\n");
      const width = cells(rows[0]!).length;
      for (const row of rows) expect(cells(row), row).toHaveLength(width);
    }
  });

  it("leaves no credentials of a URL in the text", () => {
    const text = buildMarkdownReport(inputOf(hostileScenario));
    expect(text).not.toContain("s3cret");
    expect(text).toContain("amqp://broker.example:5672/vhost");
  });

  it("flags an unstable queue at the top and in its section", () => {
    const result = inputOf(networkScenario).result;
    const unstable = { ...result, unstable: [{ queue: "orders", rho: 1.2, growthPerS: 8 }] };
    const text = buildMarkdownReport({ ...inputOf(networkScenario), result: unstable });
    expect(text).toContain("> **Unstable:** queue orders is offered ρ = 1.2 per consumer");
    expect(text).toContain("### Queue orders (UNSTABLE)");
  });
});

describe("the plan section", () => {
  it("says none where no consumer count meets the SLO", () => {
    const text = buildMarkdownReport(inputOf(networkScenario, { plan: { slo: "p99(wait) < 1ms", verdicts: [{ queue: "orders", consumers: null, meets: false, explanation: "impossible: service alone takes longer" }], growth: [{ factor: 2, consumers: { orders: null, billing: 3 } }] } }));
    expect(text).toContain("| orders |  | none | **fails** | impossible: service alone takes longer |");
    expect(text).toContain("| ×2 | orders: none, billing: 3 |");
  });

  it("lists the prefetch and capacity answers where the plan sized them, and only then", () => {
    const text = buildMarkdownReport(inputOf(networkScenario, { plan: sizedPlan }));
    expect(text).toContain("Prefetch and capacity at the recommended consumers:");
    expect(text).toContain("| orders | prefetch | 10 | up to 2 | meets | Prefetch 2 with 3 consumers (now 10): p95 wait 60.5 ms. Prefetch 5 fails: p95 wait 85 ms. |");
    expect(text).toContain("| orders | capacity | unbounded | at least 8 | meets | Capacity 8 (ready messages, reject-publish; now unbounded): dropped 0.026%. |");
    expect(text).toContain("| billing | prefetch | unlimited | none | **fails** | No prefetch answer: even prefetch 1 does not clearly meet the SLO. |");
    expect(buildMarkdownReport(inputOf(networkScenario, { plan }))).not.toContain("Prefetch and capacity");
  });
});
