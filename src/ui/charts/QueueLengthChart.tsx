import { memo } from "react";
import { area, curveStepAfter, line, max, scaleLinear } from "d3";
import { formatNumber } from "../../report/format.ts";
import type { RunDetail } from "../../simulation/index.ts";
import { timeUnit } from "../model/timeUnit.ts";
import { Axis } from "./Axis.tsx";
import { ChartFrame } from "./ChartFrame.tsx";
import type { LegendItem } from "./Legend.tsx";
import { palette } from "./palette.ts";

interface Props {
  queueId: string;
  path: RunDetail["path"];
  /** Analytic mean number in the queue (ready + unacked), when the model gives a finite one. */
  analyticL: number | undefined;
  unstable: boolean;
  /** When unstable: how fast the backlog grows by the offered load (msg/s), drawn as a reference line. */
  growthPerS?: number;
}

/** Messages in the queue over simulated time (first replication), with the analytic mean L. */
export const QueueLengthChart = memo(function QueueLengthChart({ queueId, path, analyticL, unstable, growthPerS }: Props) {
  const lengths = path.lengths[queueId] ?? [];
  const points = path.times.map((t, i) => [t, lengths[i] ?? 0] as const).filter(([t, n]) => Number.isFinite(t) && Number.isFinite(n));
  const maxT = max(points, (p) => p[0]) ?? 0;
  const unit = timeUnit(maxT);
  const showL = analyticL !== undefined && Number.isFinite(analyticL);
  const showGrowth = unstable && growthPerS !== undefined && Number.isFinite(growthPerS) && growthPerS > 0;
  const maxN = Math.max(max(points, (p) => p[1]) ?? 0, showL ? analyticL : 0, showGrowth ? growthPerS * maxT : 0, 1);
  const legend: LegendItem[] = [
    { label: "simulated (first replication)", color: palette.simulated, mark: "line" },
    ...(showL ? [{ label: `analytic mean L = ${formatNumber(analyticL)}`, color: palette.analytic, mark: "dashed" as const }] : []),
    ...(showGrowth ? [{ label: `expected growth ${formatNumber(growthPerS)} msg/s`, color: palette.current, mark: "dashed" as const }] : []),
    ...(path.warmupEnd > 0 ? [{ label: "warm-up (discarded)", color: palette.warmup, mark: "area" as const }] : []),
  ];
  return (
    <ChartFrame
      title={unstable ? "Backlog over time (growing)" : "Queue length over time"}
      description={`Messages ready or unacked in ${queueId} over ${formatNumber(maxT)} simulated seconds.`}
      legend={legend}
      xLabel={`simulated time (${unit.unit})`}
      yLabel="messages in queue"
      testId="chart-queue-length"
    >
      {({ width, height }) => {
        const x = scaleLinear().domain([0, maxT * unit.factor || 1]).range([0, width]);
        const y = scaleLinear().domain([0, maxN * 1.08]).nice().range([height, 0]);
        const d = line<readonly [number, number]>()
          .x((p) => x(p[0] * unit.factor))
          .y((p) => y(p[1]))
          .curve(curveStepAfter)(points);
        const fill = area<readonly [number, number]>()
          .x((p) => x(p[0] * unit.factor))
          .y0(height)
          .y1((p) => y(p[1]))
          .curve(curveStepAfter)(points);
        return (
          <>
            <Axis orient="left" scale={y} gridLength={width} />
            <Axis orient="bottom" scale={x} y={height} />
            {path.warmupEnd > 0 && <rect x={0} y={0} width={Math.min(width, x(path.warmupEnd * unit.factor))} height={height} fill={palette.warmup} opacity={0.18} />}
            {fill && <path d={fill} fill={palette.simulated} opacity={0.18} />}
            {d && <path d={d} fill="none" stroke={palette.simulated} strokeWidth={1} />}
            {showGrowth && <line x1={0} y1={y(0)} x2={x(maxT * unit.factor)} y2={y(growthPerS * maxT)} stroke={palette.current} strokeWidth={1.5} strokeDasharray="6 4" />}
            {showL && <line x1={0} x2={width} y1={y(analyticL)} y2={y(analyticL)} stroke={palette.analytic} strokeWidth={1.5} strokeDasharray="6 4" />}
            {points.length === 0 && <text x={width / 2} y={height / 2} textAnchor="middle" className="empty">no path recorded</text>}
          </>
        );
      }}
    </ChartFrame>
  );
});
