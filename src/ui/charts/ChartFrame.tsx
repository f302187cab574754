import type { ReactNode } from "react";
import { useWidth } from "../hooks/useWidth.ts";
import { Legend, type LegendItem } from "./Legend.tsx";

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const defaultMargin: Margin = { top: 12, right: 16, bottom: 42, left: 56 };

interface Props {
  title: string;
  /** A short description of what the chart shows, for screen readers and as a caption. */
  description: string;
  legend: LegendItem[];
  height?: number;
  margin?: Margin;
  /** Draws the plot given the inner width and height (px). */
  children: (inner: { width: number; height: number }) => ReactNode;
  /** Axis titles, with their units. */
  xLabel: string;
  yLabel: string;
  testId?: string;
}

/** A chart panel: title, responsive SVG with margins and axis titles, and a legend. */
export function ChartFrame({ title, description, legend, height = 240, margin = defaultMargin, children, xLabel, yLabel, testId }: Props) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const inner = { width: Math.max(60, width - margin.left - margin.right), height: Math.max(40, height - margin.top - margin.bottom) };
  return (
    <figure className="panel chart" data-testid={testId}>
      <figcaption>
        <h3>{title}</h3>
      </figcaption>
      <div ref={ref} className="chart-body">
        <svg width={width} height={height} role="img" aria-label={`${title}. ${description}`}>
          <g transform={`translate(${margin.left},${margin.top})`}>{children(inner)}</g>
          <text className="axis-title" x={margin.left + inner.width / 2} y={height - 4} textAnchor="middle">
            {xLabel}
          </text>
          <text className="axis-title" transform={`translate(12,${margin.top + inner.height / 2}) rotate(-90)`} textAnchor="middle">
            {yLabel}
          </text>
        </svg>
      </div>
      <Legend items={legend} />
    </figure>
  );
}
