import { memo } from "react";
import { scaleBand, scaleLinear } from "d3";
import type { SimulatedCounts } from "../../simulation/index.ts";
import { formatCount } from "../model/formatCount.ts";
import { ChartFrame } from "./ChartFrame.tsx";
import { palette } from "./palette.ts";

type Row = { key: string; label: string; color: string; value: (c: SimulatedCounts) => number };

const rows: Row[] = [
  { key: "published", label: "published", color: palette.analytic, value: (c) => c.published },
  { key: "delivered", label: "delivered", color: palette.analytic, value: (c) => c.delivered },
  { key: "acked", label: "acked", color: palette.ok, value: (c) => c.acked },
  { key: "nacked", label: "nacked", color: palette.sojourn, value: (c) => c.nacked },
  { key: "redelivered", label: "redelivered", color: palette.sojourn, value: (c) => c.redelivered },
  { key: "expired", label: "expired", color: palette.p99, value: (c) => c.expired },
  { key: "deadLettered", label: "dead-lettered", color: palette.current, value: (c) => c.deadLettered },
  { key: "maxlen", label: "· maxlen", color: palette.current, value: (c) => c.deadLetteredByReason.maxlen },
  { key: "rejected", label: "· rejected", color: palette.current, value: (c) => c.deadLetteredByReason.rejected },
  { key: "delivery_limit", label: "· delivery limit", color: palette.current, value: (c) => c.deadLetteredByReason.delivery_limit },
  { key: "dropped", label: "dropped", color: "#7f1d1d", value: (c) => c.dropped },
  { key: "inFlight", label: "in flight at end", color: palette.warmup, value: (c) => c.inFlight },
];

/** Dead-letter reasons (RabbitMQ's x-death names) get a row only when some message had that reason. */
const reasonKeys = new Set(["maxlen", "rejected", "delivery_limit"]);

/** What happened to the messages: totals over all replications, warm-up included. */
export const CountsChart = memo(function CountsChart({ counts }: { counts: SimulatedCounts }) {
  const value = (r: Row) => {
    const v = r.value(counts);
    return typeof v === "number" && Number.isFinite(v) ? v : 0;
  };
  const shown = rows.filter((r) => !reasonKeys.has(r.key) || value(r) > 0);
  const margin = { top: 6, right: 70, bottom: 30, left: 104 };
  return (
    <ChartFrame
      title="Message counts"
      description="Messages published, delivered, acked, nacked, redelivered, expired, dead-lettered (by reason), dropped and in flight, summed over replications."
      legend={[]}
      height={margin.top + margin.bottom + shown.length * 22}
      margin={margin}
      xLabel="messages (all replications, warm-up included)"
      yLabel=""
      testId="chart-counts"
    >
      {({ width, height }) => {
        const x = scaleLinear().domain([0, Math.max(1, ...shown.map(value))]).range([0, width]);
        const y = scaleBand<string>().domain(shown.map((r) => r.label)).range([0, height]).padding(0.2);
        return shown.map((r) => {
          const v = value(r);
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
