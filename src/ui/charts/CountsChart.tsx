import { memo } from "react";
import { scaleBand, scaleLinear } from "d3";
import type { SimulatedCounts } from "../../simulation/index.ts";
import { formatCount } from "../model/formatCount.ts";
import { ChartFrame } from "./ChartFrame.tsx";
import { palette } from "./palette.ts";

const rows: { key: keyof SimulatedCounts; label: string; color: string }[] = [
  { key: "published", label: "published", color: palette.analytic },
  { key: "acked", label: "acked", color: palette.ok },
  { key: "redelivered", label: "redelivered", color: palette.sojourn },
  { key: "expired", label: "expired", color: palette.p99 },
  { key: "deadLettered", label: "dead-lettered", color: palette.current },
  { key: "dropped", label: "dropped", color: "#7f1d1d" },
  { key: "inFlight", label: "in flight at end", color: palette.warmup },
];

/** What happened to the messages: totals over all replications, warm-up included. */
export const CountsChart = memo(function CountsChart({ counts }: { counts: SimulatedCounts }) {
  const value = (key: keyof SimulatedCounts) => {
    const v = counts[key];
    return typeof v === "number" && Number.isFinite(v) ? v : 0;
  };
  const margin = { top: 6, right: 70, bottom: 30, left: 104 };
  return (
    <ChartFrame
      title="Message counts"
      description="Messages published, acked, redelivered, expired, dead-lettered, dropped and in flight, summed over replications."
      legend={[]}
      height={margin.top + margin.bottom + rows.length * 22}
      margin={margin}
      xLabel="messages (all replications, warm-up included)"
      yLabel=""
      testId="chart-counts"
    >
      {({ width, height }) => {
        const x = scaleLinear().domain([0, Math.max(1, ...rows.map((r) => value(r.key)))]).range([0, width]);
        const y = scaleBand<string>().domain(rows.map((r) => r.label)).range([0, height]).padding(0.2);
        return rows.map((r) => {
          const v = value(r.key);
          const top = y(r.label) ?? 0;
          return (
            <g key={r.key} data-count={r.key}>
              <text x={-8} y={top + y.bandwidth() / 2} dy="0.35em" textAnchor="end" className="bar-label">
                {r.label}
              </text>
              <rect x={0} y={top} width={Math.max(v > 0 ? 1 : 0, x(v))} height={y.bandwidth()} fill={r.color} opacity={0.85} />
              <text x={x(v) + 4} y={top + y.bandwidth() / 2} dy="0.35em" className="bar-value">
                {formatCount(v)}
              </text>
            </g>
          );
        });
      }}
    </ChartFrame>
  );
});
