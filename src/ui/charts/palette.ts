/** Series colours shared by the charts (colour-blind safe: Okabe & Ito, 2008). */
export const palette = {
  simulated: "#0072B2",
  sojourn: "#E69F00",
  analytic: "#222222",
  p99: "#CC79A7",
  warmup: "#999999",
  current: "#D55E00",
  ok: "#009E73",
} as const;
