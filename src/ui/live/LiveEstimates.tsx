import type { LiveEstimate, LiveFigure } from "../../live/index.ts";
import { formatNumber } from "../../report/format.ts";
import { finiteOrNull } from "./liveHistory.ts";
import type { LivePrediction } from "./livePrediction.ts";

type Key = "lambda" | "throughput" | "consumers" | "prefetch" | "mu" | "rho" | "Lq" | "L" | "Wq" | "W" | "backlogGrowth" | "oldestAgeS" | "consumerUtilisation";

const rows: { key: Key; label: string; unit: string; predicted?: keyof LivePrediction }[] = [
  { key: "lambda", label: "arrival rate λ", unit: "msg/s", predicted: "lambda" },
  { key: "throughput", label: "ack rate", unit: "msg/s", predicted: "throughput" },
  { key: "consumers", label: "consumers c", unit: "" },
  { key: "prefetch", label: "prefetch", unit: "" },
  { key: "mu", label: "service rate μ per consumer", unit: "msg/s" },
  { key: "rho", label: "utilisation ρ", unit: "", predicted: "rho" },
  { key: "Lq", label: "mean ready Lq", unit: "msg", predicted: "Lq" },
  { key: "L", label: "mean ready + unacked L", unit: "msg" },
  { key: "Wq", label: "mean wait Wq", unit: "ms", predicted: "Wq" },
  { key: "W", label: "mean time in broker W", unit: "ms", predicted: "W" },
  { key: "backlogGrowth", label: "backlog growth", unit: "msg/s" },
  { key: "oldestAgeS", label: "oldest message age", unit: "ms" },
  { key: "consumerUtilisation", label: "consumer utilisation", unit: "", predicted: "consumerCapacity" },
];

const scale = (unit: string) => (unit === "ms" ? 1000 : 1);

/** `12.3 ± 0.4 msg/s`, or "–" (with the reason as a tooltip) when unknown: never NaN. */
function observedText(f: LiveFigure, unit: string): string {
  const v = finiteOrNull(f.value);
  if (v === null) return "–";
  const ci = finiteOrNull(f.ci95);
  const k = scale(unit);
  return `${formatNumber(v * k, 3)}${ci !== null && ci > 0 ? ` ± ${formatNumber(ci * k, 2)}` : ""}${unit ? ` ${unit}` : ""}`;
}

function predictedText(p: LivePrediction | null, key: keyof LivePrediction | undefined, unit: string): string {
  if (!p || !key) return "";
  const v = p[key];
  if (typeof v !== "number" || !Number.isFinite(v)) return p.unstable && (key === "Lq" || key === "Wq" || key === "W") ? "unbounded" : "–";
  return `${formatNumber(v * scale(unit), 3)}${unit ? ` ${unit}` : ""}`;
}

/** The current estimates with their 95% intervals and windows, beside the model's figures. */
export function LiveEstimates({ estimate: e, prediction }: { estimate: LiveEstimate; prediction: LivePrediction | null }) {
  return (
    <table className="figures live-figures" data-testid="live-estimates">
      <thead>
        <tr>
          <th scope="col">figure</th>
          <th scope="col">observed (95% CI)</th>
          <th scope="col">model</th>
          <th scope="col">window</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ key, label, unit, predicted }) => {
          const f = e[key];
          return (
            <tr key={key} data-live-figure={key}>
              <th scope="row">{label}</th>
              <td className="observed" title={f.reason ?? f.method ?? ""}>{observedText(f, unit)}</td>
              <td className="predicted">{predictedText(prediction, predicted, unit)}</td>
              <td className="window">{f.windowS > 0 ? `${formatNumber(f.windowS, 3)} s, n = ${f.n}` : ""}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
