/**
 * Linear scales and round tick values for the report's charts (the pure core draws without d3;
 * the tick rule is d3-array's: steps of 1, 2 or 5 times a power of ten).
 */

/** A linear map from a data domain to pixels, with round ticks. */
export interface LinearScale {
  (value: number): number;
  domain: readonly [number, number];
  range: readonly [number, number];
  ticks(count?: number): number[];
}

/** A round step near `span / count`: 1, 2 or 5 times a power of ten. */
export function tickStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const error = raw / power;
  // Thresholds at the geometric means of 1, 2, 5, 10 (d3-array ticks.js).
  return (error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1) * power;
}

const clean = (x: number) => Number(x.toPrecision(12));

/** The domain widened to round numbers, so the axis ends on a tick. */
export function niceDomain(lo: number, hi: number, count = 5): [number, number] {
  if (!(hi > lo)) return [lo, lo + 1];
  const step = tickStep(hi - lo, count);
  return [clean(Math.floor(lo / step) * step), clean(Math.ceil(hi / step) * step)];
}

/** A linear scale from `domain` to `range` (pixels). A degenerate domain maps to the range's start. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = d1 !== d0 ? (r1 - r0) / (d1 - d0) : 0;
  const scale = ((v: number) => r0 + (v - d0) * k) as LinearScale;
  scale.domain = domain;
  scale.range = range;
  scale.ticks = (count = 5) => {
    const lo = Math.min(d0, d1);
    const hi = Math.max(d0, d1);
    if (!(hi > lo)) return [lo];
    const step = tickStep(hi - lo, count);
    const out: number[] = [];
    for (let i = Math.ceil(lo / step - 1e-9); i * step <= hi * (1 + 1e-12) + 1e-12; i++) out.push(clean(i * step));
    return out;
  };
  return scale;
}

/** A pixel coordinate with at most one decimal, for compact SVG. */
export function px(x: number): string {
  return String(Math.round(x * 10) / 10);
}

/** The unit in which to show times up to `maxS` seconds: factor to multiply by, and its name. */
export function timeUnit(maxS: number): { factor: number; unit: string } {
  if (maxS > 0 && maxS < 2e-3) return { factor: 1e6, unit: "µs" };
  if (maxS < 2) return { factor: 1e3, unit: "ms" };
  if (maxS < 300) return { factor: 1, unit: "s" };
  if (maxS < 18_000) return { factor: 1 / 60, unit: "min" };
  return { factor: 1 / 3600, unit: "h" };
}

/** An SVG path through points, split where a point is missing (undefined or not finite). */
export function linePath(points: readonly (readonly [number, number] | undefined)[]): string {
  let d = "";
  let pen = false;
  for (const p of points) {
    if (!p || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
      pen = false;
      continue;
    }
    d += `${pen ? "L" : "M"}${px(p[0])},${px(p[1])}`;
    pen = true;
  }
  return d;
}
