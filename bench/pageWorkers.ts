/**
 * Replications in parallel in the page: the threads section's scenario (8 replications of
 * M/M/1 at rho 0.9) opened in headless Chromium on the production build, once with `?workers=1`
 * (every replication on the simulation worker) and once with the default (one replication
 * worker per processor), in turn, best of `repeats` each; then, in the same page, the next long
 * run (another seed), which finds the replication workers started and their code compiled. The
 * time is the simulation worker's own (`kendall:result` mark: from the request to the result,
 * helpers' start included).
 */
import { encodeScenarioToUrlParam } from "../src/scenario/index.ts";
import type { Page } from "playwright-core";
import { browserAvailable, openPage, startApp, waitForRun } from "../test/e2e/support/harness.ts";
import { threadsScenario } from "./threadsScenario.ts";

export interface PageWorkersFigures {
  /** Best wall time (ms) of the first long run in a fresh page, with one worker and with one per processor. */
  oneMs: number;
  manyMs: number;
  /** The same for the next long run in that page (another seed): the workers are started and warm. */
  nextOneMs: number;
  nextManyMs: number;
  /** Workers the parallel runs used (from the page's run status), and the page's processors. */
  workers: number;
  processors: number;
  /** Whether one worker and several showed the same figures, on both runs. */
  same: boolean;
}

export async function benchPageWorkers({ messages = 1_000_000, repeats = 3 } = {}): Promise<PageWorkersFigures | null> {
  if (!browserAvailable()) return null;
  const app = await startApp({ production: true });
  const url = `${app.url}?s=${encodeScenarioToUrlParam(threadsScenario(messages))}`;
  const read = (page: Page, n: number) =>
    page.evaluate((k) => {
      const mark = performance.getEntriesByName("kendall:result")[k] as PerformanceMark | undefined;
      return {
        ms: (mark?.detail as { wallMs?: number } | undefined)?.wallMs ?? NaN,
        status: document.querySelector(".run-status")?.textContent ?? "",
        figures: document.querySelector("table")?.textContent ?? "",
        processors: navigator.hardwareConcurrency,
      };
    }, n);
  const once = async (extra: string) => {
    const { page } = await openPage(app, url + extra);
    const done = await waitForRun(page, 0, 300_000, 100);
    const first = await read(page, 0);
    // The next long run: another seed, typed in the Advanced panel.
    await page.locator("details.advanced summary").click();
    await page.locator('[data-field="seed"] input[type="text"]').fill("2");
    await waitForRun(page, done, 300_000, 100);
    const next = await read(page, 1);
    await page.context().close();
    return { first, next };
  };
  try {
    const best = { oneMs: Infinity, manyMs: Infinity, nextOneMs: Infinity, nextManyMs: Infinity };
    let workers = 1;
    let processors = 1;
    let same = true;
    for (let i = 0; i < repeats; i++) {
      const one = await once("&workers=1");
      const many = await once("");
      best.oneMs = Math.min(best.oneMs, one.first.ms);
      best.manyMs = Math.min(best.manyMs, many.first.ms);
      best.nextOneMs = Math.min(best.nextOneMs, one.next.ms);
      best.nextManyMs = Math.min(best.nextManyMs, many.next.ms);
      workers = Number(/on (\d+) workers/.exec(many.next.status)?.[1] ?? 1);
      processors = many.first.processors;
      same &&= one.first.figures === many.first.figures && one.next.figures === many.next.figures && one.first.figures !== one.next.figures;
    }
    return { ...best, workers, processors, same };
  } finally {
    await app.close();
  }
}
