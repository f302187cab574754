/** A unit for a time axis: seconds below 1 s are drawn in ms, so ticks read 0, 50, 100 ms. */
export function timeUnit(maxSeconds: number): { factor: number; unit: string } {
  if (maxSeconds > 0 && maxSeconds < 1e-3) return { factor: 1e6, unit: "µs" };
  if (maxSeconds < 1) return { factor: 1e3, unit: "ms" };
  if (maxSeconds < 600) return { factor: 1, unit: "s" };
  return { factor: 1 / 60, unit: "min" };
}
