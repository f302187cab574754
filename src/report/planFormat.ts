import type { PlanGrowthStep } from "./types.ts";

/** Consumers of a verdict or growth step in words ("none" where no count meets the SLO). */
export function consumersText(c: PlanGrowthStep["consumers"]): string {
  const one = (n: number | null) => (n === null ? "none" : String(n));
  return c === null || typeof c === "number" ? one(c) : Object.entries(c).map(([id, n]) => `${id}: ${one(n)}`).join(", ");
}
