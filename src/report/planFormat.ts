import type { PlanGrowthStep, PlanSection } from "./types.ts";

/** Consumers of a verdict or growth step in words ("none" where no count meets the SLO). */
export function consumersText(c: PlanGrowthStep["consumers"]): string {
  const one = (n: number | null) => (n === null ? "none" : String(n));
  return c === null || typeof c === "number" ? one(c) : Object.entries(c).map(([id, n]) => `${id}: ${one(n)}`).join(", ");
}

/** One prefetch or capacity answer as a row: the setting, now, the answer, and why. */
export interface PlanSizeRow {
  queue: string;
  setting: "prefetch" | "capacity";
  now: string;
  answer: string;
  meets: boolean;
  explanation: string;
}

/** The prefetch and capacity answers of a plan, queue by queue (empty when none was sized). */
export function planSizeRows(plan: PlanSection): PlanSizeRow[] {
  return plan.verdicts.flatMap((v) => {
    const rows: PlanSizeRow[] = [];
    const answer = (n: number | null) => (n === null ? "none" : String(n));
    if (v.prefetch) {
      const now = v.prefetch.current === 0 ? "unlimited" : answer(v.prefetch.current);
      rows.push({ queue: v.queue, setting: "prefetch", now, answer: v.prefetch.value === null ? "none" : `up to ${v.prefetch.value}`, meets: v.prefetch.meets, explanation: v.prefetch.explanation ?? "" });
    }
    if (v.capacity) {
      const now = v.capacity.current === null ? "unbounded" : String(v.capacity.current);
      rows.push({ queue: v.queue, setting: "capacity", now, answer: v.capacity.value === null ? "none" : `at least ${v.capacity.value}`, meets: v.capacity.meets, explanation: v.capacity.explanation ?? "" });
    }
    return rows;
  });
}
