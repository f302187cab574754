/** The analytic block of a result, read defensively: any figure may be missing or unbounded. */
export interface AnalyticView {
  model: string;
  exact: boolean;
  unstable: boolean;
  note?: string;
  /** A figure: a finite number, Infinity (unbounded), or undefined (the model does not give it). */
  figure(path: string): number | undefined;
}

/** Reads a result's `analytic` record; null stays null ("no analytic model"). */
export function readAnalytic(analytic: Record<string, unknown> | null | undefined): AnalyticView | null {
  if (!analytic || typeof analytic !== "object") return null;
  const model = typeof analytic.model === "string" ? analytic.model : "analytic model";
  const figure = (path: string) => {
    let value: unknown = analytic;
    for (const key of path.split(".")) value = value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
    // JSON writes Infinity as null: in a figure that the model gives, null means unbounded.
    if (value === null && analytic.unstable === true) return Infinity;
    return typeof value === "number" && !Number.isNaN(value) ? value : undefined;
  };
  return {
    model,
    exact: analytic.exact === true,
    unstable: analytic.unstable === true,
    ...(typeof analytic.note === "string" ? { note: analytic.note } : {}),
    figure,
  };
}

/** The M/M/c wait distribution P(Wq <= t) = 1 - C e^{-(c mu - lambda) t} (Gross & Harris, eq. 2.36), when the model is exactly M/M/c. */
export function mmcWaitCdf(view: AnalyticView | null): ((t: number) => number) | null {
  if (!view || !view.exact || view.unstable || !/^M\/M\/\d+$/.test(view.model)) return null;
  const pWait = view.figure("pWait");
  const Wq = view.figure("Wq");
  if (pWait === undefined || Wq === undefined || !(pWait > 0) || !(Wq > 0) || !Number.isFinite(Wq)) return null;
  // For M/M/c, Wq = C / (c mu - lambda), so the decay rate is C / Wq.
  const rate = pWait / Wq;
  return (t) => (t < 0 ? 0 : 1 - pWait * Math.exp(-rate * t));
}
