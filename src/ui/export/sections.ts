import type { PlanResult, SweepResult } from "../../planner/index.ts";
import { capacityLine, planSizeAnswers, prefetchLine } from "../plan/planView.ts";
import type { PlanSection, SweepFigures, SweepSection } from "../../report/index.ts";

/** The plan as a report section: one verdict per planned queue and the growth table. */
export function planSectionOf(plan: PlanResult): PlanSection {
  const queues = Object.values(plan.queues);
  const single = queues.length === 1;
  const section: PlanSection = {
    slo: plan.slo,
    verdicts: queues.map((q) => ({ queue: q.queue, consumers: q.consumers, meets: q.meets, current: q.current, explanation: q.explanation, ...planSizeAnswers(q) })),
    growth: plan.growth.map((row) => ({ factor: row.factor, consumers: single ? row.consumers : row.queues })),
    recommendation: recommendationOf(plan),
  };
  if (plan.costPerHour !== undefined) section.costPerHour = plan.costPerHour;
  return section;
}

/** One sentence: the consumers to run per queue against the SLO, and the prefetch and capacity where they were sized. */
export function recommendationOf(plan: PlanResult): string {
  const parts = Object.values(plan.queues).map((q) => {
    const consumers = q.consumers === null ? `no consumer count meets the SLO on ${JSON.stringify(q.queue)}` : `${q.consumers} consumer${q.consumers === 1 ? "" : "s"} on ${JSON.stringify(q.queue)} (now ${q.current})`;
    const prefetch = prefetchLine(q);
    const capacity = capacityLine(q);
    const sized = [prefetch && `prefetch ${prefetch}`, capacity && `capacity ${capacity}`].filter((x): x is string => !!x);
    return sized.length > 0 ? `${consumers} with ${sized.join(" and ")}` : consumers;
  });
  if (parts.length === 0) return `No queue to plan against ${plan.slo}.`;
  return `Against ${plan.slo}: ${parts.join(", ")}.`;
}

const meanOrNull = (f: { mean: number } | null | undefined) => (f && Number.isFinite(f.mean) ? f.mean : null);

/** A one-parameter sweep as a report section (per point: W, Wq, p99 wait and utilization of every queue). */
export function sweepSectionOf(sweep: SweepResult): SweepSection {
  return {
    param: sweep.params[0]?.path ?? "",
    points: sweep.points.map((p) => {
      const v = p.values[0];
      const queues: Record<string, SweepFigures> = {};
      for (const [id, q] of Object.entries(p.queues)) queues[id] = { W: meanOrNull(q.W), Wq: meanOrNull(q.Wq), p99wait: meanOrNull(q.waitP99), utilization: meanOrNull(q.utilization) };
      return { value: typeof v === "number" ? v : String(v), queues };
    }),
  };
}
