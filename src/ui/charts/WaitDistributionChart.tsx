import { memo } from "react";
import { line, scaleLinear } from "d3";
import { formatNumber } from "../../report/format.ts";
import type { HistogramBin, Percentiles } from "../../simulation/index.ts";
import { mmcWaitCdf, type AnalyticView } from "../model/analyticView.ts";
import { histogramCdf, sampleCdf, type CdfPoint } from "../model/cdf.ts";
import { timeUnit } from "../model/timeUnit.ts";
import { Axis } from "./Axis.tsx";
import { ChartFrame } from "./ChartFrame.tsx";
import type { LegendItem } from "./Legend.tsx";
import { palette } from "./palette.ts";

interface Props {
  wait: HistogramBin[];
  sojourn: HistogramBin[];
  waitPercentiles: Percentiles;
  sojournPercentiles: Percentiles;
  analytic: AnalyticView | null;
  /** The backlog grows: the distribution describes this run only. */
  unstable: boolean;
}

const percentileKeys = [["p50", 0.5], ["p90", 0.9], ["p95", 0.95], ["p99", 0.99]] as const;

/** Distribution functions of the wait and of the time in system, with the analytic wait where the model gives it. */
export const WaitDistributionChart = memo(function WaitDistributionChart({ wait, sojourn, waitPercentiles, sojournPercentiles, analytic, unstable }: Props) {
  const maxT = Math.max(sojournPercentiles.p999, waitPercentiles.p999) * 1.05;
  const unit = timeUnit(maxT);
  const waitCdf = histogramCdf(wait);
  const sojournCdf = histogramCdf(sojourn);
  const exact = mmcWaitCdf(analytic);
  const exactCdf = exact ? sampleCdf(exact, maxT) : [];
  const marks = percentileKeys.flatMap(([key, p]) => {
    const t = analytic?.figure(`wait.${key}`);
    return t !== undefined && Number.isFinite(t) && t <= maxT ? [{ key, p, t }] : [];
  });
  const legend: LegendItem[] = [
    { label: "wait (simulated)", color: palette.simulated, mark: "line" },
    { label: "time in system (simulated)", color: palette.sojourn, mark: "line" },
    ...(exact ? [{ label: `wait, ${analytic!.model} exact`, color: palette.analytic, mark: "dashed" as const }] : []),
    ...(marks.length > 0 ? [{ label: `wait percentiles, ${analytic!.model} (${analytic!.exact ? "exact" : "approx."})`, color: palette.analytic, mark: "dot" as const }] : []),
  ];
  return (
    <ChartFrame
      title={unstable ? "Wait and time in system (this run only: growing)" : "Wait and time in system (distribution)"}
      description={`Cumulative distribution up to ${formatNumber(maxT)} s: the fraction of messages served within each time.`}
      legend={legend}
      xLabel={`time (${unit.unit})`}
      yLabel="fraction of messages ≤ time"
      testId="chart-wait"
    >
      {({ width, height }) => {
        const x = scaleLinear().domain([0, maxT * unit.factor || 1]).range([0, width]).clamp(true);
        const y = scaleLinear().domain([0, 1]).range([height, 0]);
        const path = line<CdfPoint>()
          .x((p) => x(p.t * unit.factor))
          .y((p) => y(p.p));
        return (
          <>
            <Axis orient="left" scale={y} gridLength={width} format={(v) => `${formatNumber(v * 100)}%`} />
            <Axis orient="bottom" scale={x} y={height} />
            <path d={path(sojournCdf) ?? ""} fill="none" stroke={palette.sojourn} strokeWidth={2} />
            <path d={path(waitCdf) ?? ""} fill="none" stroke={palette.simulated} strokeWidth={2} />
            {exactCdf.length > 0 && <path d={path(exactCdf) ?? ""} fill="none" stroke={palette.analytic} strokeWidth={1.5} strokeDasharray="6 4" />}
            {marks.map((m) => (
              <circle key={m.key} cx={x(m.t * unit.factor)} cy={y(m.p)} r={3.5} fill={palette.analytic}>
                <title>{`analytic ${m.key} wait: ${formatNumber(m.t * unit.factor)} ${unit.unit}`}</title>
              </circle>
            ))}
          </>
        );
      }}
    </ChartFrame>
  );
});
