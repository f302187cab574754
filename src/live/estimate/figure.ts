/**
 * One observed figure with its uncertainty: what every entry of `live --json`'s `observed`
 * block is. `value` is null when the figure cannot be estimated, and `reason` says why.
 */
export interface LiveFigure {
  /** The estimate, in the figure's unit (msg/s, messages, seconds), or null. */
  value: number | null;
  /** Standard error, or null when it cannot be estimated. */
  se: number | null;
  /** Half-width of a 95% confidence interval, or null when unknown. */
  ci95: number | null;
  /** Seconds of observation the figure rests on. */
  windowS: number;
  /** Observations behind it: messages counted for a rate, distinct readings for a mean. */
  n: number;
  /** How it was computed, one short phrase. */
  method?: string;
  /** Why `value` (or `se`) is null, or a caveat. */
  reason?: string;
}

const z95 = 1.959963984540054;

/** A figure with a normal-approximation 95% interval (1.96 se); `se` null leaves both unknown. */
export function figure(value: number, se: number | null, windowS: number, n: number, method?: string): LiveFigure {
  const ok = se !== null && Number.isFinite(se) && se >= 0;
  const f: LiveFigure = { value, se: ok ? se : null, ci95: ok ? z95 * se : null, windowS, n };
  if (method !== undefined) f.method = method;
  return f;
}

/** A figure that cannot be estimated, with the reason. */
export function unavailable(reason: string, windowS = 0, n = 0): LiveFigure {
  return { value: null, se: null, ci95: null, windowS, n, reason };
}

/** A figure set by the user (no uncertainty of its own). */
export function given(value: number, what = "given"): LiveFigure {
  return { value, se: 0, ci95: 0, windowS: 0, n: 0, method: what };
}

/** Observations behind a combination: the fewer of the measured terms (a given constant has none). */
function nOf(a: LiveFigure, b: LiveFigure): number {
  return a.n > 0 && b.n > 0 ? Math.min(a.n, b.n) : Math.max(a.n, b.n);
}

/** `f`, saying why its uncertainty is unknown when a term's is. */
function explain(f: LiveFigure, a: LiveFigure, b: LiveFigure): LiveFigure {
  if (f.se !== null) return f;
  const why = (a.se === null ? a.reason : undefined) ?? (b.se === null ? b.reason : undefined) ?? "a term's uncertainty is unknown";
  return { ...f, reason: why.startsWith("uncertainty unknown") ? why : `uncertainty unknown: ${why}` };
}

function relSe(f: LiveFigure): number | null {
  if (f.value === null || f.se === null) return null;
  if (f.value === 0) return f.se === 0 ? 0 : null;
  return f.se / Math.abs(f.value);
}

/**
 * `a / b` with the delta-method standard error, `|a/b| sqrt((se_a/a)^2 + (se_b/b)^2)`, which
 * treats a and b as independent (Kendall & Stuart; any text on propagation of error).
 */
export function ratio(a: LiveFigure, b: LiveFigure, method: string): LiveFigure {
  if (a.value === null) return unavailable(a.reason ?? "numerator unknown", a.windowS, a.n);
  if (b.value === null) return unavailable(b.reason ?? "denominator unknown", b.windowS, b.n);
  if (!(b.value > 0)) return unavailable(`${method}: the denominator is ${b.value}`, Math.max(a.windowS, b.windowS), nOf(a, b));
  const v = a.value / b.value;
  const ra = relSe(a);
  const rb = relSe(b);
  const se = ra === null || rb === null ? null : Math.abs(v) * Math.hypot(ra, rb);
  return explain(figure(v, se, Math.max(a.windowS, b.windowS), nOf(a, b), method), a, b);
}

/** `a + b`; the standard error is `se_a + se_b`, an upper bound whatever their correlation. */
export function sum(a: LiveFigure, b: LiveFigure, method: string): LiveFigure {
  if (a.value === null) return unavailable(a.reason ?? "a term is unknown", a.windowS, a.n);
  if (b.value === null) return unavailable(b.reason ?? "a term is unknown", b.windowS, b.n);
  const se = a.se === null || b.se === null ? null : a.se + b.se;
  return explain(figure(a.value + b.value, se, Math.max(a.windowS, b.windowS), nOf(a, b), method), a, b);
}

/** `a - b` with `sqrt(se_a^2 + se_b^2)` (independent terms). */
export function difference(a: LiveFigure, b: LiveFigure, method: string): LiveFigure {
  if (a.value === null || b.value === null) return unavailable("a term is unknown", Math.max(a.windowS, b.windowS), 0);
  const se = a.se === null || b.se === null ? null : Math.hypot(a.se, b.se);
  return explain(figure(a.value - b.value, se, Math.max(a.windowS, b.windowS), nOf(a, b), method), a, b);
}
