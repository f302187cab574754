import { memo } from "react";
import { line, max, scaleLinear } from "d3";
import { formatNumber } from "../../report/format.ts";
import type { CurvePoint } from "../../worker/protocol.ts";
import type { SweepState } from "../sim/sweepStore.ts";
import { timeUnit } from "../model/timeUnit.ts";
import { Axis } from "./Axis.tsx";
import { ChartFrame } from "./ChartFrame.tsx";
import type { LegendItem } from "./Legend.tsx";
import { palette } from "./palette.ts";

/** Where the y axis stops: above every simulated point, and the analytic curve up to rho 0.9. */
function yTop(sweep: SweepState): number {
  const simTop = max(sweep.points, (p) => Math.max(p.meanWaitS + p.meanWaitCi95, p.p99WaitS)) ?? 0;
  const curveTop = max(sweep.curve.filter((c) => c.rho <= 0.9), (c) => Math.max(c.meanWaitS ?? 0, c.p99WaitS ?? 0)) ?? 0;
  return Math.max(simTop, curveTop) * 1.1 || 1;
}

/** Mean and p99 wait against offered load: the analytic curve, short simulations with intervals, the current setting marked. */
export const HockeyStickChart = memo(function HockeyStickChart({ sweep, queueId }: { sweep: SweepState; queueId: string }) {
  const top = yTop(sweep);
  const unit = timeUnit(top);
  const hasMean = sweep.curve.some((c) => c.meanWaitS !== undefined);
  const hasP99 = sweep.curve.some((c) => c.p99WaitS !== undefined);
  const legend: LegendItem[] = [
    ...(hasMean ? [{ label: "mean wait, analytic", color: palette.analytic, mark: "line" as const }] : []),
    ...(hasP99 ? [{ label: "p99 wait, analytic", color: palette.p99, mark: "dashed" as const }] : []),
    { label: "mean wait, simulated (95% CI)", color: palette.simulated, mark: "interval" },
    { label: "p99 wait, simulated", color: palette.p99, mark: "ring" },
    { label: "current setting", color: palette.current, mark: "line" },
  ];
  const rho = sweep.currentRho;
  return (
    <ChartFrame
      title="Wait against load (hockey stick)"
      description={`Mean and 99th-percentile wait of ${queueId} as the offered load per consumer goes from 0.05 to 0.98; the current load is ${formatNumber(rho)}.`}
      legend={legend}
      xLabel="offered load per consumer ρ"
      yLabel={`wait (${unit.unit})`}
      testId="chart-hockey"
    >
      {({ width, height }) => {
        const x = scaleLinear().domain([0, 1]).range([0, width]);
        const y = scaleLinear().domain([0, top * unit.factor]).nice().range([height, 0]);
        const curve = (key: "meanWaitS" | "p99WaitS") =>
          line<CurvePoint>()
            .defined((c) => c[key] !== undefined)
            .x((c) => x(c.rho))
            .y((c) => y(c[key]! * unit.factor))(sweep.curve) ?? "";
        const markerX = x(Math.min(rho, 1));
        return (
          <>
            <defs>
              <clipPath id="hockey-clip">
                <rect x={0} y={0} width={width} height={height} />
              </clipPath>
            </defs>
            <Axis orient="left" scale={y} gridLength={width} />
            <Axis orient="bottom" scale={x} y={height} />
            <g clipPath="url(#hockey-clip)">
              {hasMean && <path d={curve("meanWaitS")} fill="none" stroke={palette.analytic} strokeWidth={2} />}
              {hasP99 && <path d={curve("p99WaitS")} fill="none" stroke={palette.p99} strokeWidth={1.5} strokeDasharray="6 4" />}
              {sweep.points.map((p) => (
                <g key={p.rho}>
                  <path d={`M${x(p.rho)},${y((p.meanWaitS - p.meanWaitCi95) * unit.factor)}V${y((p.meanWaitS + p.meanWaitCi95) * unit.factor)}`} stroke={palette.simulated} strokeWidth={1.5} />
                  <circle cx={x(p.rho)} cy={y(p.meanWaitS * unit.factor)} r={3.5} fill={palette.simulated} />
                  <circle cx={x(p.rho)} cy={y(p.p99WaitS * unit.factor)} r={3.5} fill="white" stroke={palette.p99} strokeWidth={2} />
                </g>
              ))}
            </g>
            {rho > 0 && (
              <g>
                <line x1={markerX} x2={markerX} y1={0} y2={height} stroke={palette.current} strokeWidth={1.5} />
                <text x={markerX + (markerX > width - 80 ? -4 : 4)} y={12} textAnchor={markerX > width - 80 ? "end" : "start"} className="marker-label" fill={palette.current}>
                  {rho >= 1 ? `ρ = ${formatNumber(rho)} (unstable)` : `now: ρ = ${formatNumber(rho)}`}
                </text>
              </g>
            )}
            {sweep.curve.length > 0 && !hasMean && (
              <text x={width / 2} y={height / 2} textAnchor="middle" className="empty">
                no analytic model: simulated points only
              </text>
            )}
            {sweep.curve.length === 0 && sweep.running && (
              <text x={width / 2} y={height / 2} textAnchor="middle" className="empty">
                computing the load curve…
              </text>
            )}
            {sweep.error && (
              <text x={width / 2} y={height / 2 + 16} textAnchor="middle" className="empty">
                the load curve failed: {sweep.error.slice(0, 80)}
              </text>
            )}
            {rho === 0 && !sweep.running && (
              <text x={width / 2} y={height / 2} textAnchor="middle" className="empty">
                this queue has no offered load to scale
              </text>
            )}
          </>
        );
      }}
    </ChartFrame>
  );
});
