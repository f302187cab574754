/**
 * Reading a Chromium trace (the JSON that Playwright's `browser.stopTracing()` returns) for
 * bench/uiLongTasks.ts: the tasks of the page's main thread, what each spent its time in, and
 * the V8 CPU samples taken on that thread, so that a long task can be put down to the code that
 * ran in it. Times stay in the trace's clock (microseconds); `pageOffsetUs` converts a page's
 * `performance.now()` (ms) to it, read from a user-timing mark the page sets.
 */

/** One event of the Trace Event Format, as much of it as this file reads. */
export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event, us: less than `dur` when the thread waited for a processor. */
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: { data?: Record<string, unknown>; name?: string };
}

/** A thread of the trace. */
export interface TraceThread {
  pid: number;
  tid: number;
}

/** One task of the main thread (a `RunTask`): its span and its time by kind of work. */
export interface MainThreadTask {
  startUs: number;
  durationUs: number;
  /** The thread's CPU time in the task (us; NaN when the trace has none): the task's length on an unloaded processor. */
  cpuUs: number;
  /** Self time (us) of the events inside the task, by event name ("FunctionCall", "Layout", "MinorGC"...). */
  selfUs: Map<string, number>;
  /** What started the task: "keydown event", "worker message", "timer", "animation frame"... ("" when the trace does not say). */
  trigger: string;
}

// Events that only wrap a task's work, and say nothing of what started it.
const wrappers = new Set(["Receive mojo message", "SimpleWatcher::OnHandleReady", "BlinkScheduler_PerformMicrotaskCheckpoint", "V8.BytecodeBudgetInterrupt", "V8.StackGuard", "V8.HandleInterrupts"]);

/** A readable name for the event that started a task. */
function triggerOf(e: TraceEvent): string {
  const data = e.args?.data;
  switch (e.name) {
    case "EventDispatch": return `${String(data?.type ?? "")} event`;
    case "HandlePostMessage": return "worker message";
    case "TimerFire": return "timer";
    case "FireAnimationFrame": return "animation frame";
    case "FunctionCall": return `call ${String(data?.functionName ?? "") || "(anonymous)"}`;
    default: return e.name;
  }
}

/** A function in a CPU sample's stack. */
export interface Frame {
  functionName: string;
  url: string;
  /** Where the function starts in its script, 0-based (-1 when unknown). */
  lineNumber: number;
  columnNumber: number;
}

/** One CPU sample of the main thread: when, and its stack from the leaf (running function) to the root. */
export interface CpuSample {
  tsUs: number;
  stack: Frame[];
}

/** Parses the trace JSON, in either of its two shapes (a bare array, or `{ traceEvents }`). */
export function parseTrace(json: string | Buffer): TraceEvent[] {
  const data = JSON.parse(json.toString()) as TraceEvent[] | { traceEvents: TraceEvent[] };
  return Array.isArray(data) ? data : data.traceEvents;
}

/**
 * The thread on which the page set the user-timing mark `markName` (the page's main thread),
 * and the offset that turns the page's `performance.now()` ms into trace us. Null when the mark
 * is not in the trace.
 */
export function markedThread(events: readonly TraceEvent[], markName: string): (TraceThread & { pageOffsetUs: number }) | null {
  const mark = events.find((e) => e.name === markName && e.cat.includes("blink.user_timing"));
  const startTime = mark?.args?.data?.startTime;
  if (!mark || typeof startTime !== "number") return null;
  return { pid: mark.pid, tid: mark.tid, pageOffsetUs: mark.ts - startTime * 1000 };
}

const onThread = (e: TraceEvent, t: TraceThread) => e.pid === t.pid && e.tid === t.tid;

/**
 * The thread's tasks that start in `[fromUs, toUs)`, each with the self time of the complete
 * ("X") events nested in it, by name. Tasks are the scheduler's `RunTask` events
 * (category disabled-by-default-devtools.timeline), which is what DevTools and the Long Tasks
 * API call a task.
 */
export function mainThreadTasks(events: readonly TraceEvent[], thread: TraceThread, fromUs: number, toUs: number): MainThreadTask[] {
  const spans = events
    // ThreadControllerImpl::RunTask (category toplevel) spans the same time as RunTask: a duplicate.
    .filter((e) => e.ph === "X" && e.dur !== undefined && e.name !== "ThreadControllerImpl::RunTask" && onThread(e, thread) && e.ts + e.dur! > fromUs && e.ts < toUs)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const tasks: MainThreadTask[] = [];
  // A stack of open events inside the current task; an event's self time is its duration less its children's.
  let task: MainThreadTask | null = null;
  let stack: { end: number; name: string; self: number }[] = [];
  const close = (until: number) => {
    while (stack.length > 0 && stack.at(-1)!.end <= until) {
      const done = stack.pop()!;
      task!.selfUs.set(done.name, (task!.selfUs.get(done.name) ?? 0) + done.self);
    }
  };
  const finish = () => {
    if (!task) return;
    close(Infinity);
    const inEvents = [...task.selfUs.values()].reduce((a, b) => a + b, 0);
    if (task.durationUs > inEvents) task.selfUs.set("(not in a traced event)", task.durationUs - inEvents);
  };
  for (const e of spans) {
    if (e.name === "RunTask" && e.cat.includes("devtools.timeline") && (task === null || e.ts >= task.startUs + task.durationUs)) {
      finish();
      task = e.ts >= fromUs ? { startUs: e.ts, durationUs: e.dur!, cpuUs: e.tdur ?? NaN, selfUs: new Map(), trigger: "" } : null;
      if (task) tasks.push(task);
      stack = [];
      continue;
    }
    if (task === null || e.ts >= task.startUs + task.durationUs) continue;
    close(e.ts);
    if (task.trigger === "" && !wrappers.has(e.name)) task.trigger = triggerOf(e);
    const parent = stack.at(-1);
    if (parent) parent.self -= e.dur!;
    stack.push({ end: e.ts + e.dur!, name: e.name, self: e.dur! });
  }
  finish();
  return tasks;
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url?: string; lineNumber?: number; columnNumber?: number };
}

/**
 * The V8 CPU samples of a thread (category disabled-by-default-v8.cpu_profiler): the `Profile`
 * event names the profiled thread, its `ProfileChunk`s carry the call tree's nodes and the
 * samples with the time since the previous one.
 */
export function cpuSamples(events: readonly TraceEvent[], thread: TraceThread): CpuSample[] {
  const profile = events.find((e) => e.name === "Profile" && onThread(e, thread));
  if (!profile) return [];
  const nodes = new Map<number, ProfileNode>();
  const samples: CpuSample[] = [];
  let t = Number(profile.args?.data?.startTime ?? profile.ts);
  const stackOf = (id: number): Frame[] => {
    const stack: Frame[] = [];
    for (let node = nodes.get(id); node; node = node.parent === undefined ? undefined : nodes.get(node.parent)) {
      const { functionName, url = "", lineNumber = -1, columnNumber = -1 } = node.callFrame;
      stack.push({ functionName, url, lineNumber, columnNumber });
    }
    return stack;
  };
  for (const chunk of events) {
    if (chunk.name !== "ProfileChunk" || chunk.id !== profile.id || chunk.pid !== profile.pid) continue;
    const data = chunk.args?.data as { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] } | undefined;
    for (const node of data?.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    const ids = data?.cpuProfile?.samples ?? [];
    const deltas = data?.timeDeltas ?? [];
    for (let i = 0; i < ids.length; i++) {
      t += deltas[i] ?? 0;
      samples.push({ tsUs: t, stack: stackOf(ids[i]!) });
    }
  }
  return samples.sort((a, b) => a.tsUs - b.tsUs);
}
