import { line, max, min, scaleLinear } from "d3";
import { formatNumber } from "../../report/format.ts";
import { Axis } from "../charts/Axis.tsx";
import { ChartFrame } from "../charts/ChartFrame.tsx";
import type { LegendItem } from "../charts/Legend.tsx";
import type { Band } from "./liveBand.ts";

/** One observed series: a value per reading, null where unknown (a gap, never NaN). */
export interface LiveSeries {
  label: string;
  color: string;
  values: (number | null)[];
}

/** A predicted level with its band, drawn as a dashed line in a shaded strip. */
export interface LiveOverlay {
  label: string;
  color: string;
  band: Band;
}

interface Props {
  title: string;
  description: string;
  testId: string;
  xLabel: string;
  yLabel: string;
  /** Times of the readings (seconds since the first). */
  t: number[];
  series: LiveSeries[];
  overlays: LiveOverlay[];
  /** Multiplier from the values' unit to the axis unit (e.g. 1000 for s -> ms). */
  factor?: number;
}

const margin = { top: 12, right: 16, bottom: 42, left: 60 };

/** Observed figures over time with the model's predicted levels and bands overlaid. */
export function LiveLineChart({ title, description, testId, xLabel, yLabel, t, series, overlays, factor = 1 }: Props) {
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null && Number.isFinite(v)));
  const top = Math.max(max(values) ?? 0, max(overlays, (o) => o.band.hi) ?? 0) * factor;
  const t0 = min(t) ?? 0;
  const t1 = max(t) ?? 1;
  const legend: LegendItem[] = [
    ...series.map((s) => ({ label: s.label, color: s.color, mark: "line" as const })),
    ...overlays.map((o) => ({ label: o.label, color: o.color, mark: o.band.hi > o.band.lo ? ("area" as const) : ("dashed" as const) })),
  ];
  return (
    <ChartFrame title={title} description={description} legend={legend} xLabel={xLabel} yLabel={yLabel} testId={testId} height={220} margin={margin}>
      {({ width, height }) => {
        const x = scaleLinear().domain(t1 > t0 ? [t0, t1] : [t0 - 1, t0 + 1]).range([0, width]);
        const y = scaleLinear().domain([0, top > 0 ? top * 1.1 : 1]).nice().range([height, 0]);
        const path = (vs: (number | null)[]) =>
          line<number>()
            .defined((i) => vs[i] !== null && Number.isFinite(vs[i]!))
            .x((i) => x(t[i]!))
            .y((i) => y(vs[i]! * factor))(vs.map((_, i) => i));
        return (
          <>
            <Axis orient="left" scale={y} gridLength={width} format={(v) => formatNumber(v, 3)} />
            <Axis orient="bottom" scale={x} y={height} format={(v) => formatNumber(v, 4)} />
            {overlays.map((o) => (
              <g key={o.label}>
                {o.band.hi > o.band.lo && <rect x={0} width={width} y={y(o.band.hi * factor)} height={Math.max(1, y(o.band.lo * factor) - y(o.band.hi * factor))} fill={o.color} opacity={0.15} />}
                <line x1={0} x2={width} y1={y(o.band.mid * factor)} y2={y(o.band.mid * factor)} stroke={o.color} strokeWidth={1.5} strokeDasharray="6 4" />
              </g>
            ))}
            {series.map((s, k) => {
              const d = path(s.values);
              const only = s.values.length === 1 && s.values[0] !== null ? s.values[0]! : null;
              return (
                <g key={s.label}>
                  {/* The first series drawn wider, so one that coincides with it stays visible. */}
                  {d && <path d={d} fill="none" stroke={s.color} strokeWidth={k === 0 && series.length > 1 ? 3 : 1.6} />}
                  {only !== null && <circle cx={x(t[0]!)} cy={y(only * factor)} r={3} fill={s.color} />}
                </g>
              );
            })}
            {t.length === 0 && <text x={width / 2} y={height / 2} textAnchor="middle" className="empty">no readings yet</text>}
          </>
        );
      }}
    </ChartFrame>
  );
}
