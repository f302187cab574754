import { describe, expect, it } from "vitest";
import { buildHtmlReport, buildJsonReport, parseImportText } from "../../src/report/index.ts";
import { formatIssue, serializeScenario, type ParseResult } from "../../src/scenario/index.ts";
import { hostileScenario, inputOf, networkScenario, plan, sweep } from "./fixtures.ts";

const issues = (r: ParseResult) => (r.ok ? [] : r.errors.map(formatIssue));

describe("parseImportText: every file Kendall writes opens again", () => {
  it("reads a scenario file as parseScenarioText does", () => {
    const r = parseImportText(serializeScenario(networkScenario), "orders.json");
    expect(r.ok && r.scenario).toEqual(networkScenario);
  });

  it("reads the scenario embedded in an HTML report, plan and sweep included", () => {
    const r = parseImportText(buildHtmlReport(inputOf(networkScenario, { plan, sweep })), "report.html");
    expect(r.ok && r.scenario).toEqual(networkScenario);
  });

  it("reads an HTML report of hostile names back to the same queue ids", () => {
    const r = parseImportText(buildHtmlReport(inputOf(hostileScenario)), "hostile.html");
    expect(r.ok && r.scenario.queues.map((q) => q.id)).toEqual(hostileScenario.queues.map((q) => q.id));
  });

  it("reads the scenario of a JSON report", () => {
    const r = parseImportText(buildJsonReport(inputOf(networkScenario, { plan })), "report.json");
    expect(r.ok && r.scenario).toEqual(networkScenario);
  });

  it("refuses an HTML page that holds no scenario, saying so", () => {
    expect(issues(parseImportText("<!doctype html><title>404</title>", "page.html"))).toEqual([
      '"page.html" is an HTML page without a Kendall scenario (a report has it in the element #kendall-scenario)',
    ]);
  });

  it("refuses a report cut short, or with a damaged or newer scenario, with a message", () => {
    const html = buildHtmlReport(inputOf(networkScenario));
    expect(issues(parseImportText(html.slice(0, html.indexOf('id="kendall-scenario"') + 60), "cut.html"))[0]).toMatch(/HTML page without a Kendall scenario/);
    const newer = html.replace(/"version": 1/, '"version": 2');
    expect(issues(parseImportText(newer, "newer.html"))).toEqual(["version: this scenario was written by a newer version of Kendall (version 2); this version reads version 1"]);
    const json = JSON.parse(buildJsonReport(inputOf(networkScenario))) as { scenario: { queues: { service: { mean: number } }[] } };
    json.scenario.queues[0]!.service.mean = -1;
    expect(issues(parseImportText(JSON.stringify(json), "bad.json"))[0]).toMatch(/^scenario\.queues\[0\]\.service\.mean: /);
  });

  it("refuses what parseScenarioText refuses, with its messages", () => {
    expect(issues(parseImportText("", "empty.json"))).toEqual(['"empty.json" is empty: expected a JSON object with "version" and "queues"']);
    expect(issues(parseImportText('{"version": 1', "cut.json"))[0]).toMatch(/^invalid JSON at line 1, column 14/);
    expect(issues(parseImportText(`<!doctype html>${"x".repeat(21 * 1024 * 1024)}`, "big.html"))).toEqual(['"big.html" is larger than the 20 MB limit']);
    expect(issues(parseImportText('{"scenario": 1, "result": {}}'))[0]).toMatch(/^version: missing/);
  });
});
