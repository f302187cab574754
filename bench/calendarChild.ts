/**
 * The child process of the calendar section of `npm run bench`: the hold model on the Calendar
 * and on the heap of objects, in turn, `repeats` times for each number of pending events, in a
 * process that has run nothing else. In the parent, the engine's workloads leave the Calendar's
 * methods optimised with the engine's type feedback, which slowed the hold loop by ~40% at 10^3
 * pending events (measured: 137 against 95 ns): that measures the earlier sections, not the
 * event list. Started by `fork` with `pending,...` `holds` `repeats`; sends its
 * {@link CalendarReport} over IPC and exits.
 */
import { holdCalendar, holdObjectHeap, type HoldFigure } from "./calendar.ts";
import { collectGarbage } from "./measure.ts";

/** Every hold run of one number of pending events. */
export interface CalendarRuns {
  pending: number;
  calendar: HoldFigure[];
  objects: HoldFigure[];
}

export type CalendarReport = CalendarRuns[];

const [pendingArg = "1000", holdsArg = "1000000", repeatsArg = "3"] = process.argv.slice(2);
const holds = Number(holdsArg);
const repeats = Number(repeatsArg);

holdCalendar(1_000, 100_000);
holdObjectHeap(1_000, 100_000);
const report: CalendarReport = [];
for (const pending of pendingArg.split(",").map(Number)) {
  const runs: CalendarRuns = { pending, calendar: [], objects: [] };
  for (let i = 0; i < repeats; i++) {
    collectGarbage();
    runs.calendar.push(holdCalendar(pending, holds));
    collectGarbage();
    runs.objects.push(holdObjectHeap(pending, holds));
  }
  report.push(runs);
  process.send?.({ progress: pending });
}
process.send?.({ report });
