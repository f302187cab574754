import { axisBottom, axisLeft, select, type AxisDomain, type AxisScale } from "d3";
import { useLayoutEffect, useRef } from "react";

interface Props {
  orient: "bottom" | "left";
  scale: AxisScale<number>;
  /** Translation of the axis group (px). */
  x?: number;
  y?: number;
  ticks?: number;
  format?: (value: number) => string;
  /** Grid lines across the plot, this long (px). */
  gridLength?: number;
}

/** A d3 axis drawn into a React-owned group. */
export function Axis({ orient, scale, x = 0, y = 0, ticks = 5, format, gridLength }: Props) {
  const ref = useRef<SVGGElement>(null);
  useLayoutEffect(() => {
    if (!ref.current) return;
    const axis = (orient === "bottom" ? axisBottom(scale) : axisLeft(scale)).ticks(ticks);
    if (format) axis.tickFormat((d: AxisDomain) => format(Number(d)));
    if (gridLength) axis.tickSizeInner(-gridLength);
    select(ref.current).call(axis);
  }, [orient, scale, ticks, format, gridLength]);
  return <g ref={ref} className={`axis axis-${orient}${gridLength ? " with-grid" : ""}`} transform={`translate(${x},${y})`} />;
}
