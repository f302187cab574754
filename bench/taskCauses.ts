/**
 * What the page's main thread did during bench/uiLongTasks.ts's window, from the recording:
 * every task of the Chromium trace (duration and CPU time), the Long Tasks API's entries, and
 * for each long task, and for the heaviest tasks by CPU time, what started it (an input, a
 * worker's message by type, a frame) and which code ran in it (V8's CPU samples, mapped to the
 * project's modules through the unminified bundle; see readableApp.ts).
 */
import os from "node:os";
import { cpuSamples, mainThreadTasks, markedThread, parseTrace, type CpuSample, type Frame, type MainThreadTask } from "./chromeTrace.ts";
import { fetchModuleMap, type ModuleAt } from "./readableApp.ts";

/** The target: no main-thread task longer than this (ms). */
export const longTaskTargetMs = 50;

/** A user-timing mark read back from the page. */
export interface PageMark {
  startTime: number;
  detail: unknown;
}

/** What the page and the trace recorded, page times in ms. */
export interface Recording {
  trace: Buffer;
  /** The user-timing mark set when the long run was asked for: it ties the trace's clock to the page's. */
  startMarkName: string;
  startMs: number;
  /** When the last run's figures were drawn. */
  endMs: number;
  /** Inputs, with their page time. */
  inputs: { label: string; atMs: number }[];
  /** The Long Tasks API's entries. */
  longTasks: { startTime: number; duration: number }[];
  /** One mark per message a worker sent to the page, its type in `detail`. */
  workerMessages: PageMark[];
}

/** One task shown in the report: a long task (Long Tasks API), or one of the heaviest by CPU time. */
export interface TaskRow {
  /** Start, ms after the long run was asked for, and wall time (ms). */
  atMs: number;
  durationMs: number;
  /** The main thread's CPU time in the task (trace, ms): its length on a processor of its own. */
  cpuMs: number;
  /** Whether the Long Tasks API reported it. */
  long: boolean;
  /** What started it: a worker's message (by type), an input (the bench's label), a frame... */
  cause: string;
  /** The trace's view: self time by kind of work (ms), largest first. */
  work: [string, number][];
  /** JavaScript time by code (ms), largest first: the innermost function of the project (src/), else the library's. */
  code: [string, number][];
}

export interface LongTaskFigures {
  /** From asking for the long run to its figures drawn (ms). */
  windowMs: number;
  inputs: { label: string; atMs: number }[];
  /** Messages from the workers in the window, by type ("progress", "partial", "result"...). */
  workerMessages: Map<string, number>;
  /** Every main-thread task in the window (trace): count, percentiles of wall and CPU time (ms), and how many took over 50 ms of CPU. */
  tasks: { count: number; p50Ms: number; p95Ms: number; maxMs: number; p95CpuMs: number; maxCpuMs: number; overTargetCpu: number };
  /** Long Tasks API entries in the window. */
  longTaskCount: number;
  longestMs: number;
  /** The long tasks, then the heaviest tasks by CPU time, by wall time. */
  rows: TaskRow[];
  /** JavaScript time in all long tasks, by code (ms). */
  codeInLongTasks: [string, number][];
  /** The machine's 1-minute load average at the end, and its processors. */
  loadAverage: number;
  cpus: number;
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export function addTo(map: Map<string, number>, key: string, value: number): void {
  map.set(key, (map.get(key) ?? 0) + value);
}

export const largestFirst = (map: Map<string, number>): [string, number][] => [...map].sort((a, b) => b[1] - a[1]);

/** The source map of each bundle the samples ran in (from the server still serving it). */
async function bundleModules(samples: readonly CpuSample[]): Promise<Map<string, ModuleAt>> {
  const urls = new Set(samples.flatMap((s) => s.stack.map((f) => f.url)).filter((u) => /^https?:.*\/assets\/.*\.js$/.test(u)));
  const out = new Map<string, ModuleAt>();
  for (const url of urls) out.set(url, await fetchModuleMap(url));
  return out;
}

/** Where a CPU sample's time goes: the innermost function of the project (src/...), else the running function and its package. */
function codeLabel(stack: readonly Frame[], modules: Map<string, ModuleAt>): string {
  // A bundle's position goes back to its module through the source map; the dev server serves modules as they are.
  const moduleOf = (f: Frame) => modules.get(f.url)?.(f.lineNumber, f.columnNumber) || f.url.replace(/^https?:\/\/[^/]+\//, "").replace(/\?.*$/, "");
  const own = stack.find((f) => moduleOf(f).startsWith("src/"));
  if (own) return `${moduleOf(own)} ${own.functionName || "(anonymous)"}`;
  const leaf = stack[0];
  if (!leaf) return "(unknown)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(moduleOf(leaf))?.[1];
  return pkg ? `${pkg} ${leaf.functionName || "(anonymous)"}` : leaf.functionName || "(anonymous)";
}

/** JavaScript time (ms) by code over the samples in `[fromUs, toUs)`. */
function codeTime(samples: readonly CpuSample[], modules: Map<string, ModuleAt>, fromUs: number, toUs: number): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i]!;
    if (s.tsUs < fromUs || s.tsUs >= toUs) continue;
    // A sample stands for the time until the next one, capped: a longer gap means the thread slept.
    const ms = Math.min((samples[i + 1]?.tsUs ?? s.tsUs) - s.tsUs, 2_000) / 1000;
    const leaf = s.stack[0]?.functionName;
    if (leaf !== "(idle)" && leaf !== "(root)") addTo(out, codeLabel(s.stack, modules), ms);
  }
  return out;
}

/** The trace's tasks under a span (a Long Tasks API entry may cover more than one), merged; undefined when none. */
function tasksUnder(tasks: readonly MainThreadTask[], fromUs: number, toUs: number): MainThreadTask | undefined {
  const under = tasks.filter((k) => k.startUs < toUs && fromUs < k.startUs + k.durationUs).sort((a, b) => b.durationUs - a.durationUs);
  if (under.length === 0) return undefined;
  const selfUs = new Map<string, number>();
  for (const k of under) for (const [name, us] of k.selfUs) addTo(selfUs, name, us);
  return { ...under[0]!, cpuUs: under.reduce((a, k) => a + k.cpuUs, 0), selfUs };
}

/** What started a task at page time `[start, end]`: a worker message marked inside it, else an input shortly before, else the trace's trigger. */
function causeOf(rec: Recording, start: number, end: number, trigger: string): string {
  const types = [...new Set(rec.workerMessages.filter((m) => m.startTime >= start && m.startTime <= end).map((m) => String(m.detail)))];
  if (types.length > 0) return `worker message: ${types.join(", ")}`;
  const how = trigger ? ` (${trigger})` : "";
  const input = rec.inputs.filter((i) => i.atMs <= start && start - i.atMs < 500).at(-1);
  if (input) return `input: ${input.label}${how}`;
  if (start - rec.startMs < 500) return `input: run length raised${how}`;
  return trigger || "(unknown)";
}

/** Reads the recording into the report's figures; the app must still be serving its bundles. */
export async function analyseRecording(rec: Recording): Promise<LongTaskFigures> {
  const events = parseTrace(rec.trace);
  const thread = markedThread(events, rec.startMarkName);
  if (!thread) throw new Error(`the trace has no ${rec.startMarkName} mark`);
  const toUs = (pageMs: number) => pageMs * 1000 + thread.pageOffsetUs;
  const tasks = mainThreadTasks(events, thread, toUs(rec.startMs), toUs(rec.endMs));
  const samples = cpuSamples(events, thread);
  const modules = await bundleModules(samples);
  const row = (startMs: number, durationMs: number, long: boolean): TaskRow => {
    const fromUs = toUs(startMs);
    const k = tasksUnder(tasks, fromUs, fromUs + durationMs * 1000);
    return {
      atMs: startMs - rec.startMs, durationMs, cpuMs: k ? k.cpuUs / 1000 : NaN, long,
      cause: causeOf(rec, startMs, startMs + durationMs, k?.trigger ?? ""),
      work: k ? largestFirst(k.selfUs).map(([name, us]): [string, number] => [name, us / 1000]) : [],
      code: largestFirst(codeTime(samples, modules, fromUs, fromUs + durationMs * 1000)),
    };
  };

  const longRows = rec.longTasks.filter((t) => t.startTime >= rec.startMs && t.startTime <= rec.endMs).map((t) => row(t.startTime, t.duration, true));
  const codeInLongTasks = new Map<string, number>();
  for (const r of longRows) for (const [label, ms] of r.code) addTo(codeInLongTasks, label, ms);
  const covered = (k: MainThreadTask) => longRows.some((r) => Math.abs(toUs(r.atMs + rec.startMs) - k.startUs) < r.durationMs * 1000);
  const heaviest = [...tasks].sort((a, b) => b.cpuUs - a.cpuUs).filter((k) => !covered(k)).slice(0, 5)
    .map((k) => row((k.startUs - thread.pageOffsetUs) / 1000, k.durationUs / 1000, false));

  const wall = tasks.map((t) => t.durationUs / 1000).sort((a, b) => a - b);
  const cpu = tasks.map((t) => t.cpuUs / 1000).filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  const workerMessages = new Map<string, number>();
  for (const m of rec.workerMessages) if (m.startTime >= rec.startMs && m.startTime <= rec.endMs) addTo(workerMessages, String(m.detail), 1);
  return {
    windowMs: rec.endMs - rec.startMs,
    inputs: rec.inputs.map((i) => ({ label: i.label, atMs: i.atMs - rec.startMs })),
    workerMessages,
    tasks: {
      count: tasks.length, p50Ms: quantile(wall, 0.5), p95Ms: quantile(wall, 0.95), maxMs: wall.at(-1) ?? NaN,
      p95CpuMs: quantile(cpu, 0.95), maxCpuMs: cpu.at(-1) ?? NaN, overTargetCpu: cpu.filter((x) => x > longTaskTargetMs).length,
    },
    longTaskCount: longRows.length,
    longestMs: longRows.reduce((a, r) => Math.max(a, r.durationMs), 0),
    rows: [...longRows, ...heaviest].sort((a, b) => b.durationMs - a.durationMs),
    codeInLongTasks: largestFirst(codeInLongTasks),
    loadAverage: os.loadavg()[0]!,
    cpus: os.cpus().length,
  };
}
