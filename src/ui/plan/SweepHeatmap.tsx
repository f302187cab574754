import { interpolateViridis, range, scaleBand, scaleLinear, scaleLog, scaleSequential, scaleSequentialLog } from "d3";
import { useId } from "react";
import { ChartFrame, defaultMargin } from "../charts/ChartFrame.tsx";
import { timeUnit } from "../model/timeUnit.ts";
import { formatNumber, formatSeconds } from "../../report/format.ts";
import type { SweepPoint } from "../../planner/index.ts";
import type { SweepInput } from "./sweepForm.ts";
import { paramTitle, sweepGrid, type GridMetric } from "./sweepGrid.ts";

const unstableGrey = "#b9bec7";
const margin = { ...defaultMargin, right: 84 };
const metricName: Record<GridMetric, string> = { mean: "mean wait", p99: "p99 wait" };

/** A 2-D sweep as a heat map: parameter 1 across, parameter 2 up, colour the mean or p99 wait; unstable cells hatched grey. */
export function SweepHeatmap({ input, points, metric }: { input: SweepInput; points: SweepPoint[]; metric: GridMetric }) {
  const hatchId = `${useId().replace(/:/g, "")}-hatch`;
  const grid = sweepGrid(input, points, metric);
  const second = input.second;
  if (!second) return null;
  const [lo, hi] = grid.domain ?? [0, 1];
  const unit = timeUnit(hi);
  // Waits span decades near saturation: a log colour scale then, its floor a ten-thousandth of the top (zero waits sit on it).
  const log = lo >= 0 && hi > 0 && hi > 20 * Math.max(lo, hi / 1e4);
  const floor = Math.max(lo, hi / 1e4);
  const colour = log ? scaleSequentialLog(interpolateViridis).domain([floor, hi]).clamp(true) : scaleSequential(interpolateViridis).domain(hi > lo ? [lo, hi] : [lo - 1e-9, hi + 1e-9]);
  const legend = grid.cells.some((c) => c.unstable) ? [{ label: "unstable (hatched grey: the backlog grows)", color: unstableGrey, mark: "area" as const }] : [];
  const barTitle = `${metricName[metric]} (${unit.unit}${log ? ", log scale" : ""})`;
  return (
    <ChartFrame
      title={`${metricName[metric][0]!.toUpperCase()}${metricName[metric].slice(1)} over ${paramTitle(input.param)} and ${paramTitle(second.param)}`}
      description={`Heat map of the ${metricName[metric]} of ${input.queueId} at ${grid.cells.length} combinations of the two parameters, from short simulations. The table below gives every figure.`}
      legend={legend}
      height={300}
      margin={margin}
      xLabel={paramTitle(input.param)}
      yLabel={paramTitle(second.param)}
      testId="chart-sweep-heatmap"
    >
      {({ width, height }) => {
        const x = scaleBand<number>().domain(grid.xs).range([0, width]).padding(0.04);
        const y = scaleBand<number>().domain(grid.ys).range([height, 0]).padding(0.04);
        const bar = (log ? scaleLog() : scaleLinear()).domain(colour.domain() as [number, number]).range([height, 0]);
        const stops = range(0, 1.0001, 0.1);
        const gradientId = `${hatchId}-gradient`;
        return (
          <>
            <defs>
              <pattern id={hatchId} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width="6" height="6" fill={unstableGrey} />
                <line x1="0" y1="0" x2="0" y2="6" stroke="#6b7280" strokeWidth="2" />
              </pattern>
              <linearGradient id={gradientId} x1="0" x2="0" y1="1" y2="0">
                {stops.map((t) => (
                  <stop key={t} offset={t} stopColor={interpolateViridis(t)} />
                ))}
              </linearGradient>
            </defs>
            {grid.cells.map((c) => (
              <g key={`${c.x}:${c.y}`}>
                <rect
                  x={x(c.x)}
                  y={y(c.y)}
                  width={x.bandwidth()}
                  height={y.bandwidth()}
                  fill={c.wait === null ? `url(#${hatchId})` : colour(c.wait)}
                  data-x={c.x}
                  data-y={c.y}
                  data-wait={c.wait ?? undefined}
                  data-unstable={c.unstable ? "true" : undefined}
                >
                  <title>{`${formatNumber(c.x)}, ${formatNumber(c.y)}: ${c.wait === null ? (c.unstable ? "unstable" : "no figure") : formatSeconds(c.wait)}`}</title>
                </rect>
                {c.unstable && x.bandwidth() > 52 && y.bandwidth() > 16 && (
                  <text className="heat-label" x={x(c.x)! + x.bandwidth() / 2} y={y(c.y)! + y.bandwidth() / 2} textAnchor="middle" dominantBaseline="middle">
                    unstable
                  </text>
                )}
              </g>
            ))}
            <BandTicks values={grid.xs} scale={x} orient="bottom" at={height} />
            <BandTicks values={grid.ys} scale={y} orient="left" at={0} />
            {grid.domain && (
              <g transform={`translate(${width + 14},0)`} aria-hidden="true">
                <rect width={12} height={height} fill={`url(#${gradientId})`} />
                {bar.ticks(log ? 4 : 5).map((t) => (
                  <text key={t} className="tick-label" x={16} y={bar(t)} dominantBaseline="middle">
                    {formatNumber(Number((t * unit.factor).toPrecision(3)))}
                  </text>
                ))}
                <text className="tick-label" transform={`translate(${margin.right - 30},${height / 2}) rotate(90)`} textAnchor="middle">
                  {barTitle}
                </text>
              </g>
            )}
          </>
        );
      }}
    </ChartFrame>
  );
}

function BandTicks({ values, scale, orient, at }: { values: number[]; scale: ReturnType<typeof scaleBand<number>>; orient: "bottom" | "left"; at: number }) {
  const every = Math.ceil(values.length / 8);
  return (
    <g className="band-ticks">
      {values.map((v, i) =>
        i % every !== 0 ? null : orient === "bottom" ? (
          <text key={v} className="tick-label" x={scale(v)! + scale.bandwidth() / 2} y={at + 16} textAnchor="middle">
            {formatNumber(v)}
          </text>
        ) : (
          <text key={v} className="tick-label" x={at - 6} y={scale(v)! + scale.bandwidth() / 2} textAnchor="end" dominantBaseline="middle">
            {formatNumber(v)}
          </text>
        ),
      )}
    </g>
  );
}
