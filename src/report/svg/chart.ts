/**
 * The frame every report chart shares: a figure with a caption, an inline SVG with axes and
 * grid lines, and a legend. Text arguments are plain text and are escaped here.
 */
import { escapeHtml } from "../escape.ts";
import { formatNumber } from "../format.ts";
import { px, type LinearScale } from "./scale.ts";

/** Series colours (colour-blind safe: Okabe & Ito 2008), the same as the page's charts. */
export const palette = {
  simulated: "#0072B2",
  sojourn: "#E69F00",
  analytic: "#222222",
  p99: "#CC79A7",
  warmup: "#999999",
  current: "#D55E00",
  ok: "#009E73",
} as const;

/** Size of every chart's SVG (it scales to the page width) and the margins around the plot. */
export const chartBox = { width: 860, height: 290, top: 14, right: 24, bottom: 42, left: 64 } as const;
/** Width of the plotting area inside the margins, in SVG units. */
export const plotWidth = chartBox.width - chartBox.left - chartBox.right;
/** Height of the plotting area inside the margins, in SVG units. */
export const plotHeight = chartBox.height - chartBox.top - chartBox.bottom;

/** A legend entry: how its series is drawn. */
export interface LegendItem {
  label: string;
  color: string;
  mark: "line" | "dashed" | "dot" | "ring" | "bar";
}

/** One chart: scales over the plotting area, SVG markup of its data, and its words. */
export interface ChartSpec {
  title: string;
  /** One or two sentences for the caption and screen readers. */
  description: string;
  xLabel: string;
  yLabel: string;
  x: LinearScale;
  y: LinearScale;
  xFormat?: (v: number) => string;
  /** Tick values of the x axis, when the scale's round ticks do not fit (whole numbers only, categories). */
  xTicks?: number[];
  yFormat?: (v: number) => string;
  legend: LegendItem[];
  /** SVG markup in plot coordinates (origin at the plot's top-left). */
  body: string;
  /** A `data-chart` name for tests and styles. */
  kind: string;
}

function axes(spec: ChartSpec): string {
  const fx = spec.xFormat ?? ((v: number) => formatNumber(v));
  const fy = spec.yFormat ?? ((v: number) => formatNumber(v));
  const yTicks = spec.y.ticks(5).map((v) => {
    const y = px(spec.y(v));
    return `<line class="grid" x1="0" x2="${plotWidth}" y1="${y}" y2="${y}"/><text class="tick" x="-6" y="${y}" dy="0.32em" text-anchor="end">${escapeHtml(fy(v))}</text>`;
  });
  const xTicks = (spec.xTicks ?? spec.x.ticks(7)).map((v) => {
    const x = px(spec.x(v));
    return `<line class="tick-mark" x1="${x}" x2="${x}" y1="${plotHeight}" y2="${plotHeight + 5}"/><text class="tick" x="${x}" y="${plotHeight + 17}" text-anchor="middle">${escapeHtml(fx(v))}</text>`;
  });
  return [
    ...yTicks,
    `<line class="axis" x1="0" x2="${plotWidth}" y1="${plotHeight}" y2="${plotHeight}"/>`,
    `<line class="axis" x1="0" x2="0" y1="0" y2="${plotHeight}"/>`,
    ...xTicks,
    `<text class="axis-label" x="${plotWidth / 2}" y="${plotHeight + 36}" text-anchor="middle">${escapeHtml(spec.xLabel)}</text>`,
    `<text class="axis-label" transform="rotate(-90)" x="${-plotHeight / 2}" y="${-chartBox.left + 14}" text-anchor="middle">${escapeHtml(spec.yLabel)}</text>`,
  ].join("");
}

function swatch(item: LegendItem): string {
  const c = escapeHtml(item.color);
  const shape = {
    line: `<line x1="1" x2="21" y1="6" y2="6" stroke="${c}" stroke-width="2.5"/>`,
    dashed: `<line x1="1" x2="21" y1="6" y2="6" stroke="${c}" stroke-width="2" stroke-dasharray="5 3"/>`,
    dot: `<circle cx="11" cy="6" r="4" fill="${c}"/>`,
    ring: `<circle cx="11" cy="6" r="4" fill="#fff" stroke="${c}" stroke-width="2"/>`,
    bar: `<rect x="3" y="1" width="16" height="10" fill="${c}" fill-opacity="0.35" stroke="${c}"/>`,
  }[item.mark];
  return `<svg class="swatch" width="22" height="12" viewBox="0 0 22 12" aria-hidden="true">${shape}</svg>`;
}

/** A legend as an HTML list with drawn swatches (they print, unlike CSS backgrounds). */
export function legendHtml(items: readonly LegendItem[]): string {
  if (items.length === 0) return "";
  return `<ul class="legend">${items.map((i) => `<li>${swatch(i)}${escapeHtml(i.label)}</li>`).join("")}</ul>`;
}

/** The whole figure: caption, SVG (with title and description for screen readers) and legend. */
export function renderChart(spec: ChartSpec): string {
  const title = escapeHtml(spec.title);
  const desc = escapeHtml(spec.description);
  return [
    `<figure class="chart" data-chart="${escapeHtml(spec.kind)}">`,
    `<figcaption><strong>${title}</strong> ${desc}</figcaption>`,
    `<svg viewBox="0 0 ${chartBox.width} ${chartBox.height}" role="img" aria-label="${title}">`,
    `<title>${title}</title><desc>${desc}</desc>`,
    `<g transform="translate(${chartBox.left},${chartBox.top})">${axes(spec)}<g class="data">${spec.body}</g></g>`,
    `</svg>`,
    legendHtml(spec.legend),
    `</figure>`,
  ].join("");
}

/** A message in place of a chart that has nothing to show. */
export function emptyChart(title: string, message: string): string {
  return `<figure class="chart empty"><figcaption><strong>${escapeHtml(title)}</strong> ${escapeHtml(message)}</figcaption></figure>`;
}
