/**
 * Memory of a long run (issue 9, target 3): 10^8 messages of W1 (M/M/1 at rho 0.9) through
 * `runScenario`, one replication with batch means, as `kendall run` runs it, must stay under
 * 200 MB resident and flat over time. The run happens in a child process (bench/memoryChild.ts)
 * so that the benchmark's own heap does not count; the child samples its resident set size every
 * 1% of the run. Reported, never asserted. `node --import tsx bench/memory.ts [--messages=N]`;
 * `benchMemory()` and `memoryTable()` are exported for `npm run bench`.
 */
import { fork } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { MemoryReport, MemorySample } from "./memoryChild.ts";
import { formatCount, formatFixed, formatMega, formatMet, formatTable, type Column } from "./table.ts";

/**
 * The targets: resident set under 200 MB, and flat, which we read as growing by less than 5 MB
 * over the second half of the run (the least-squares trend of the samples taken during it): for
 * 10^8 messages that is under 1 MB per 10^7 messages, or 0.1 byte a message. A bound on growth
 * rather than on the slope keeps a quick run's single page-in step of ~1 MB from reading as a leak.
 * A fall is not growth: V8 gives pages back as its heap settles (seen: -10 MB over the half).
 */
export const memoryTargets = { maxRssMb: 200, secondHalfGrowthMb: 5 };

const childPath = fileURLToPath(new URL("./memoryChild.ts", import.meta.url));
const root = fileURLToPath(new URL("..", import.meta.url));

/** Runs `messages` messages of W1 in a child process and returns its memory report. */
export function benchMemory(messages: number): Promise<MemoryReport> {
  return new Promise((resolve, reject) => {
    // Only tsx, not this process's flags (--cpu-prof, --expose-gc...): they would change what is measured.
    const child = fork(childPath, [String(messages)], { cwd: root, execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
    let report: MemoryReport | null = null;
    child.on("message", (m) => (report = m as MemoryReport));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (report) resolve(report);
      else reject(new Error(`memory child exited with ${signal ?? `code ${code}`} before reporting`));
    });
  });
}

const MB = 2 ** 20;
const mb = (bytes: number) => formatFixed(bytes / MB, 1);

/** Least-squares slope of a memory figure (by default RSS) against messages, in MB per 10^7 messages; NaN under two samples. */
export function slopeMbPer1e7(samples: readonly MemorySample[], of: (s: MemorySample) => number = (s) => s.rssBytes): number {
  const n = samples.length;
  if (n < 2) return NaN;
  const mx = samples.reduce((a, s) => a + s.messages, 0) / n;
  const my = samples.reduce((a, s) => a + of(s), 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const s of samples) {
    sxy += (s.messages - mx) * (of(s) - my);
    sxx += (s.messages - mx) ** 2;
  }
  return sxx > 0 ? ((sxy / sxx) * 1e7) / MB : NaN;
}

/** The sample taken closest to `fraction` of the run. */
function sampleAt(report: MemoryReport, fraction: number): MemorySample {
  const want = fraction * report.messages;
  return report.samples.reduce((best, s) => (Math.abs(s.messages - want) < Math.abs(best.messages - want) ? s : best));
}

const signed = (x: number, digits: number) => `${x >= 0 ? "+" : ""}${formatFixed(x, digits)}`;

/** The report as table lines: idle and loaded baselines, RSS at 10/50/100%, peak, slope over the second half, rate. */
export function memoryTable(report: MemoryReport): string[] {
  const columns: Column[] = [
    { header: "figure" }, { header: "messages", align: "right" }, { header: "seconds", align: "right" },
    { header: "value", align: "right" }, { header: "heap used", align: "right" }, { header: "baseline" },
    { header: "target" }, { header: "met" },
  ];
  const { loaded, idle } = report;
  const rssTarget = `< ${memoryTargets.maxRssMb} MB`;
  const rssRow = (name: string, s: MemorySample, target = "-") => [
    name, formatCount(s.messages), formatFixed(s.seconds, 1), `${mb(s.rssBytes)} MB`, `${mb(s.heapUsedBytes)} MB`,
    `loaded ${mb(loaded.rssBytes)} MB (${signed((s.rssBytes - loaded.rssBytes) / MB, 1)})`,
    target, target === "-" ? "-" : formatMet(s.rssBytes < memoryTargets.maxRssMb * MB),
  ];
  // Samples taken while the run was going: the last one, after runScenario returned, also holds the result.
  const secondHalf = report.samples.slice(0, -1).filter((s) => s.messages >= report.messages / 2);
  const slope = slopeMbPer1e7(secondHalf);
  const growthMb = (slope * (report.messages / 2)) / 1e7;
  const heapSlope = slopeMbPer1e7(secondHalf, (s) => s.heapUsedBytes);
  const messagesPerSec = report.messages / report.wallSeconds;
  return formatTable(columns, [
    ["RSS idle (node + tsx)", "0", "-", `${mb(idle.rssBytes)} MB`, `${mb(idle.heapUsedBytes)} MB`, "-", "-", "-"],
    ["RSS engine loaded", "0", "-", `${mb(loaded.rssBytes)} MB`, `${mb(loaded.heapUsedBytes)} MB`, `idle ${mb(idle.rssBytes)} MB (${signed((loaded.rssBytes - idle.rssBytes) / MB, 1)})`, "-", "-"],
    rssRow("RSS at 10%", sampleAt(report, 0.1)),
    rssRow("RSS at 50%", sampleAt(report, 0.5)),
    rssRow("RSS at 100%", report.samples.at(-1)!, rssTarget),
    ["peak RSS (maxRSS)", "-", "-", `${mb(report.peakRssBytes)} MB`, "", `loaded ${mb(loaded.rssBytes)} MB (${signed((report.peakRssBytes - loaded.rssBytes) / MB, 1)})`, rssTarget, formatMet(report.peakRssBytes < memoryTargets.maxRssMb * MB)],
    [
      "RSS slope, second half", `${formatCount(secondHalf[0]?.messages ?? 0)}-`, "-", `${signed(slope, 2)} MB/10^7`, `${signed(heapSlope, 2)} MB/10^7`, `over the half ${signed(growthMb, 1)} MB`,
      `flat: < ${memoryTargets.secondHalfGrowthMb} MB over the half`, formatMet(growthMb < memoryTargets.secondHalfGrowthMb),
    ],
    ["rate", formatCount(report.messages), formatFixed(report.wallSeconds, 1), `${formatMega(messagesPerSec)} M msgs/s`, "", `${formatMega(report.events / report.wallSeconds)} M events/s`, "-", "-"],
  ]);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const arg = process.argv.find((a) => a.startsWith("--messages="));
  const report = await benchMemory(arg ? Number(arg.slice("--messages=".length)) : 1e8);
  for (const line of memoryTable(report)) console.log(line);
  if (report.stopped) console.log(`  the run stopped early: ${report.stopped}`);
}
