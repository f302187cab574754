/**
 * The page's responsiveness: from a key press on a slider to the redrawn figures and charts,
 * for a 10^5-message run (one replication), in headless Chromium with the Performance API.
 * Reported, never asserted. `node --import tsx bench/ui.ts [--iterations=N]`; `benchUi()` is
 * exported for `npm run bench`.
 *
 * The time runs from the keydown event (taken in the page, capture phase) to the
 * `kendall:drawn` performance mark, which the page sets in the animation frame after it has
 * committed the new result: it includes the worker's simulation, the transfer of the result,
 * React's render and d3's drawing.
 */
import { pathToFileURL } from "node:url";
import { encodeScenarioToUrlParam, parseScenario } from "../src/scenario/index.ts";
import { browserAvailable, openPage, startApp, waitForRun } from "../test/e2e/support/harness.ts";
import orders from "../models/orders.json" with { type: "json" };

export interface UiBenchFigures {
  messages: number;
  iterations: number;
  /** Key press to redrawn charts, ms. */
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** Opening the page to the first figures on screen, ms. */
  firstFiguresMs: number;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

/** Measures slider-to-redraw latency over `iterations` key presses on the arrival-rate slider. */
export async function benchUi({ iterations = 30, messages = 100_000 } = {}): Promise<UiBenchFigures | null> {
  if (!browserAvailable()) return null;
  const parsed = parseScenario({ ...orders, run: { messages, warmup: "auto", replications: 1 } });
  if (!parsed.ok) throw new Error("models/orders.json does not parse");
  const app = await startApp({ production: true });
  try {
    const { page } = await openPage(app, `${app.url}?s=${encodeScenarioToUrlParam(parsed.scenario)}`);
    let completed = await waitForRun(page, 0, 60_000);
    const firstFiguresMs = await page.evaluate(() => performance.getEntriesByName("kendall:drawn")[0]?.startTime ?? NaN);
    await page.evaluate(() => {
      const w = window as unknown as { __keyAt: number };
      window.addEventListener("keydown", () => (w.__keyAt = performance.now()), { capture: true });
    });
    const slider = page.locator('[data-field="rate"] input[type="range"]');
    await slider.focus();
    const samples: number[] = [];
    for (let i = 0; i < iterations; i++) {
      await page.keyboard.press(i % 2 === 0 ? "ArrowRight" : "ArrowLeft");
      // Polled on a timer: waiting on every animation frame would add work to the page inside the interval measured.
      completed = await waitForRun(page, completed, 60_000, 50);
      const ms = await page.waitForFunction(
        (n) => {
          const mark = performance.getEntriesByName("kendall:drawn").find((m) => (m as PerformanceMark).detail === n);
          return mark ? mark.startTime - (window as unknown as { __keyAt: number }).__keyAt : false;
        },
        completed,
        { timeout: 10_000 },
      );
      samples.push((await ms.jsonValue()) as number);
      await page.waitForTimeout(150);
    }
    samples.sort((a, b) => a - b);
    return { messages, iterations, p50Ms: quantile(samples, 0.5), p95Ms: quantile(samples, 0.95), maxMs: samples.at(-1)!, firstFiguresMs };
  } finally {
    await app.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const arg = process.argv.find((a) => a.startsWith("--iterations="));
  const figures = await benchUi({ iterations: arg ? Number(arg.split("=")[1]) : 30 });
  if (!figures) process.exit(0);
  const f = (x: number) => `${x.toFixed(0)} ms`;
  console.log(`UI: slider move to redrawn charts, ${figures.messages.toLocaleString("en-US")}-message run, ${figures.iterations} moves`);
  console.log(`  p50 ${f(figures.p50Ms)}   p95 ${f(figures.p95Ms)}   max ${f(figures.maxMs)}   (first figures after opening: ${f(figures.firstFiguresMs)})`);
}
