import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatEstimate, formatSeconds } from "../../src/report/format.ts";
import { encodeScenarioToUrlParam, parseScenario, type Scenario } from "../../src/scenario/index.ts";
import { runScenario, withAnalytic } from "../../src/simulation/index.ts";
import { headlineRows } from "../../src/ui/model/headline.ts";
import { browserAvailable, figureText, openPage, startApp, waitForRun, type App } from "./support/harness.ts";
import orders from "../../models/orders.json" with { type: "json" };
import mm1 from "../../models/mm1.json" with { type: "json" };

function scenarioOf(json: unknown): Scenario {
  const parsed = parseScenario(json);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}

/** "38.9 ± 1.5 ms" -> 0.0389 (seconds). */
function seconds(text: string): number {
  const m = /^([\d.]+)(?: ± [\d.]+)? ?(µs|ms|s|min)/.exec(text);
  if (!m) throw new Error(`not a time: ${text}`);
  return Number(m[1]) * { µs: 1e-6, ms: 1e-3, s: 1, min: 60 }[m[2] as "ms"];
}

const field = (key: string) => `[data-field="${key}"] input[type="text"]`;
const slider = (key: string) => `[data-field="${key}"] input[type="range"]`;
// A short M/M/1 run keeps the browser tests quick.
const quickMm1 = (): Scenario => ({ ...scenarioOf(mm1), run: { messages: 20_000, warmup: "auto", replications: 3 } });
const link = (app: App, s: Scenario) => `${app.url}?s=${encodeScenarioToUrlParam(s)}`;

describe.skipIf(!browserAvailable())("the Kendall page in Chromium", () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it("opens on the orders scenario and shows its figures", async () => {
    const { page, errors } = await openPage(app);
    await waitForRun(page);
    await expect(page.getByTestId("scenario-name").innerText()).resolves.toContain("Orders, two consumers");
    expect(await figureText(page, "throughput")).toMatch(/^[\d.]+ ± [\d.]+\/s$/);
    for (const id of ["chart-queue-length", "chart-wait", "chart-counts"]) expect(await page.getByTestId(id).count()).toBe(1);
    await page.getByTestId("chart-hockey").waitFor();
    const text = await page.locator("body").innerText();
    expect(text).not.toMatch(/NaN|Infinity/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("shows the same figures as runScenario in Node for the same scenario and seed", async () => {
    const { page } = await openPage(app);
    await waitForRun(page);
    const scenario = scenarioOf(orders);
    const result = withAnalytic(scenario, runScenario(scenario, { detail: true }));
    const q = result.queues.orders!;
    expect(await figureText(page, "throughput")).toBe(formatEstimate(q.simulated.throughput.mean, q.simulated.throughput.ci95, "rate"));
    expect(await figureText(page, "utilization")).toBe(formatEstimate(q.simulated.utilization.mean, q.simulated.utilization.ci95, "percent"));
    expect(await figureText(page, "W")).toBe(formatEstimate(q.simulated.W.mean, q.simulated.W.ci95, "seconds"));
    expect(await figureText(page, "Wq")).toBe(formatEstimate(q.simulated.Wq.mean, q.simulated.Wq.ci95, "seconds"));
    expect(await figureText(page, "p99")).toBe(formatSeconds(q.simulated.wait.p99));
    const analytic = headlineRows(q, false).find((r) => r.key === "Wq")!.analytic;
    expect(await figureText(page, "Wq", "analytic")).toContain(analytic);
    await page.context().close();
  });

  it("lowers the wait when the consumers slider moves up", async () => {
    const { page } = await openPage(app, link(app, quickMm1()));
    const first = await waitForRun(page);
    const before = seconds(await figureText(page, "Wq"));
    await page.locator(slider("consumers")).focus();
    await page.keyboard.press("ArrowRight");
    await waitForRun(page, first);
    expect(await page.locator(field("consumers")).inputValue()).toBe("2");
    const after = seconds(await figureText(page, "Wq"));
    expect(after).toBeLessThan(before / 2);
    await page.context().close();
  });

  it("moves a slider one step per key press and runs once for it", async () => {
    const { page } = await openPage(app); // orders: 50 msg/s on a 0-100 slider of 0.5 steps
    const first = await waitForRun(page);
    const requests = () => page.evaluate(() => performance.getEntriesByName("kendall:request").length);
    const before = await requests();
    await page.locator(slider("rate")).focus();
    await page.keyboard.press("ArrowRight");
    await waitForRun(page, first);
    // Crossing 50 once changed the slider's step from 0.5 to 1 under the pointer: the browser
    // snapped 50.5 to 51, a second edit that superseded the first run.
    expect(await page.locator(field("rate")).inputValue()).toBe("50.5");
    expect(await requests()).toBe(before + 1);
    await page.context().close();
  });

  it("refines the figures of a long run while it goes on", async () => {
    const long: Scenario = { ...quickMm1(), run: { messages: 20_000_000, warmup: 0, replications: 1 } };
    const { page, errors } = await openPage(app, link(app, long));
    // Results so far arrive every half second of a run that takes many seconds.
    await page.getByTestId("partial").waitFor({ timeout: 30_000 });
    expect(await page.locator("main.results").getAttribute("data-running")).toBe("true");
    const first = await figureText(page, "throughput");
    expect(first).toMatch(/\d/);
    await page.waitForFunction(() => Number(document.querySelector("progress")?.value ?? 0) > 0.3, undefined, { timeout: 60_000 });
    expect(await page.getByTestId("chart-queue-length").locator("path").count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);

  it("runs a long run's replications on one worker per processor, with the figures of one worker and of Node", async () => {
    // 4 x 1.5 * 10^6 messages: past the 5 * 10^6 at which parallel workers pay.
    const long: Scenario = { ...quickMm1(), run: { messages: 1_500_000, warmup: 0, replications: 4 } };
    const expected = withAnalytic(long, runScenario(long, { detail: true })).queues[long.queues[0]!.id]!.simulated;
    const read = async (url: string) => {
      const { page, errors } = await openPage(app, url);
      await page.waitForFunction(() => /replications, seed/.test(document.querySelector(".run-status")?.textContent ?? ""), undefined, { timeout: 60_000 });
      const out = {
        status: (await page.locator(".run-status").innerText()).trim(),
        processors: await page.evaluate(() => navigator.hardwareConcurrency),
        W: await figureText(page, "W"),
        p99: await figureText(page, "p99"),
        paths: await page.getByTestId("chart-queue-length").locator("path").count(),
        errors,
      };
      await page.context().close();
      return out;
    };
    const parallel = await read(link(app, long));
    const single = await read(`${link(app, long)}&workers=1`);
    expect(parallel.processors).toBeGreaterThanOrEqual(2);
    expect(parallel.status).toContain(`on ${Math.min(parallel.processors, 4)} workers`);
    expect(single.status).not.toContain("workers");
    for (const r of [parallel, single]) {
      expect(r.W).toBe(formatEstimate(expected.W.mean, expected.W.ci95, "seconds"));
      expect(r.p99).toBe(formatSeconds(expected.wait.p99));
      expect(r.paths).toBeGreaterThan(0);
      expect(r.errors).toEqual([]);
    }
  }, 120_000);

  it("shows the unstable state when rho >= 1", async () => {
    const { page } = await openPage(app, link(app, quickMm1()));
    const first = await waitForRun(page);
    await page.locator(field("rate")).fill("12");
    await page.getByTestId("unstable-banner").waitFor();
    await waitForRun(page, first);
    await expect(page.getByTestId("unstable-banner").innerText()).resolves.toMatch(/backlog grows by 2 msg\/s/);
    expect(await figureText(page, "Wq")).toBe("grows without bound");
    expect(await page.getByTestId("chart-queue-length").innerText()).toContain("Backlog over time");
    expect(await page.locator("body").innerText()).not.toMatch(/NaN|Infinity/);
    await page.context().close();
  });

  it("restores a scenario from a shared link, names shown as text", async () => {
    const shared = { ...quickMm1(), name: "<img src=x onerror=alert(1)> shared", seed: 7 };
    shared.queues = [{ ...shared.queues[0]!, consumers: 3 }];
    const { page, errors } = await openPage(app, link(app, shared));
    await waitForRun(page);
    await expect(page.getByTestId("scenario-name").innerText()).resolves.toContain("<img src=x onerror=alert(1)> shared");
    expect(await page.locator("img").count()).toBe(0);
    expect(await page.locator(field("consumers")).inputValue()).toBe("3");
    await page.locator("details.advanced summary").click();
    expect(await page.locator(field("seed")).inputValue()).toBe("7");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("falls back to the default with a message for a damaged link", async () => {
    const { page, errors } = await openPage(app, `${app.url}?s=NOT-A-SCENARIO`);
    await waitForRun(page);
    await expect(page.getByRole("alert").first().innerText()).resolves.toMatch(/could not be opened/);
    await expect(page.getByTestId("scenario-name").innerText()).resolves.toContain("Orders");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("refuses an impossible value with a message beside the field and keeps the last good scenario", async () => {
    const { page } = await openPage(app, link(app, quickMm1()));
    await waitForRun(page);
    const url = page.url();
    for (const [key, text] of [["consumers", "0"], ["rate", "-5"], ["serviceMeanMs", "abc"]] as const) {
      await page.locator(field(key)).fill(text);
      await expect(page.locator(`[data-field="${key}"] .field-error`).innerText()).resolves.toMatch(/refused|not a number/);
    }
    expect(page.url()).toBe(url);
    expect(await page.locator("main.results").getAttribute("data-stale")).toBe("false");
    await page.context().close();
  });

  it("keeps the last scenario across a reload and ignores a corrupt stored one", async () => {
    const { page } = await openPage(app, link(app, quickMm1()));
    const first = await waitForRun(page);
    await page.locator(field("consumers")).fill("4");
    await waitForRun(page, first);
    await page.goto(app.url);
    await waitForRun(page);
    expect(await page.locator(field("consumers")).inputValue()).toBe("4");
    // A damaged link is refused and the page stays on the user's last scenario, which is still kept.
    await page.goto(`${app.url}?s=NOT-A-SCENARIO`);
    await waitForRun(page);
    await expect(page.getByRole("alert").first().innerText()).resolves.toMatch(/could not be opened.*your last scenario/);
    expect(await page.locator(field("consumers")).inputValue()).toBe("4");
    await page.goto(app.url);
    await waitForRun(page);
    expect(await page.locator(field("consumers")).inputValue()).toBe("4");
    await page.evaluate(() => localStorage.setItem("kendall.scenario.v1", "{corrupt"));
    await page.goto(app.url);
    await waitForRun(page);
    await expect(page.getByTestId("scenario-name").innerText()).resolves.toContain("Orders");
    await page.context().close();
  });

  it("runs the in-browser broker in real time and shows its live metrics", async () => {
    const { page, errors } = await openPage(app, link(app, quickMm1()));
    await waitForRun(page);
    await page.locator("[data-testid=realtime] summary").click();
    await page.getByRole("button", { name: "Start", exact: true }).click();
    await page.waitForFunction(() => {
      const cells = [...document.querySelectorAll("[data-testid=live-metrics] div")];
      const acked = cells.find((c) => c.querySelector("dt")?.textContent === "acked")?.querySelector("dd")?.textContent;
      return Number(acked?.replace(/,/g, "")) > 0;
    }, undefined, { timeout: 15_000 });
    await page.getByRole("button", { name: "Pause", exact: true }).click();
    expect(await page.getByTestId("realtime").innerText()).not.toMatch(/NaN|Infinity/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("opens every example from the model picker without an error, NaN or Infinity", async () => {
    const { page, errors } = await openPage(app);
    let done = await waitForRun(page);
    const picker = page.getByLabel("Model");
    const files = await picker.locator("option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(files).toContain("orders.json");
    expect(files.length).toBeGreaterThan(5);
    for (const file of files.filter((f) => f !== "orders.json")) {
      await picker.selectOption(file);
      done = await waitForRun(page, done);
      const text = await page.locator("main.results").innerText();
      expect(text, file).not.toMatch(/NaN|Infinity|undefined/);
    }
    expect(errors).toEqual([]);
    await page.context().close();
    // Every example at its own run length, one after another: minutes when the suite shares two cores.
  }, 180_000);

  it("exports the scenario as JSON and imports a file, refusing a bad one with a message", async () => {
    const { page } = await openPage(app, link(app, quickMm1()));
    await waitForRun(page);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export JSON" }).click()]);
    expect(download.suggestedFilename()).toBe("m-m-1-rho-0-8.json");
    const exported = await new Promise<string>((resolve, reject) => {
      void download.createReadStream().then((stream) => {
        let text = "";
        stream.on("data", (chunk) => (text += chunk));
        stream.on("end", () => resolve(text));
        stream.on("error", reject);
      });
    });
    expect(JSON.parse(exported)).toMatchObject({ version: 1, run: { messages: 20000, replications: 3 } });
    const input = page.getByLabel("Import a scenario file");
    const renamed = exported.replace(/"name": "[^"]*"/, '"name": "Imported copy"');
    // An import reads the file asynchronously (File.text()): poll for its effect rather than read once.
    await input.setInputFiles({ name: "copy.json", mimeType: "application/json", buffer: Buffer.from(renamed) });
    await expect.poll(() => page.getByTestId("scenario-name").innerText(), { timeout: 10_000 }).toContain("Imported copy");
    await input.setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from('{"version": 1, "queues": [{"id": "a", "consumers": -1}]}') });
    await expect.poll(() => page.getByRole("alert").first().innerText(), { timeout: 10_000 }).toMatch(/Could not import bad.json/);
    await expect(page.getByTestId("scenario-name").innerText()).resolves.toContain("Imported copy");
    // A report re-imports: export the HTML report of "Imported copy", open another scenario, then import the report.
    await page.getByTestId("export-menu").locator("summary").click();
    const [report] = await Promise.all([page.waitForEvent("download"), page.locator('button[data-format="html"]').click()]);
    const reportHtml = readFileSync((await report.path())!, "utf8");
    await input.setInputFiles({ name: "other.json", mimeType: "application/json", buffer: Buffer.from(exported.replace(/"name": "[^"]*"/, '"name": "Another one"')) });
    await expect.poll(() => page.getByTestId("scenario-name").innerText(), { timeout: 10_000 }).toContain("Another one");
    await input.setInputFiles({ name: "report.html", mimeType: "text/html", buffer: Buffer.from(reportHtml) });
    await expect.poll(() => page.getByTestId("scenario-name").innerText(), { timeout: 10_000 }).toContain("Imported copy");
    await page.context().close();
  });
});
