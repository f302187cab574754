// Writes screenshots of the page to /tmp/kendall-shots/ (desktop 1280x800 and phone 390x844),
// for a person to look at: `npx tsx test/e2e/screenshots.ts`.
import { mkdirSync } from "node:fs";
import { encodeScenarioToUrlParam, parseScenario } from "../../src/scenario/index.ts";
import { openPage, startApp, waitForRun } from "./support/harness.ts";
import unstable from "../../models/unstable.json" with { type: "json" };
import pipeline from "../../models/pipeline.json" with { type: "json" };
import feedback from "../../models/jackson-feedback.json" with { type: "json" };
import deadLetter from "../../models/dead-letter.json" with { type: "json" };

const out = "/tmp/kendall-shots";
mkdirSync(out, { recursive: true });
const app = await startApp();
const link = (json: unknown) => {
  const parsed = parseScenario(json);
  if (!parsed.ok) throw new Error("example does not parse");
  return `${app.url}?s=${encodeScenarioToUrlParam(parsed.scenario)}`;
};
const shots: [string, string, { width: number; height: number }][] = [
  ["desktop-orders", app.url, { width: 1280, height: 800 }],
  ["phone-orders", app.url, { width: 390, height: 844 }],
  ["desktop-unstable", link(unstable), { width: 1280, height: 800 }],
  ["desktop-pipeline", link(pipeline), { width: 1280, height: 800 }],
  ["phone-pipeline", link(pipeline), { width: 390, height: 844 }],
  ["desktop-feedback", link(feedback), { width: 1280, height: 800 }],
  ["phone-feedback", link(feedback), { width: 390, height: 844 }],
  ["desktop-deadletter", link(deadLetter), { width: 1280, height: 800 }],
];
/** The plan, sweep and export panels with a plan, a sweep and the export menu open. */
async function planShots() {
  for (const [name, viewport] of [["desktop", { width: 1280, height: 800 }], ["phone", { width: 390, height: 844 }]] as const) {
    const { page, errors } = await openPage(app, app.url, viewport);
    await waitForRun(page, 0, 90_000);
    const plan = page.getByTestId("plan-panel");
    await plan.getByLabel("Service level objective").fill("p99(wait) < 200 parsecs");
    await plan.getByTestId("slo-error").scrollIntoViewIfNeeded();
    await plan.screenshot({ path: `${out}/${name}-plan-error.png` });
    await plan.getByLabel("Service level objective").fill("p99(wait) < 200ms and dropped < 0.1%");
    await plan.getByLabel("Cost per consumer-hour").fill("0.12");
    await plan.getByRole("button", { name: "Plan", exact: true }).click();
    await plan.getByTestId("plan-consumers").waitFor({ timeout: 60_000 });
    const sweep = page.getByTestId("sweep-panel");
    await sweep.getByRole("button", { name: "Run sweep" }).click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="sweep-panel"] progress'), undefined, { timeout: 90_000 });
    await sweep.locator("summary").click();
    await page.getByTestId("workbench").scrollIntoViewIfNeeded();
    await page.getByTestId("export-menu").locator("summary").click();
    await page.getByTestId("workbench-head").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${out}/${name}-export-menu.png` });
    await page.getByTestId("workbench").screenshot({ path: `${out}/${name}-workbench.png` });
    await page.getByTestId("export-menu").locator("summary").click();
    await sweep.getByLabel("log scale for waits").check();
    await sweep.screenshot({ path: `${out}/${name}-sweep-log.png` });
    // A 2-D sweep: consumers against the arrival rate, as a heat map.
    await sweep.getByLabel("Second parameter", { exact: true }).selectOption("rate");
    await sweep.getByLabel("Points", { exact: true }).fill("4");
    await sweep.getByLabel("Second points").fill("4");
    await sweep.getByRole("button", { name: "Run sweep" }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="chart-sweep-heatmap"] rect[data-x]').length >= 16, undefined, { timeout: 90_000 });
    await sweep.screenshot({ path: `${out}/${name}-sweep-heatmap.png` });
    if (errors.length) console.log(name, "page errors:", errors);
    await page.context().close();
  }
}

/** The page at several scenarios and viewports, a run in progress and the real-time broker. */
async function pageShots() {
  for (const [name, url, viewport] of shots) {
    const { page, errors } = await openPage(app, url, viewport);
    await waitForRun(page, 0, 60_000);
    await page.waitForTimeout(name.includes("pipeline") || name.includes("orders") ? 4000 : 1500);
    await page.screenshot({ path: `${out}/${name}.png`, fullPage: false });
    await page.screenshot({ path: `${out}/${name}-full.png`, fullPage: true });
    if (errors.length) console.log(name, "page errors:", errors);
    await page.context().close();
  }
  // A long run caught in progress, to see the progress bar and the previous figures dimmed.
  const { page } = await openPage(app, app.url, { width: 1280, height: 800 });
  const done = await waitForRun(page, 0, 60_000);
  await page.locator('details.advanced summary').click();
  await page.locator('[data-field="messages"] input[type="text"]').fill("3000000");
  await page.waitForFunction(() => Number(document.querySelector("progress")?.value ?? 0) > 0.1, undefined, { timeout: 30_000 });
  await page.screenshot({ path: `${out}/desktop-progress.png` });
  await page.context().close();
  void done;
  // The real-time broker, running for a few seconds, on a desktop and a phone.
  for (const [name, viewport] of [["desktop-realtime", { width: 1280, height: 800 }], ["phone-realtime", { width: 390, height: 844 }]] as const) {
    const rt = await openPage(app, link(deadLetter), viewport);
    await waitForRun(rt.page, 0, 60_000);
    await rt.page.locator("[data-testid=realtime] summary").click();
    await rt.page.getByRole("button", { name: "Start", exact: true }).click();
    await rt.page.waitForTimeout(4000);
    await rt.page.getByTestId("realtime").screenshot({ path: `${out}/${name}.png` });
    await rt.page.context().close();
  }
}

// `KENDALL_SHOTS=plan` takes only the plan, sweep and export shots.
try {
  if (process.env.KENDALL_SHOTS !== "plan") await pageShots();
  await planShots();
  console.log(`screenshots in ${out}`);
} finally {
  await app.close();
}
