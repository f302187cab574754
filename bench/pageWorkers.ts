/**
 * Replications in parallel in the page: the threads section's scenario (8 replications of
 * M/M/1 at rho 0.9) opened in headless Chromium on the production build, once with `?workers=1`
 * (every replication on the simulation worker) and once with the default (one replication
 * worker per processor), in turn, best of `repeats` each. The time is the simulation worker's
 * own (`kendall:result` mark: from the request to the result, helpers' start included).
 */
import { encodeScenarioToUrlParam } from "../src/scenario/index.ts";
import { browserAvailable, openPage, startApp, waitForRun } from "../test/e2e/support/harness.ts";
import { threadsScenario } from "./threadsScenario.ts";

export interface PageWorkersFigures {
  /** Best wall time (ms) with one worker, and with one per processor. */
  oneMs: number;
  manyMs: number;
  /** Workers the parallel runs used (from the page's run status), and the page's processors. */
  workers: number;
  processors: number;
  /** Whether both showed the same figures. */
  same: boolean;
}

export async function benchPageWorkers({ messages = 1_000_000, repeats = 3 } = {}): Promise<PageWorkersFigures | null> {
  if (!browserAvailable()) return null;
  const app = await startApp({ production: true });
  const url = `${app.url}?s=${encodeScenarioToUrlParam(threadsScenario(messages))}`;
  const once = async (extra: string) => {
    const { page } = await openPage(app, url + extra);
    await waitForRun(page, 0, 300_000, 100);
    const out = await page.evaluate(() => {
      const mark = performance.getEntriesByName("kendall:result")[0] as PerformanceMark | undefined;
      return {
        ms: (mark?.detail as { wallMs?: number } | undefined)?.wallMs ?? NaN,
        status: document.querySelector(".run-status")?.textContent ?? "",
        figures: document.querySelector("table")?.textContent ?? "",
        processors: navigator.hardwareConcurrency,
      };
    });
    await page.context().close();
    return out;
  };
  try {
    let oneMs = Infinity;
    let manyMs = Infinity;
    let workers = 1;
    let processors = 1;
    let same = true;
    for (let i = 0; i < repeats; i++) {
      const one = await once("&workers=1");
      const many = await once("");
      oneMs = Math.min(oneMs, one.ms);
      manyMs = Math.min(manyMs, many.ms);
      workers = Number(/on (\d+) workers/.exec(many.status)?.[1] ?? 1);
      processors = many.processors;
      same &&= one.figures === many.figures && one.figures.length > 0;
    }
    return { oneMs, manyMs, workers, processors, same };
  } finally {
    await app.close();
  }
}
