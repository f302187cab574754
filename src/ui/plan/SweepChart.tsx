import { area, extent, line, max, min, scaleLinear, scaleLog } from "d3";
import { Axis } from "../charts/Axis.tsx";
import { ChartFrame } from "../charts/ChartFrame.tsx";
import type { LegendItem } from "../charts/Legend.tsx";
import { palette } from "../charts/palette.ts";
import { timeUnit } from "../model/timeUnit.ts";
import { formatSeconds } from "../../report/format.ts";
import type { SweepPoint } from "../../planner/index.ts";
import { sweepParams, type SweepInput } from "./sweepForm.ts";
import { sweepRows, type Band, type SweepRow } from "./sweepSeries.ts";

const legend: LegendItem[] = [
  { label: "mean wait (95% CI band)", color: palette.simulated, mark: "line" },
  { label: "p99 wait (95% CI band)", color: palette.p99, mark: "dashed" },
];
const unstableItem: LegendItem = { label: "unstable (backlog grows)", color: palette.current, mark: "dot" };

/** Mean and p99 wait of the swept queue against the parameter, each with its interval band. */
export function SweepChart({ input, points, log }: { input: SweepInput; points: SweepPoint[]; log: boolean }) {
  const rows = sweepRows(input, points);
  const spec = sweepParams[input.param];
  const top = max(rows, (r) => Math.max(r.meanWait?.high ?? 0, r.p99Wait?.high ?? 0)) || 1;
  const unit = timeUnit(top);
  const [x0, x1] = extent(rows, (r) => r.x) as [number, number];
  // A log axis starts at the smallest positive figure; zero waits (no one waited) sit on its floor.
  const floor = (min(rows.flatMap((r) => [r.meanWait?.mean, r.p99Wait?.mean, r.meanWait?.low]).filter((v): v is number => v !== undefined && v > 0)) ?? top / 1000) / 2;
  return (
    <ChartFrame
      title={`Wait against ${spec.label.toLowerCase()}`}
      description={`Mean and 99th-percentile wait of ${input.queueId} at ${rows.length} values of ${spec.label.toLowerCase()}, from short simulations with 95% intervals.`}
      legend={rows.some((r) => r.unstable) ? [...legend, unstableItem] : legend}
      xLabel={`${spec.label.toLowerCase()}${spec.unit ? ` (${spec.unit})` : ""}`}
      yLabel={log ? "wait (log scale)" : `wait (${unit.unit})`}
      testId="chart-sweep"
    >
      {({ width, height }) => {
        const x = scaleLinear().domain(x0 === x1 ? [x0 - 1, x1 + 1] : [x0, x1]).range([0, width]);
        const y = log ? scaleLog().domain([floor * unit.factor, top * unit.factor]).nice().clamp(true).range([height, 0]) : scaleLinear().domain([0, top * unit.factor]).nice().range([height, 0]);
        const series = (pick: (r: SweepRow) => Band | null) => {
          // On a log axis a zero wait has no place: the line breaks there (the table shows it).
          const defined = (r: SweepRow) => pick(r) !== null && (!log || pick(r)!.mean > 0);
          const bandPath = area<SweepRow>().defined(defined).x((r) => x(r.x)).y0((r) => y(pick(r)!.low * unit.factor)).y1((r) => y(pick(r)!.high * unit.factor))(rows) ?? "";
          const linePath = line<SweepRow>().defined(defined).x((r) => x(r.x)).y((r) => y(pick(r)!.mean * unit.factor))(rows) ?? "";
          return { bandPath, linePath };
        };
        const logTick = (v: number) => formatSeconds(v / unit.factor, 2);
        const mean = series((r) => r.meanWait);
        const p99 = series((r) => r.p99Wait);
        return (
          <>
            <Axis orient="left" scale={y} gridLength={width} ticks={log ? 4 : 5} format={log ? logTick : undefined} />
            <Axis orient="bottom" scale={x} y={height} />
            <path d={p99.bandPath} fill={palette.p99} opacity={0.2} />
            <path d={mean.bandPath} fill={palette.simulated} opacity={0.2} />
            <path d={p99.linePath} fill="none" stroke={palette.p99} strokeWidth={2} strokeDasharray="6 4" data-series="p99" />
            <path d={mean.linePath} fill="none" stroke={palette.simulated} strokeWidth={2} data-series="mean" />
            {rows.map((r) => (
              <g key={r.x}>
                {r.meanWait && (!log || r.meanWait.mean > 0) && <circle cx={x(r.x)} cy={y(r.meanWait.mean * unit.factor)} r={3} fill={palette.simulated} />}
                {r.p99Wait && (!log || r.p99Wait.mean > 0) && <circle cx={x(r.x)} cy={y(r.p99Wait.mean * unit.factor)} r={3} fill="white" stroke={palette.p99} strokeWidth={1.5} />}
                {r.unstable && <circle cx={x(r.x)} cy={6} r={4} fill={palette.current} />}
              </g>
            ))}
          </>
        );
      }}
    </ChartFrame>
  );
}
