/**
 * The page while a long run is in flight (issue 9, target 6): no main-thread task over 50 ms,
 * measured in headless Chromium with the Performance API. Reported, never asserted.
 * `node --import tsx bench/uiLongTasks.ts [--quick] [--trace=FILE] [--no-profile]`;
 * `benchLongTasks()` and `longTaskTables()` are exported for `npm run bench`.
 *
 * The page (a production build, as `npm start` serves it, unminified; see readableApp.ts) opens
 * on the three-queue pipeline with a short run, so figures and charts are on screen. Then the
 * run length is raised to millions of messages and, while the worker runs, the arrival-rate
 * slider is moved in bursts (as a drag does; each step supersedes the run) and the queue picker
 * switches queues. The window ends when the last run's figures are drawn. The page's Long Tasks
 * API (`longtask` entries) gives the count and the longest task; a Chromium trace of the same
 * window gives every task's wall and CPU time, and V8's CPU samples the code that ran
 * (taskCauses.ts). A mark the bench sets on every message from a worker names the message
 * (progress, partial, result...) that started a task.
 */
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { encodeScenarioToUrlParam, parseScenario } from "../src/scenario/index.ts";
import { browserAvailable, waitForRun, type App } from "../test/e2e/support/harness.ts";
import { startReadableApp } from "./readableApp.ts";
import { formatCount, formatFixed, formatMet, formatTable, type Column } from "./table.ts";
import { addTo, analyseRecording, largestFirst, longTaskTargetMs, type LongTaskFigures, type PageMark, type Recording } from "./taskCauses.ts";
import pipeline from "../models/pipeline.json" with { type: "json" };

export { longTaskTargetMs, type LongTaskFigures } from "./taskCauses.ts";

export interface LongTaskOptions {
  messages?: number;
  replications?: number;
  /** Also write the Chromium trace here (DevTools' Performance panel opens it). */
  traceFile?: string;
  /** Take V8 CPU samples for the "JavaScript by code" column (default true); sampling every 0.2 ms lengthens tasks a little. */
  profile?: boolean;
}

const startMark = "bench:long-run";
const traceCategories = ["toplevel", "devtools.timeline", "disabled-by-default-devtools.timeline", "blink.user_timing", "v8.execute"];
const profilerCategory = "disabled-by-default-v8.cpu_profiler";

/** Runs in the page before its scripts: collects long tasks, and marks every message a worker sends to the page with its type. */
function instrumentPage(): void {
  const w = window as unknown as { __longTasks: { startTime: number; duration: number }[] };
  w.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__longTasks.push({ startTime: e.startTime, duration: e.duration });
  }).observe({ type: "longtask", buffered: true });
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      // Registered before the page's own handler, so the mark falls inside the task that handles the message.
      this.addEventListener("message", (e: MessageEvent<{ type?: unknown }>) => performance.mark("bench:worker-message", { detail: String(e.data?.type) }));
    }
  };
}

async function mark(page: Page, name: string, detail = ""): Promise<number> {
  return page.evaluate(([n, d]) => performance.mark(n!, { detail: d }).startTime, [name, detail]);
}

const isRunning = (page: Page) => page.evaluate(() => document.querySelector("main.results")?.getAttribute("data-running") === "true");

/** Slider bursts (each step supersedes the run) and queue switches (which do not), two seconds apart, while the run is in flight. */
async function interact(page: Page): Promise<{ label: string; atMs: number }[]> {
  const rate = page.locator('[data-field="rate"] input[type="range"]');
  const picker = page.locator(".queue-picker select");
  const burst = async (key: string) => {
    await rate.focus();
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press(key);
      await page.waitForTimeout(40);
    }
  };
  const steps: [string, () => Promise<unknown>][] = [
    ["rate slider, 5 steps", () => burst("ArrowRight")],
    ["queue picker: transform", () => picker.selectOption("transform")],
    ["queue picker: store", () => picker.selectOption("store")],
    ["queue picker: ingest", () => picker.selectOption("ingest")],
    ["rate slider, 5 steps back", () => burst("ArrowLeft")],
  ];
  const inputs: { label: string; atMs: number }[] = [];
  for (const [label, act] of steps) {
    await page.waitForTimeout(2_000);
    if (!(await isRunning(page))) break;
    inputs.push({ label, atMs: await mark(page, "bench:input", label) });
    await act();
  }
  return inputs;
}

/** Opens the page on a short run, then asks for the long one and records until its figures are drawn. */
async function recordLongRun(app: App, messages: number, replications: number, profile: boolean): Promise<Recording> {
  const short = parseScenario({ ...pipeline, run: { messages: 20_000, warmup: "auto", replications } });
  if (!short.ok) throw new Error("models/pipeline.json does not parse");
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(instrumentPage);
  const page = await context.newPage();
  await page.goto(`${app.url}?s=${encodeScenarioToUrlParam(short.scenario)}`);
  const completed = await waitForRun(page, 0, 60_000);
  await page.locator("details.advanced summary").click();
  // Let the first figures' load curve (a second worker) finish, so that the window starts quiet.
  await page.waitForTimeout(2_000);

  await app.browser.startTracing(page, { categories: profile ? [...traceCategories, profilerCategory] : traceCategories });
  const startMs = await mark(page, startMark);
  await page.locator('[data-field="messages"] input[type="text"]').fill(String(messages));
  const inputs = await interact(page);
  // Polled on a timer: Playwright's default, a callback on every animation frame, would make the page render all along.
  const done = await waitForRun(page, completed, 900_000, 250);
  const drawn = await page.waitForFunction(
    (n) => performance.getEntriesByName("kendall:drawn").find((m) => (m as PerformanceMark).detail === n)?.startTime ?? false,
    done,
    { timeout: 10_000, polling: 50 },
  );
  const endMs = (await drawn.jsonValue()) as number;
  await page.waitForTimeout(200);
  const trace = await app.browser.stopTracing();
  const inPage = await page.evaluate(() => ({
    longTasks: (window as unknown as { __longTasks: { startTime: number; duration: number }[] }).__longTasks,
    workerMessages: performance.getEntriesByName("bench:worker-message").map((m): PageMark => ({ startTime: m.startTime, detail: (m as PerformanceMark).detail as unknown })),
  }));
  await context.close();
  return { trace, startMarkName: startMark, startMs, endMs, inputs, ...inPage };
}

/** Measures the page's main thread while a long run is in flight. Null without Chromium. */
export async function benchLongTasks({ messages = 5_000_000, replications = 3, traceFile, profile = true }: LongTaskOptions = {}): Promise<LongTaskFigures | null> {
  if (!browserAvailable()) return null;
  const app = await startReadableApp();
  try {
    const recording = await recordLongRun(app, messages, replications, profile);
    if (traceFile) writeFileSync(traceFile, recording.trace);
    return await analyseRecording(recording);
  } finally {
    await app.close();
  }
}

const ms = (x: number) => `${formatFixed(x, 0)} ms`;
const top = (list: readonly [string, number][], n: number) => list.filter(([, t]) => t >= 0.5).slice(0, n).map(([name, t]) => `${name} ${ms(t)}`).join("; ");

/** The figures against the target, then the long tasks and the heaviest by CPU time with what ran in them, and notes. */
export function longTaskTables(f: LongTaskFigures): { lines: string[]; notes: string[] } {
  const columns: Column[] = [{ header: "figure" }, { header: "value", align: "right" }, { header: "baseline" }, { header: "target" }, { header: "met" }];
  const longest = f.rows.filter((r) => r.long).sort((a, b) => b.durationMs - a.durationMs)[0];
  const lines = formatTable(columns, [
    ["main-thread tasks in the window (trace)", formatCount(f.tasks.count), `window ${formatFixed(f.windowMs / 1000, 1)} s, load average ${formatFixed(f.loadAverage, 1)} on ${f.cpus} CPUs`, "-", "-"],
    ["long tasks, > 50 ms (Long Tasks API)", formatCount(f.longTaskCount), "-", "0", formatMet(f.longTaskCount === 0)],
    ["longest task", ms(f.longestMs), longest ? `its CPU time ${ms(longest.cpuMs)}` : `longest in the trace ${ms(f.tasks.maxMs)}`, `<= ${longTaskTargetMs} ms`, formatMet(f.longestMs <= longTaskTargetMs)],
    ["task duration p95 (trace)", `${formatFixed(f.tasks.p95Ms, 1)} ms`, `p50 ${formatFixed(f.tasks.p50Ms, 2)} ms`, "-", "-"],
    ["tasks over 50 ms of CPU time (trace)", formatCount(f.tasks.overTargetCpu), `CPU time p95 ${formatFixed(f.tasks.p95CpuMs, 1)} ms, max ${ms(f.tasks.maxCpuMs)}`, "0 (load aside)", formatMet(f.tasks.overTargetCpu === 0)],
  ]);
  const taskColumns: Column[] = [
    { header: "at", align: "right" }, { header: "task", align: "right" }, { header: "CPU", align: "right" }, { header: "long" }, { header: "cause" },
    { header: "work (trace, self time)" }, { header: "JavaScript by code (CPU samples)" },
  ];
  const rows = f.rows.slice(0, 10).map((t) => [`${formatFixed(t.atMs / 1000, 1)} s`, ms(t.durationMs), ms(t.cpuMs), t.long ? "yes" : "", t.cause, top(t.work, 3), top(t.code, 3)]);
  const byCause = new Map<string, number>();
  for (const t of f.rows) if (t.long) addTo(byCause, t.cause.replace(/ \(.*\)$/, ""), 1);
  const notes = [
    `Inputs while the run was in flight: ${f.inputs.map((i) => `${i.label} at ${formatFixed(i.atMs / 1000, 1)} s`).join("; ") || "none"}. Worker messages: ${[...f.workerMessages].map(([t, n]) => `${n} ${t}`).join(", ")}.`,
    "Below the figures: the long tasks and the five heaviest other tasks by CPU time, longest first.",
    ...(byCause.size > 0 ? [`Long tasks by cause: ${largestFirst(byCause).map(([c, n]) => `${n} ${c}`).join("; ")}.`] : []),
    ...(f.codeInLongTasks.length > 0 ? [`JavaScript in all long tasks, by code: ${top(f.codeInLongTasks, 8)}.`] : []),
  ];
  return { lines: [...lines, "", ...formatTable(taskColumns, rows)], notes };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const quick = process.argv.includes("--quick");
  const traceFile = process.argv.find((a) => a.startsWith("--trace="))?.slice("--trace=".length);
  const run = quick ? { messages: 1_000_000, replications: 2 } : { messages: 5_000_000, replications: 3 };
  const figures = await benchLongTasks({ ...run, traceFile, profile: !process.argv.includes("--no-profile") });
  if (!figures) {
    console.log("skipped: no browser");
    process.exit(0);
  }
  console.log(`Page: main-thread tasks while ${formatCount(run.messages)} messages x ${run.replications} replications of the pipeline run`);
  const { lines, notes } = longTaskTables(figures);
  for (const line of lines) console.log(line);
  for (const note of notes) console.log(`  ${note}`);
}
