import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planScenario } from "../../src/planner/index.ts";
import { parseScenario, type Scenario } from "../../src/scenario/index.ts";
import { browserAvailable, openPage, startApp, waitForRun, type App } from "./support/harness.ts";
import orders from "../../models/orders.json" with { type: "json" };

function scenarioOf(json: unknown): Scenario {
  const parsed = parseScenario(json);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}

const slo = "p99(wait) < 200ms and dropped < 0.1%";

describe.skipIf(!browserAvailable())("the plan, sweep and export panels in Chromium", () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it("shows an SLO's syntax error with its position, then plans the orders example as planScenario does in Node, and Apply sets the consumers", async () => {
    const { page, errors } = await openPage(app);
    await waitForRun(page, 0, 90_000);
    const panel = page.getByTestId("plan-panel");
    const field = panel.getByLabel("Service level objective");
    await field.fill("p99(wait) < 200 parsecs");
    const error = panel.getByTestId("slo-error");
    await expect(error.innerText()).resolves.toMatch(/At character \d+: /);
    await expect(field.getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(panel.getByRole("button", { name: "Plan", exact: true }).isDisabled()).resolves.toBe(true);

    await field.fill(slo);
    await panel.getByRole("button", { name: "Plan", exact: true }).click();
    const consumers = panel.getByTestId("plan-consumers");
    await consumers.waitFor({ timeout: 60_000 });
    // The oracle: the planner itself in Node, for the same scenario, SLO and growth factors.
    const expected = planScenario(scenarioOf(orders), slo, { growth: [1, 1.5, 2, 3] }).queues.orders!;
    expect(Number(await consumers.innerText())).toBe(expected.consumers);
    await expect(panel.locator(".plan-explanation").innerText()).resolves.toBe(expected.explanation);
    await expect(panel.getByTestId("growth-table").locator("tbody tr").count()).resolves.toBe(4);
    expect(await panel.innerText()).toContain("One-fewer check");
    expect(await panel.innerText()).toContain("Headroom");

    await panel.getByTestId("plan-apply").click();
    await expect(page.locator('[data-field="consumers"] input[type="text"]').inputValue()).resolves.toBe(String(expected.consumers));
    await waitForRun(page, 1, 60_000);
    expect(await page.locator("body").innerText()).not.toMatch(/NaN|Infinity/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("runs a sweep into a chart, then exports an HTML report with the scenario embedded", async () => {
    const { page, errors } = await openPage(app);
    await waitForRun(page);
    const panel = page.getByTestId("sweep-panel");
    await panel.getByLabel(/Parameter of/).selectOption("consumers");
    await panel.getByLabel("Points").fill("3");
    await panel.getByRole("button", { name: "Run sweep" }).click();
    const meanLine = page.locator('[data-testid="chart-sweep"] path[data-series="mean"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="chart-sweep"] circle').length >= 6, undefined, { timeout: 60_000 });
    expect((await meanLine.getAttribute("d"))?.length ?? 0).toBeGreaterThan(20);
    await expect(page.getByTestId("sweep-table").locator("tbody tr").count()).resolves.toBe(3);

    await page.getByTestId("export-menu").locator("summary").click();
    await expect(page.getByTestId("export-menu").innerText()).resolves.toContain("the parameter sweep");
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator('button[data-format="html"]').click()]);
    expect(download.suggestedFilename()).toBe("orders-two-consumers-report.html");
    const html = readFileSync((await download.path())!, "utf8");
    expect(html).toContain('id="kendall-scenario"');
    const embedded = /<script type="application\/json" id="kendall-scenario">([\s\S]*?)<\/script>/.exec(html);
    expect(JSON.parse(embedded![1]!).name).toBe("Orders, two consumers");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("runs a 2-D sweep with a second parameter into a heat map of coloured cells and a table of every combination", async () => {
    const { page, errors } = await openPage(app);
    await waitForRun(page);
    const panel = page.getByTestId("sweep-panel");
    await panel.getByLabel(/Parameter of/).selectOption("consumers");
    await panel.getByLabel("From", { exact: true }).fill("1");
    await panel.getByLabel("To", { exact: true }).fill("3");
    await panel.getByLabel("Points", { exact: true }).fill("3");
    await panel.getByLabel("Second parameter", { exact: true }).selectOption("rate");
    await panel.getByLabel("Second from (msg/s)").fill("20");
    await panel.getByLabel("Second to (msg/s)").fill("60");
    await panel.getByLabel("Second points").fill("2");
    await panel.getByRole("button", { name: "Run sweep" }).click();
    const cells = page.locator('[data-testid="chart-sweep-heatmap"] rect[data-x][data-y]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="chart-sweep-heatmap"] rect[data-x]').length >= 6, undefined, { timeout: 90_000 });
    await expect(cells.count()).resolves.toBe(6);
    // Every cell is coloured by its wait, or hatched where the queue is unstable; none is NaN.
    const fills = await cells.evaluateAll((rects) => rects.map((r) => [r.getAttribute("fill"), r.getAttribute("data-wait"), r.getAttribute("data-unstable")]));
    for (const [fill, wait, unstable] of fills) {
      if (unstable === "true") expect(fill).toMatch(/^url\(#/);
      else expect(Number(wait)).toBeGreaterThanOrEqual(0);
    }
    // The colour bar's title names the figure and its unit.
    await expect(page.locator('[data-testid="chart-sweep-heatmap"] svg').textContent()).resolves.toMatch(/mean wait \((µs|ms|s|min)/);
    await panel.getByLabel("p99 wait").check();
    await expect(page.getByTestId("chart-sweep-heatmap").locator("h3").innerText()).resolves.toMatch(/^P99 wait over/);
    await expect(page.getByTestId("sweep-table").locator("tbody tr").count()).resolves.toBe(6);
    expect(await panel.innerText()).not.toMatch(/NaN|Infinity/);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
