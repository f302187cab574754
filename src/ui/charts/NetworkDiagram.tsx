import { memo, type Dispatch } from "react";
import { formatNumber } from "../../report/format.ts";
import type { Scenario } from "../../scenario/index.ts";
import type { QueueLoad } from "../../simulation/index.ts";
import { useWidth } from "../hooks/useWidth.ts";
import type { AppAction } from "../model/appState.ts";
import { networkGeometry, nodeH, nodeW } from "./networkGeometry.ts";
import { networkLayout, type NetworkEdge } from "./networkLayout.ts";
import { palette } from "./palette.ts";

interface Props {
  scenario: Scenario;
  loads: Map<string, QueueLoad>;
  queueId: string;
  dispatch: Dispatch<AppAction>;
}

function loadColor(load: QueueLoad | undefined): string {
  if (!load) return "#e5e7eb";
  if (load.unstable || load.rho >= 1) return "#fecaca";
  if (load.rho >= 0.85) return "#fde68a";
  return "#bbf7d0";
}

function loadText(load: QueueLoad | undefined, unlimited: boolean, deadLetterTarget: boolean): string {
  if (!load) return "";
  // Dead-letter flows depend on the outcome, so the traffic equations leave them out.
  if (load.lambda === 0 && deadLetterTarget) return "dead letters only";
  if (load.unstable) return `ρ ${formatNumber(load.rho, 3)} unstable`;
  return unlimited ? `λ ${formatNumber(load.lambda, 3)}/s` : `ρ ${formatNumber(load.rho, 3)}`;
}

function edgeText(e: NetworkEdge): string {
  if (e.kind === "fanout") return "copy";
  if (e.kind === "deadLetter") return "dead letters";
  return `${formatNumber((e.probability ?? 0) * 100)}%`;
}

const shortId = (id: string) => (id.length > 16 ? `${id.slice(0, 15)}…` : id);

/** The queues and the routes between them, each queue with its offered load; a click selects a queue. */
export const NetworkDiagram = memo(function NetworkDiagram({ scenario, loads, queueId, dispatch }: Props) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const layout = networkLayout(scenario);
  const deadLetterTargets = new Set(layout.edges.filter((e) => e.kind === "deadLetter").map((e) => e.to));
  const g = networkGeometry(layout.nodes, layout.edges, layout.columns, layout.rows, width);
  return (
    <figure className="panel chart network" data-testid="network-diagram">
      <figcaption>
        <h3>Network: queues, routes and load</h3>
      </figcaption>
      <div ref={ref} className="chart-body scroll-x">
        <svg width={g.width} height={g.height} role="img" aria-label={`${scenario.queues.length} queues and their routes`}>
          <defs>
            <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 z" fill="#555" />
            </marker>
          </defs>
          {g.edges.map(({ edge, path, label }, i) => (
            <g key={i}>
              <path d={path} fill="none" stroke={edge.kind === "deadLetter" ? palette.current : "#555"} strokeDasharray={edge.kind === "deadLetter" ? "5 4" : undefined} markerEnd="url(#arrow)" />
              <text x={label.x} y={label.y} textAnchor="middle" className="edge-label">
                {edgeText(edge)}
              </text>
            </g>
          ))}
          {layout.nodes.map((n) => {
            const p = g.at.get(n.id)!;
            const selected = n.id === queueId;
            const select = () => dispatch({ type: "selectQueue", queueId: n.id });
            const unlimited = scenario.queues.find((q) => q.id === n.id)?.consumers === "unlimited";
            return (
              <g
                key={n.id}
                transform={`translate(${p.x},${p.y})`}
                role="button"
                tabIndex={0}
                aria-pressed={selected}
                aria-label={`queue ${n.id}`}
                className="network-node"
                onClick={select}
                onKeyDown={(e) => {
                  if (e.key !== "Enter" && e.key !== " ") return;
                  e.preventDefault();
                  select();
                }}
              >
                <title>{n.id}</title>
                <rect width={nodeW} height={nodeH} rx={6} fill={loadColor(loads.get(n.id))} stroke={selected ? palette.simulated : "#555"} strokeWidth={selected ? 3 : 1} />
                <text x={nodeW / 2} y={18} textAnchor="middle" className="node-id">
                  {shortId(n.id)}
                </text>
                <text x={nodeW / 2} y={36} textAnchor="middle" className="node-load">
                  {loadText(loads.get(n.id), unlimited, deadLetterTargets.has(n.id))}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <p className="hint">Green: ρ &lt; 0.85; amber: ρ ≥ 0.85; red: ρ ≥ 1. Select a queue to edit it.</p>
    </figure>
  );
});
