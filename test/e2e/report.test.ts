import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildHtmlReport } from "../../src/report/index.ts";
import { main } from "../../src/cli/main.ts";
import { hostileScenario, inputOf, networkScenario, plan, sweep } from "../report/fixtures.ts";

const chromiumPath = process.env.KENDALL_CHROMIUM ?? "/usr/bin/chromium";
const outDir = "/tmp/kendall-report";
const available = existsSync(chromiumPath);
// On CI a missing browser must fail the run, not hide behind a skip.
if (!available && process.env.CI === "true") throw new Error(`Chromium not found at ${chromiumPath}: the report's browser test cannot run on CI without it`);
if (!available) console.warn(`[e2e] report test skipped: Chromium not found at ${chromiumPath} (set KENDALL_CHROMIUM)`);

let browser: Browser;

/** Opens a report file with every request but the file itself aborted; returns the page and what it tried to fetch. */
async function openOffline(file: string) {
  const url = pathToFileURL(file).href;
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const requests: string[] = [];
  const errors: string[] = [];
  const dialogs: string[] = [];
  await context.route("**/*", (route) => (route.request().url() === url ? route.continue() : route.abort()));
  const page = await context.newPage();
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url, { waitUntil: "load" });
  return { page, url, requests, errors, dialogs };
}

/** Per chart kind: how many figures, and the least drawn data (path length, circles, rects) in any of them. */
function chartStats(page: Page) {
  return page.$$eval("figure.chart[data-chart]", (figures) =>
    figures.map((f) => {
      const svg = f.querySelector("svg");
      const box = svg?.getBoundingClientRect();
      const paths = [...(svg?.querySelectorAll("path") ?? [])].map((p) => (p.getAttribute("d") ?? "").length);
      return { kind: f.getAttribute("data-chart"), width: box?.width ?? 0, height: box?.height ?? 0, longestPath: Math.max(0, ...paths), marks: svg?.querySelectorAll("circle, rect").length ?? 0 };
    }),
  );
}

describe.skipIf(!available)("the HTML report in Chromium", () => {
  beforeAll(async () => {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(`${outDir}/full.html`, buildHtmlReport(inputOf(networkScenario, { plan, sweep })));
    writeFileSync(`${outDir}/hostile.html`, buildHtmlReport(inputOf(hostileScenario)));
    browser = await chromium.launch({ executablePath: chromiumPath, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("opens offline from a file:// URL, requests nothing but itself, and draws every chart with data", async () => {
    const { page, url, requests, errors } = await openOffline(`${outDir}/full.html`);
    expect(requests).toEqual([url]);
    expect(errors).toEqual([]);
    const stats = await chartStats(page);
    const kinds = stats.map((s) => s.kind);
    for (const kind of ["network", "queue-length", "wait", "load-curve", "sweep", "growth"]) expect(kinds, kind).toContain(kind);
    for (const s of stats) {
      expect(s.width, `${s.kind} width`).toBeGreaterThan(300);
      expect(s.height, `${s.kind} height`).toBeGreaterThan(60);
      // A data path of a few points is at least ~40 characters of "M..L..".
      expect(s.longestPath + s.marks * 40, `${s.kind} data`).toBeGreaterThan(40);
    }
    const embedded = await page.$eval("#kendall-scenario", (el) => JSON.parse(el.textContent ?? "null") as { name: string });
    expect(embedded.name).toBe(networkScenario.name);
    await page.screenshot({ path: `${outDir}/report.png`, fullPage: true });
    await page.close();
  });

  it("prints to A4 and Letter PDFs with charts kept whole on a page", async () => {
    const { page } = await openOffline(`${outDir}/full.html`);
    await page.emulateMedia({ media: "print" });
    const breaks = await page.$$eval("figure.chart", (fs) => fs.map((f) => getComputedStyle(f).breakInside));
    expect(new Set(breaks)).toEqual(new Set(["avoid"]));
    await page.pdf({ path: `${outDir}/report-a4.pdf`, format: "A4", printBackground: true });
    await page.pdf({ path: `${outDir}/report-letter.pdf`, format: "Letter", printBackground: true });
    for (const f of ["report-a4.pdf", "report-letter.pdf"]) {
      expect(readFileSync(`${outDir}/${f}`).subarray(0, 5).toString()).toBe("%PDF-");
      expect(statSync(`${outDir}/${f}`).size).toBeGreaterThan(20_000);
    }
    await page.close();
  });

  it("shows hostile names as text: no image element, no dialog, no script run", async () => {
    const { page, errors, dialogs, requests, url } = await openOffline(`${outDir}/hostile.html`);
    expect(await page.$$eval("img", (els) => els.length)).toBe(0);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    expect(await page.textContent("h1")).toContain("<img src=x onerror=alert(1)>");
    expect(await page.textContent("body")).not.toContain("s3cret");
    await page.screenshot({ path: `${outDir}/hostile.png` });
    await page.close();
  });

  it("is written by `kendall report` from a scenario file and opens offline", async () => {
    const file = `${outDir}/pipeline.html`;
    const io = { out: () => {}, err: (t: string) => void process.stderr.write(t), cwd: process.cwd(), clock: () => performance.now() };
    expect(await main(["report", "models/pipeline.json", "-o", file, "--messages", "4000", "--replications", "2"], io)).toBe(0);
    const { page, url, requests, errors } = await openOffline(file);
    expect(requests).toEqual([url]);
    expect(errors).toEqual([]);
    expect((await chartStats(page)).filter((s) => s.kind === "wait")).toHaveLength(3);
    await page.close();
  });
});
