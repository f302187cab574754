/**
 * `npm run bench`: the engine's performance figures beside their baselines (simjs, a plain
 * typed-array reference loop, a heap of objects) and the targets from the project's issues.
 * Figures are reported, never asserted: a benchmark that fails on a busy machine tests nothing.
 *
 * Flags: `--quick` (10^5 messages per workload, fewer repeats, 10^7 messages for memory and a
 * shorter long run in the page: a fast check); `--only=LIST` with sections among engine,
 * reference, simjs, calendar, memory, ui, longtasks, threads (the engine section needs the
 * reference and simjs for its ratios, so they still run, unprinted, when left out). The engine, the reference
 * and simjs run in turn on each workload, and the Calendar and the object heap in turn, so that
 * load from other processes falls on a figure and its baseline alike.
 * Garbage is collected before each timed run, then an untimed run of 20,000 messages compiles again
 * what the collection deoptimised (see `measureInterleaved` in measure.ts).
 */
import { fork } from "node:child_process";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { holdCalendar, holdObjectHeap, type HoldFigure } from "./calendar.ts";
import type { CalendarReport, CalendarRuns } from "./calendarChild.ts";
import type { GeneralReport } from "./generalChild.ts";
import { runEngine } from "./engine.ts";
import { gcFunction, measure, measureInterleaved, rewarmMessages, median, nowMs, type Measured, type RunFigure } from "./measure.ts";
import { runReference } from "./reference.ts";
import { runSimjs } from "./simjs.ts";
import { formatCount, formatFixed, formatMega, formatMet, formatRatio, formatTable, type Column } from "./table.ts";
import { coreWorkloads, theoryWq, TTL, W1, type Workload } from "./workloads.ts";
import { threadsSection, uiSection } from "./sections.ts";
import { benchMemory, memoryTable } from "./memory.ts";
import { benchLongTasks, longTaskTables } from "./uiLongTasks.ts";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const onlyArg = args.find((a) => a.startsWith("--only="));
const allSections = ["engine", "reference", "simjs", "calendar", "memory", "ui", "longtasks", "threads"];
const sections = new Set(onlyArg ? onlyArg.slice("--only=".length).split(",") : allSections);
for (const s of sections) {
  if (!allSections.includes(s)) {
    console.error(`bench: unknown section in --only: ${JSON.stringify(s)} (one of ${allSections.join(", ")})`);
    process.exit(2);
  }
}
const messages = quick ? 100_000 : 1_000_000;
const repeats = quick ? 2 : 3;
// simjs's FCFS queue is a plain array emptied with Array#shift, which V8 cannot trim in place once
// the array is in large-object space (> ~16k elements): each shift then copies the backlog
// (~12 us at 10^5). simjs's TTL run is therefore shorter (its backlog smaller, which flatters it)
// and done once.
const simjsTtlMessages = quick ? 20_000 : 100_000;
const holdPending = [1_000, 100_000, 1_000_000];
const holdCount = quick ? 200_000 : 1_000_000;
const warmupMessages = 20_000;
const memoryMessages = quick ? 10_000_000 : 100_000_000;
const longRun = quick ? { messages: 1_000_000, replications: 2 } : { messages: 5_000_000, replications: 3 };

const targets = {
  /** Engine W1, events per second. */
  engineW1PerSec: 10e6,
  /** Engine over simjs, each of W1-W3. */
  overSimjs: 4,
  /** Engine over the reference loop, each of W1-W3. */
  ofReference: 0.75,
  /** Calendar hold model, ns per pop + push, by pending events. */
  holdNs: new Map([[100_000, 250], [1_000_000, 500]]),
};

const measureColumns: Column[] = [
  { header: "workload" },
  { header: "events", align: "right" },
  { header: "seconds", align: "right" },
  { header: "M events/s", align: "right" },
  { header: "(median)", align: "right" },
  { header: "baseline" },
  { header: "ratio", align: "right" },
  { header: "target" },
  { header: "met" },
];

function progress(text: string): void {
  process.stderr.write(`  ${text}\n`);
}

function label(w: Workload): string {
  return `${w.id} ${w.label}`;
}

function measuredCells(w: Workload | string, m: Measured): string[] {
  return [typeof w === "string" ? w : label(w), formatCount(m.events), formatFixed(m.seconds, 3), formatMega(m.eventsPerSec), formatMega(m.medianPerSec)];
}

const blank = ["", "", "", "", ""];

function warmUp(): void {
  progress(`warming up the JIT (${formatCount(warmupMessages)} messages per workload)...`);
  for (const w of coreWorkloads) runEngine(w, warmupMessages);
  for (const w of coreWorkloads) {
    runReference(w, warmupMessages);
    runSimjs(w, warmupMessages);
  }
  runSimjs(TTL, 2_000);
  holdCalendar(1_000, 100_000);
  holdObjectHeap(1_000, 100_000);
}

type Runner = (w: Workload, n: number) => RunFigure;
const runners: Record<string, Runner> = { engine: runEngine, reference: runReference, simjs: runSimjs };

/** Measures the wanted implementations on each workload, interleaved run by run. */
function runAll(wanted: readonly string[], list: readonly Workload[]): Map<string, Map<Workload, Measured>> {
  const out = new Map(wanted.map((name) => [name, new Map<Workload, Measured>()]));
  if (wanted.length === 0) return out;
  for (const w of list) {
    progress(`${w.id}: ${wanted.join(", ")} in turn, ${formatCount(messages)} messages, best of ${repeats}`);
    const contenders = Object.fromEntries(wanted.map((name) => [name, (n: number) => runners[name]!(w, n)]));
    for (const [name, m] of measureInterleaved(repeats, messages, contenders)) out.get(name)!.set(w, m);
  }
  return out;
}

function engineTable(engine: Map<Workload, Measured>, general: GeneralReport, reference: Map<Workload, Measured>, simjs: Map<Workload, Measured>, simjsTtl: Measured): string[] {
  const rows: string[][] = [];
  for (const w of coreWorkloads) {
    const e = engine.get(w)!;
    const g = general.general[w.id]!;
    const gr = general.reference[w.id]!;
    const s = simjs.get(w)!;
    const r = reference.get(w)!;
    const first = measuredCells(w, e);
    if (w === W1) {
      rows.push([...first, "absolute", "", `>= ${targets.engineW1PerSec / 1e6} M/s`, formatMet(e.eventsPerSec >= targets.engineW1PerSec)]);
      rows.push([...blank, `simjs ${formatMega(s.eventsPerSec)} M/s`, formatRatio(e.eventsPerSec / s.eventsPerSec), `>= ${targets.overSimjs}x`, formatMet(e.eventsPerSec >= targets.overSimjs * s.eventsPerSec)]);
    } else {
      rows.push([...first, `simjs ${formatMega(s.eventsPerSec)} M/s`, formatRatio(e.eventsPerSec / s.eventsPerSec), `>= ${targets.overSimjs}x`, formatMet(e.eventsPerSec >= targets.overSimjs * s.eventsPerSec)]);
    }
    rows.push([...blank, `reference ${formatMega(r.eventsPerSec)} M/s`, formatRatio(e.eventsPerSec / r.eventsPerSec, true), `>= ${targets.ofReference * 100}%`, formatMet(e.eventsPerSec >= targets.ofReference * r.eventsPerSec)]);
    rows.push([...measuredCells("  general model", g), `reference ${formatMega(gr.eventsPerSec)} M/s (its process)`, formatRatio(g.eventsPerSec / gr.eventsPerSec, true), "-", "-"]);
  }
  const t = general.ttl;
  const w1 = general.general[W1.id]!;
  rows.push([...measuredCells(TTL, t), `general W1 ${formatMega(w1.eventsPerSec)} M/s`, formatRatio(t.eventsPerSec / w1.eventsPerSec), "-", "-"]);
  rows.push([...blank, `simjs ${formatMega(simjsTtl.eventsPerSec)} M/s (${formatCount(simjsTtlMessages)} msgs)`, formatRatio(t.eventsPerSec / simjsTtl.eventsPerSec), "-", "-"]);
  return formatTable(measureColumns, rows);
}

function baselineTable(own: Map<Workload, Measured>, base: Map<Workload, Measured> | null, baseName: string, extra: string[][] = []): string[] {
  const rows: string[][] = [];
  for (const [w, m] of own) {
    const b = base?.get(w);
    rows.push([...measuredCells(w, m), b ? `${baseName} ${formatMega(b.eventsPerSec)} M/s` : "-", b ? formatRatio(m.eventsPerSec / b.eventsPerSec) : "", "-", "-"]);
  }
  return formatTable(measureColumns, [...rows, ...extra]);
}

function checkTable(engine: Map<Workload, Measured>, reference: Map<Workload, Measured>, simjs: Map<Workload, Measured>): string[] {
  const columns: Column[] = [{ header: "workload" }, { header: "theory", align: "right" }, { header: "engine", align: "right" }, { header: "reference", align: "right" }, { header: "simjs", align: "right" }];
  const rows = coreWorkloads.map((w) => [label(w), formatFixed(theoryWq(w), 3), formatFixed(engine.get(w)?.meanWq ?? NaN, 5), formatFixed(reference.get(w)?.meanWq ?? NaN, 5), formatFixed(simjs.get(w)?.meanWq ?? NaN, 5)]);
  return formatTable(columns, rows);
}

interface HoldResult {
  pending: number;
  calendar: HoldFigure;
  calendarMedianNs: number;
  objects: HoldFigure;
}

const calendarChild = fileURLToPath(new URL("./calendarChild.ts", import.meta.url));
const generalChild = fileURLToPath(new URL("./generalChild.ts", import.meta.url));

/** A child process's report over IPC (see bench/calendarChild.ts and bench/generalChild.ts). */
function childReport<T>(file: string, args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    // Only tsx, not this process's flags: they would change what is measured.
    const child = fork(file, args, { cwd: fileURLToPath(new URL("..", import.meta.url)), execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
    let report: T | null = null;
    child.on("message", (m: { report?: T }) => {
      if (m.report) report = m.report;
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => (report ? resolve(report) : reject(new Error(`${file} exited with ${signal ?? `code ${code}`} before reporting`))));
  });
}

/** The general model on W1-W3 (with the reference loop in turn) and on TTL, in a child process (see bench/generalChild.ts for why). */
function generalRuns(): Promise<GeneralReport> {
  progress(`general model: W1-W3 with the reference in turn, then TTL, ${formatCount(messages)} messages, best of ${repeats}, in a child process`);
  return childReport<GeneralReport>(generalChild, [String(messages), String(repeats), String(warmupMessages)]);
}

/** The hold runs of every size, from a fresh child process (see bench/calendarChild.ts for why). */
function holdRuns(): Promise<CalendarReport> {
  progress(`calendar hold n=${holdPending.map(formatCount).join(", ")}: Calendar and object heap in turn, ${formatCount(holdCount)} holds, best of ${repeats}, in a child process`);
  return childReport<CalendarReport>(calendarChild, [holdPending.join(","), String(holdCount), String(repeats)]);
}

/** Best (lowest ns) and median of each list's runs. */
function holdBoth(runs: CalendarRuns): Omit<HoldResult, "pending"> {
  const best = (list: HoldFigure[]) => list.reduce((x, y) => (y.nsPerHold < x.nsPerHold ? y : x));
  return { calendar: best(runs.calendar), calendarMedianNs: median(runs.calendar.map((f) => f.nsPerHold)), objects: best(runs.objects) };
}

async function calendarSection(): Promise<string[]> {
  const results: HoldResult[] = [];
  for (const runs of await holdRuns()) {
    const r = holdBoth(runs);
    if (r.calendar.checksum !== r.objects.checksum) throw new Error(`calendar hold n=${runs.pending}: the Calendar and the object heap popped different times`);
    results.push({ pending: runs.pending, ...r });
  }
  const columns: Column[] = [
    { header: "pending events" }, { header: "holds", align: "right" }, { header: "seconds", align: "right" },
    { header: "ns/hold", align: "right" }, { header: "(median)", align: "right" }, { header: "baseline" },
    { header: "ratio", align: "right" }, { header: "target" }, { header: "met" },
  ];
  const rows = results.map((r) => {
    const target = targets.holdNs.get(r.pending);
    return [
      formatCount(r.pending), formatCount(r.calendar.holds), formatFixed(r.calendar.seconds, 3),
      formatFixed(r.calendar.nsPerHold, 1), formatFixed(r.calendarMedianNs, 1),
      `heap of objects ${formatFixed(r.objects.nsPerHold, 1)} ns`, `${formatFixed(r.objects.nsPerHold / r.calendar.nsPerHold, 2)}x faster`,
      target === undefined ? "-" : `<= ${target} ns`, formatMet(target === undefined ? null : r.calendar.nsPerHold <= target),
    ];
  });
  return formatTable(columns, rows);
}

function print(title: string, lines: string[], notes: string[] = []): void {
  console.log(`\n${title}`);
  for (const l of lines) console.log(l);
  for (const n of notes) console.log(`  ${n}`);
}

async function memorySection(): Promise<void> {
  progress(`memory: ${formatCount(memoryMessages)} messages of W1 in a child process, sampling its RSS every 1%...`);
  const title = `Memory: ${formatCount(memoryMessages)} messages of ${label(W1)}, runScenario (one replication, batch means) in a child process`;
  try {
    const report = await benchMemory(memoryMessages);
    print(title, memoryTable(report), [
      "Target: under 200 MB resident, flat over time. RSS from process.memoryUsage() every 1% of the run, from the engine's progress callback; peak from getrusage.",
      "Baselines: the child before the engine's modules are imported (node + tsx), then with them loaded; the run's own memory is the difference.",
      ...(report.stopped ? [`The run stopped early (${report.stopped}): the figures cover the part that ran.`] : []),
    ]);
  } catch (error) {
    print(title, [`  failed: ${error instanceof Error ? error.message : String(error)}`]);
  }
}

async function longTasksSection(): Promise<void> {
  progress(`long tasks: the page in headless Chromium while ${formatCount(longRun.messages)} messages x ${longRun.replications} replications run...`);
  const title = `Page: main-thread tasks while a long run is in flight (${formatCount(longRun.messages)} messages x ${longRun.replications} replications of the pipeline), headless Chromium, production build`;
  try {
    const figures = await benchLongTasks(longRun);
    if (!figures) {
      print(title, ["  skipped: no browser"]);
      return;
    }
    const { lines, notes } = longTaskTables(figures);
    print(title, lines, [
      ...notes,
      "Target: no main-thread task over 50 ms (Long Tasks API, wall time). CPU time (trace) is what a task costs the page; wall time also counts waiting for a processor, which the worker and other load take.",
    ]);
  } catch (error) {
    print(title, [`  failed: ${error instanceof Error ? error.message : String(error)}`]);
  }
}

async function main(): Promise<void> {
  const started = nowMs();
  console.log(`Kendall benchmarks: ${quick ? "quick" : "full"} run, ${formatCount(messages)} messages per workload`);
  console.log(`node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg().map((x) => x.toFixed(2)).join(" ")}, gc between runs: ${gcFunction ? `yes, each followed by an untimed run of ${formatCount(rewarmMessages)} messages` : "no"}`);
  console.log(`Each figure is the best of ${repeats} runs (highest events/s, lowest ns), contenders run in turn; the median follows in brackets. Reported, not asserted.`);
  if (["engine", "reference", "simjs", "calendar"].some((s) => sections.has(s))) warmUp();

  const wantEngine = sections.has("engine");
  const wanted = ["engine", "reference", "simjs"].filter((name) => wantEngine || sections.has(name));
  const measured = runAll(wanted, coreWorkloads);
  const reference = measured.get("reference") ?? null;
  const simjs = measured.get("simjs") ?? null;
  const engine = wantEngine ? measured.get("engine")! : null;
  const general = wantEngine ? await generalRuns() : null;
  let simjsTtl: Measured | null = null;
  if (simjs) {
    progress(`TTL: simjs, ${formatCount(simjsTtlMessages)} messages, once`);
    simjsTtl = measure(1, simjsTtlMessages, (n) => runSimjs(TTL, n));
  }

  if (engine && general && reference && simjs && simjsTtl) {
    print("Engine: runScenario, one replication, no warm-up (events = arrivals + completions + expiries)", engineTable(engine, general, reference, simjs, simjsTtl), [
      "Targets: W1 >= 10 M events/s; each of W1-W3 >= 4x simjs and >= 75% of the reference loop.",
      "runScenario runs W1-W3 on FifoNetworkModel (FIFO, prefetch 1, no TTL or failures: src/simulation/fifoNetwork.ts); \"general model\" is NetworkModel,",
      "which runs every feature, on the same workload with the same results (tests compare them bit for bit). TTL needs NetworkModel. The general",
      "model and TTL run in a child process, with the reference loop in turn there too (see bench/generalChild.ts): the models share code.",
      `TTL: lambda 11, mu 1, exponential TTL of mean 10^4 s: ~10^5 ready messages with pending expiry timers${quick ? " (fewer in a quick run: the backlog is still building)" : ""}; ratio to W1 shows a cliff.`,
      `simjs TTL: ${formatCount(simjsTtlMessages)} messages, one run, so a smaller backlog; its FCFS queue's Array#shift copies the backlog once it exceeds ~16k.`,
    ]);
  }
  if (reference && sections.has("reference")) {
    print("Reference: hand-written typed-array loop (binary heap on Float64Array, ring buffers, alea)", baselineTable(reference, simjs, "simjs"), [
      "The ceiling the engine is measured against: no broker, no statistics, no cancellation, no tie-break.",
    ]);
  }
  if (simjs && simjsTtl && sections.has("simjs")) {
    const ttlRow = [...measuredCells(`${label(TTL)} (${formatCount(simjsTtlMessages)} msgs)`, simjsTtl), "-", "", "-", "-"];
    print("simjs 2.0.3: Sim.Facility (FCFS), setTimer/useFacility, waitUntil for TTL", baselineTable(simjs, null, "", [ttlRow]), [
      "simjs is itself the baseline. Same rates and the same alea streams (named as the engine names them) as the other two.",
    ]);
  }
  if (engine && reference && simjs) {
    print("Same model check: mean wait Wq at the first queue (s); all three draw the engine's streams, so they follow one sample path", checkTable(engine, reference, simjs));
  }
  if (sections.has("calendar")) {
    print("Event calendar: hold model (pop the earliest, push it back at now + Exp(1)), src/engine/calendar.ts", await calendarSection(), [
      "Baseline: binary heap of {time, priority, seq, kind, a, b} objects, same comparator, one object per push.",
      "Run in a child process that runs nothing else: after the engine's workloads, the same loop is ~40% slower at 10^3 (their type feedback).",
    ]);
  }
  if (sections.has("memory")) await memorySection();
  if (sections.has("threads")) await threadsSection(quick);
  if (sections.has("ui")) await uiSection(quick);
  if (sections.has("longtasks")) await longTasksSection();
  console.log(`\nTotal ${formatFixed((nowMs() - started) / 1000, 1)} s; load average now ${os.loadavg().map((x) => x.toFixed(2)).join(" ")}.`);
}

void main();
