import { describe, expect, it } from "vitest";
import { buildHtmlReport } from "../../src/report/index.ts";
import { parseScenario } from "../../src/scenario/index.ts";
import { hostile, hostileScenario, inputOf, networkScenario, plan, sizedPlan, sweep } from "./fixtures.ts";

/** The text of the embedded scenario element, or undefined. */
function embeddedScenario(html: string): string | undefined {
  return /<script type="application\/json" id="kendall-scenario">([\s\S]*?)<\/script>/.exec(html)?.[1];
}

/** Every start tag of the document, by name. */
function tagNames(html: string): string[] {
  return [...html.matchAll(/<([a-zA-Z][\w-]*)/g)].map((m) => m[1]!.toLowerCase());
}

describe("the HTML report", () => {
  const html = buildHtmlReport(inputOf(networkScenario, { plan, sweep }));

  it("embeds the scenario so that it re-imports to a deep-equal scenario", () => {
    const text = embeddedScenario(html);
    expect(text).toBeDefined();
    const parsed = parseScenario(JSON.parse(text!));
    expect(parsed.ok && parsed.scenario).toEqual(networkScenario);
  });

  it("re-imports a scenario whose names hold </script> and <!--, written as \\u003c", () => {
    const text = embeddedScenario(buildHtmlReport(inputOf(hostileScenario)))!;
    expect(text).not.toContain("<");
    expect(text).toContain("\\u003cimg src=x onerror=alert(1)\\u003e");
    const parsed = parseScenario(JSON.parse(text));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.scenario.queues.map((q) => q.id)).toEqual(hostileScenario.queues.map((q) => q.id));
  });

  it("is self-contained: no external scripts, styles, fonts, images or links", () => {
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:|\/\/|data:)/i);
    expect(html).not.toMatch(/@import|url\(\s*["']?(https?:|\/\/)/i);
    expect(html).not.toMatch(/https?:\/\//);
    expect(tagNames(html).filter((t) => t === "script")).toHaveLength(1);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`);
  });

  it("says when, by which version and with which seed it was made", () => {
    expect(html).toContain("2025-01-02 03:04 UTC");
    expect(html).toContain("Kendall 9.9.9-test");
    expect(html).toContain("seed 7");
  });

  it("has the scenario in words, the assumptions, the models and every chart", () => {
    for (const text of ["Poisson, 40 msg/s", "lognormal, mean 50 ms, cv 1.5", "at most 50 ready messages", "30% to billing", "MSER-5", "95% confidence", "M/M/2, exact", "No analytic model."]) expect(html).toContain(text);
    for (const kind of ["network", "queue-length", "wait", "load-curve", "sweep", "growth"]) expect(html).toContain(`data-chart="${kind}"`);
  });

  it("shows the planner's verdicts and recommendation", () => {
    expect(html).toContain("p99(wait) &lt; 200ms");
    expect(html).toContain(`<span class="badge fails">fails</span>`);
    expect(html).toContain("Run 3 consumers on orders");
  });

  it("shows the prefetch and capacity answers in their own table when the plan sized them", () => {
    expect(html).not.toContain("Prefetch and capacity");
    const sized = buildHtmlReport(inputOf(networkScenario, { plan: sizedPlan }));
    expect(sized).toContain(`<h3>Prefetch and capacity</h3><table class="sizes">`);
    expect(sized).toContain(`<tr><td>orders</td><td>capacity</td><td class="num">unbounded</td><td class="num">at least 8</td><td><span class="badge meets">meets</span></td><td>Capacity 8 (ready messages, reject-publish; now unbounded): dropped 0.026%.</td></tr>`);
    expect(sized).toContain(`<td>billing</td><td>prefetch</td><td class="num">unlimited</td><td class="num">none</td><td><span class="badge fails">fails</span></td>`);
  });

  it("has a print stylesheet that keeps charts and tables whole on a page", () => {
    expect(html).toMatch(/@media print \{[\s\S]*figure\.chart, table[^{]*\{ break-inside: avoid;/);
  });

  it("flags an unstable queue at the top, in the summary and in its section", () => {
    const input = inputOf(networkScenario);
    const result = { ...input.result, unstable: [{ queue: "orders", rho: 1.25, growthPerS: 10 }] };
    const page = buildHtmlReport({ ...input, result });
    expect(page).toContain(`<div class="flag unstable" role="note"><strong>Unstable:</strong>queue orders is offered ρ = 1.25 per consumer`);
    expect(page.match(/badge unstable">UNSTABLE/g)).toHaveLength(2);
  });
});

describe("the HTML report of hostile names", () => {
  const prefetch = { value: 2, current: 1, meets: true, explanation: hostile };
  const html = buildHtmlReport(inputOf(hostileScenario, { plan: { ...plan, verdicts: [{ queue: hostile, consumers: 1, meets: true, prefetch }] } }));

  it("has no <img> tag: every name is escaped text, in content and attributes", () => {
    expect(tagNames(html)).not.toContain("img");
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain(`aria-label="Queue length over time"`);
  });

  it("cannot close the JSON script early or open another script", () => {
    expect(tagNames(html).filter((t) => t === "script")).toHaveLength(1);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
  });

  it("strips user:password@ from URLs", () => {
    expect(html).not.toContain("s3cret");
    expect(html).not.toContain("guest:");
    expect(html).toContain("amqp://broker.example:5672/vhost");
  });
});

describe("the HTML report of a result without chart detail", () => {
  it("still builds, saying there are no charts, and never draws NaN", () => {
    const input = inputOf(networkScenario);
    const { detail: _detail, ...result } = input.result;
    const html = buildHtmlReport({ ...input, result });
    expect(html).toContain("run without detail");
    expect(html).not.toContain("data-chart=\"queue-length\"");
    expect(html).not.toMatch(/NaN|undefined/);
  });
});
