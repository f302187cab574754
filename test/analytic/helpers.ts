import { expect } from "vitest";
import type { AnalyticResult } from "../../src/analytic/index.ts";

/** |actual - expected| <= tol * max(|expected|, floor): a relative tolerance with an absolute floor. */
export function expectClose(actual: number | undefined, expected: number, tol: number, floor = 1e-300): void {
  expect(actual).toBeTypeOf("number");
  const a = actual as number;
  if (expected === Infinity || expected === -Infinity) {
    expect(a).toBe(expected);
    return;
  }
  const err = Math.abs(a - expected);
  const bound = tol * Math.max(Math.abs(expected), floor);
  if (!(err <= bound)) expect.fail(`expected ${a} to be within ${tol} (relative) of ${expected}; off by ${err}`);
}

/** Every number in a result (recursively): none may be NaN. */
export function numbersIn(value: unknown): number[] {
  if (typeof value === "number") return [value];
  if (value && typeof value === "object") return Object.values(value).flatMap(numbersIn);
  return [];
}

/** The mean figures that must follow Little's law, L = throughput W and Lq = throughput Wq. */
export function expectLittle(r: AnalyticResult, tol = 1e-9): void {
  expectClose(r.L, (r.throughput as number) * (r.W as number), tol, 1e-12);
  expectClose(r.Lq, (r.throughput as number) * (r.Wq as number), tol, 1e-12);
}
