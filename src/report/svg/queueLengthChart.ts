import type { RunDetail } from "../../simulation/result.ts";
import { formatNumber, formatSeconds } from "../format.ts";
import { emptyChart, palette, plotHeight, plotWidth, renderChart } from "./chart.ts";
import { linePath, linearScale, niceDomain, px, timeUnit } from "./scale.ts";

/**
 * Messages in a queue (ready + unacked) over simulated time in the first replication, the
 * warm-up shaded, from `detail.path`.
 */
export function queueLengthChart(path: RunDetail["path"], queueId: string): string {
  const title = "Queue length over time";
  const lengths = path.lengths[queueId] ?? [];
  const times = path.times;
  if (times.length < 2 || lengths.length !== times.length) return emptyChart(title, "no path was recorded for this run.");
  const tMax = times[times.length - 1]!;
  const unit = timeUnit(tMax);
  const x = linearScale([0, tMax * unit.factor], [0, plotWidth]);
  const yTop = Math.max(1, ...lengths);
  const y = linearScale(niceDomain(0, yTop), [plotHeight, 0]);
  const line = linePath(times.map((t, i) => [x(t * unit.factor), y(lengths[i]!)] as const));
  const warm = Math.min(path.warmupEnd, tMax);
  const shade = warm > 0 ? `<rect class="warmup" x="0" y="0" width="${px(x(warm * unit.factor))}" height="${plotHeight}" fill="${palette.warmup}" fill-opacity="0.15"/>` : "";
  const mean = lengths.reduce((a, b) => a + b, 0) / lengths.length;
  return renderChart({
    kind: "queue-length",
    title,
    description: `Messages in ${queueId} (ready + unacked) over ${formatSeconds(tMax)} of the first replication, sampled at ${times.length} points; the mean of the samples is ${formatNumber(mean)}.${warm > 0 ? ` The shaded warm-up (${formatSeconds(warm)}) is not counted in the figures.` : ""}`,
    xLabel: `simulated time (${unit.unit})`,
    yLabel: "messages in queue",
    x,
    y,
    legend: [
      { label: "messages in queue", color: palette.simulated, mark: "line" },
      ...(warm > 0 ? [{ label: "warm-up (discarded)", color: palette.warmup, mark: "bar" as const }] : []),
    ],
    body: `${shade}<path d="${line}" fill="none" stroke="${palette.simulated}" stroke-width="1.5" stroke-linejoin="round"/>`,
  });
}
