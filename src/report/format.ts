/**
 * Number formatting shared by the command line, the page and the reports. Never prints NaN or
 * Infinity as if they were figures: they come out as words.
 */

/** Significant-digit formatting with at most `digits` significant digits, no exponent below 1e9. */
export function formatNumber(x: number, digits = 4): string {
  if (Number.isNaN(x)) return "n/a";
  if (x === Infinity) return "unbounded";
  if (x === -Infinity) return "-unbounded";
  if (x === 0) return "0";
  const abs = Math.abs(x);
  if (abs >= 1e9 || abs < 1e-6) return x.toExponential(digits - 1);
  const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(abs)));
  return x.toFixed(Math.min(decimals, 9)).replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");
}

/** A duration in seconds with a readable unit: µs, ms, s, min, h. */
export function formatSeconds(s: number, digits = 3): string {
  if (!Number.isFinite(s)) return formatNumber(s);
  const abs = Math.abs(s);
  if (abs === 0) return "0 s";
  if (abs < 1e-9) return "< 1 ns";
  if (abs < 1e-3) return `${formatNumber(s * 1e6, digits)} µs`;
  if (abs < 1) return `${formatNumber(s * 1e3, digits)} ms`;
  if (abs < 120) return `${formatNumber(s, digits)} s`;
  if (abs < 7200) return `${formatNumber(s / 60, digits)} min`;
  return `${formatNumber(s / 3600, digits)} h`;
}

/** A fraction as a percentage. */
export function formatPercent(p: number, digits = 3): string {
  if (!Number.isFinite(p)) return formatNumber(p);
  // A probability of 1e-124 is zero for anyone reading it, but it is not exactly zero.
  if (p > 0 && p < 1e-6) return "< 0.0001%";
  return `${formatNumber(p * 100, digits)}%`;
}

/** The unit a time estimate and its half-width share, chosen from the mean. */
function secondsScale(s: number): [number, string] {
  const abs = Math.abs(s);
  if (abs < 1e-3 && abs > 0) return [1e6, "µs"];
  if (abs < 1) return [1e3, "ms"];
  return [1, "s"];
}

/** `mean ± half-width unit`, with the half-width in the mean's unit. */
export function formatEstimate(mean: number, ci95: number, kind: "seconds" | "percent" | "rate" | "plain"): string {
  if (!Number.isFinite(mean)) return formatNumber(mean);
  const pm = (a: string, b: string, unit: string) => (ci95 > 0 ? `${a} ± ${b}${unit}` : `${a}${unit}`);
  switch (kind) {
    case "seconds": {
      const [k, unit] = secondsScale(mean);
      return pm(formatNumber(mean * k), formatNumber(ci95 * k, 2), ` ${unit}`);
    }
    case "percent":
      return pm(formatNumber(mean * 100), formatNumber(ci95 * 100, 2), "%");
    case "rate":
      return pm(formatNumber(mean), formatNumber(ci95, 2), "/s");
    default:
      return pm(formatNumber(mean), formatNumber(ci95, 2), "");
  }
}
