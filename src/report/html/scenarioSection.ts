import type { Scenario } from "../../scenario/types.ts";
import { compileScenario, offeredLoad } from "../../simulation/index.ts";
import type { RunResult } from "../../simulation/result.ts";
import { assumptionLines } from "../assumptions.ts";
import { describeQueue } from "../describe.ts";
import { escapeHtml } from "../escape.ts";
import { networkDiagram, type NodeLoad } from "../svg/networkDiagram.ts";
import { factList } from "./tags.ts";

/** Whether queues pass messages to each other (routes, fanout or dead letters). */
export function isNetwork(s: Scenario): boolean {
  return s.queues.some((q) => (q.routes?.length ?? 0) > 0 || (q.fanout?.length ?? 0) > 0 || q.deadLetter !== undefined);
}

function nodeLoads(s: Scenario): Record<string, NodeLoad> {
  const loads = offeredLoad(s, compileScenario(s));
  const deadLetterTargets = new Set(s.queues.flatMap((q) => (q.deadLetter !== undefined ? [q.deadLetter] : [])));
  return Object.fromEntries(s.queues.map((q, i) => {
    const l = loads[i]!;
    // Dead-letter flows depend on the outcome upstream, so the offered load leaves them out.
    const note = q.consumers === 0 ? "no consumers" : l.lambda === 0 && deadLetterTargets.has(q.id) ? "fed by dead letters" : undefined;
    return [q.id, { lambda: l.lambda, external: l.external, unstable: l.unstable, ...(q.consumers === "unlimited" ? {} : { rho: l.rho }), ...(note ? { note } : {}) }];
  }));
}

/** The scenario in words, one block per queue, and the network diagram when queues are connected. */
export function scenarioSectionHtml(s: Scenario): string {
  const queues = s.queues.map((q) => `<div class="queue-spec"><h3>${escapeHtml(q.id)}</h3>${factList(describeQueue(q))}</div>`);
  return [
    `<section class="scenario"><h2>Scenario</h2>`,
    `<p>${s.queues.length} ${s.queues.length === 1 ? "queue" : "queues"}; times in seconds, rates per second.</p>`,
    isNetwork(s) ? networkDiagram(s, nodeLoads(s)) : "",
    `<div class="queue-specs">${queues.join("")}</div>`,
    `</section>`,
  ].join("");
}

/** How the figures were obtained. */
export function assumptionsSectionHtml(s: Scenario, result: RunResult): string {
  const items = assumptionLines(s, result).map((l) => `<li>${escapeHtml(l)}</li>`);
  return `<section class="assumptions"><h2>Assumptions</h2><ul class="assumptions">${items.join("")}</ul></section>`;
}
