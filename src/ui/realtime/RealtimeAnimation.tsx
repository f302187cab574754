import { formatCount } from "../model/formatCount.ts";
import { palette } from "../charts/palette.ts";
import type { RealtimeFrame } from "./realtimeController.ts";

const rowH = 30;
const dotR = 5;
/** How long (wall seconds) a message in flight between places stays drawn. */
const flightS = 0.6;

interface Props {
  frame: RealtimeFrame;
  width: number;
}

/**
 * Messages arriving from the left into the ready queue, delivered to consumers within their
 * prefetch windows (the bar is the message in service), then acked (out to the right) or
 * dead-lettered (down, red); a refused publish bounces at the entry.
 */
export function RealtimeAnimation({ frame, width }: Props) {
  const m = frame.metrics;
  const consumers = frame.consumers;
  const rows = Math.max(1, consumers.length);
  const height = 40 + rows * rowH;
  const laneStart = 40;
  const laneEnd = Math.max(laneStart + 60, width * 0.5);
  const boxX = laneEnd + 40;
  const boxW = Math.min(120, width - boxX - 50);
  const exitX = width - 8;
  const laneY = 20 + (rows * rowH) / 2 - rowH / 2 + 8;
  const slots = Math.max(1, Math.floor((laneEnd - laneStart) / (dotR * 2 + 3)));
  const ready = m?.ready ?? 0;
  const shown = Math.min(ready, slots);
  const rowY = (c: number) => 20 + c * rowH;
  const age = (t: number) => (frame.t - t) / Math.max(frame.speed, 1e-9);
  return (
    <svg width={width} height={height} role="img" aria-label={`In-browser broker: ${ready} ready, ${m?.unacked ?? 0} unacked`} className="realtime-svg">
      <line x1={laneStart} x2={laneEnd} y1={laneY + dotR + 4} y2={laneY + dotR + 4} stroke="#c5cad3" />
      <text x={laneStart} y={laneY + dotR + 17} className="edge-label">ready queue (head on the right)</text>
      {Array.from({ length: shown }, (_, i) => (
        <circle key={i} cx={laneEnd - dotR - i * (dotR * 2 + 3)} cy={laneY} r={dotR} fill={palette.simulated} />
      ))}
      {ready > shown && (
        <text x={laneStart} y={laneY - 9} className="marker-label" fill={palette.current}>
          +{formatCount(ready - shown)} more
        </text>
      )}
      {consumers.map((c, i) => (
        <g key={i} transform={`translate(${boxX},${rowY(i)})`}>
          <rect width={boxW} height={rowH - 8} rx={4} fill="#f3f4f6" stroke="#9ca3af" />
          {c.done !== null && <rect width={boxW * c.done} height={rowH - 8} rx={4} fill={palette.ok} opacity={0.45} />}
          <text x={6} y={(rowH - 8) / 2} dy="0.35em" className="node-load">
            consumer {i + 1}
            {c.buffered > 0 ? ` +${c.buffered} held` : ""}
          </text>
        </g>
      ))}
      {m?.consumers === "unlimited" && (
        <text x={boxX} y={rowY(0) + 14} className="node-load">
          unlimited consumers: {formatCount(m.unacked)} in service
        </text>
      )}
      {frame.recent.map((e, i) => {
        const a = age(e.t);
        if (a < 0 || a > flightS) return null;
        const f = a / flightS;
        const key = `${e.t}:${e.msg}:${e.kind}:${i}`;
        if (e.kind === "publish") return <circle key={key} cx={laneStart * f} cy={laneY} r={dotR} fill={palette.simulated} opacity={1 - f * 0.3} />;
        if (e.kind === "drop") return <circle key={key} cx={laneStart - 10 * f} cy={laneY - 14 * f} r={dotR} fill="#7f1d1d" opacity={1 - f} />;
        if (e.kind === "ack") {
          const y = rowY(Math.min(e.consumer, rows - 1)) + (rowH - 8) / 2;
          return <circle key={key} cx={boxX + boxW + (exitX - boxX - boxW) * f} cy={y} r={dotR} fill={palette.ok} opacity={1 - f * 0.5} />;
        }
        return <circle key={key} cx={boxX - 14} cy={laneY + (height - laneY) * f} r={dotR} fill={palette.current} opacity={1 - f * 0.5} />;
      })}
    </svg>
  );
}
