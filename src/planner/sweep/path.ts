import { createDistribution } from "../../engine/random/index.ts";
import { formatIssue, formatPath, parseScenario, previewValue } from "../../scenario/index.ts";
import type { DistributionSpec, Scenario } from "../../scenario/types.ts";
import { scaleDistribution } from "../edit.ts";
import type { SweepValue } from "./values.ts";

/** A sweep path resolved against a scenario: the concrete segments to set. */
export interface ResolvedPath {
  /** As the user wrote it. */
  path: string;
  segments: (string | number)[];
}

const quote = (s: string) => JSON.stringify(s);

function fail(path: string, reason: string): never {
  throw new RangeError(`invalid path ${quote(path)}: ${reason}`);
}

/** The queue index a `queues.ID...` path names, by the longest id followed by `.`, `[` or the end. */
function queueByDottedId(scenario: Scenario, path: string, at: number): { index: number; end: number } {
  const rest = path.slice(at);
  const fits = scenario.queues
    .map((q, index) => ({ index, id: q.id }))
    .filter(({ id }) => rest.startsWith(id) && (rest.length === id.length || rest[id.length] === "." || rest[id.length] === "["))
    .sort((a, b) => b.id.length - a.id.length);
  if (fits.length === 0) {
    const word = /^[^.[]*/.exec(rest)![0];
    fail(path, `no queue with id ${quote(word)} (queues: ${scenario.queues.map((q) => quote(q.id)).join(", ")})`);
  }
  return { index: fits[0]!.index, end: at + fits[0]!.id.length };
}

/**
 * Resolves a path like `queues.orders.consumers`, `queues[0].arrival.rate`,
 * `queues["a.b"].service.cv` or `run.messages` against a scenario. Every segment but the last
 * must exist; the last may be a field the scenario leaves out (the schema then judges it).
 * @throws RangeError naming the path and what does not resolve.
 */
export function resolvePath(scenario: Scenario, path: string): ResolvedPath {
  const segments: (string | number)[] = [];
  const first = /^[A-Za-z_$][\w$]*/.exec(path);
  if (!first) fail(path, "expected a field name at the start, e.g. queues.orders.consumers");
  segments.push(first[0]);
  let i = first[0].length;
  while (i < path.length) {
    const rest = path.slice(i);
    const parent = segments.length === 1 && segments[0] === "queues";
    let m: RegExpExecArray | null;
    if (rest[0] === "." && parent && !/^\.\d+(?:$|[.[])/.test(rest)) {
      const q = queueByDottedId(scenario, path, i + 1);
      segments.push(q.index);
      i = q.end;
    } else if ((m = /^\.([A-Za-z_$][\w$]*)/.exec(rest))) {
      segments.push(m[1]!);
      i += m[0].length;
    } else if ((m = /^\[(\d+)\]/.exec(rest)) || (m = /^\.(\d+)(?=$|[.[])/.exec(rest))) {
      segments.push(Number(m[1]));
      i += m[0].length;
    } else if ((m = /^\[("(?:[^"\\]|\\.)*")\]/.exec(rest))) {
      const key = JSON.parse(m[1]!) as string;
      segments.push(parent ? queueIndexById(scenario, path, key) : key);
      i += m[0].length;
    } else fail(path, `unexpected ${quote(rest.slice(0, 12))} at ${i + 1}; expected .field, [index] or ["key"]`);
  }
  let node: unknown = scenario;
  segments.forEach((seg, k) => {
    const here = formatPath(segments.slice(0, k)) || "the scenario";
    const at = formatPath(segments.slice(0, k + 1));
    if (Array.isArray(node)) {
      if (typeof seg !== "number") fail(path, `${here} is a list: use ${here}[index]`);
      if (seg >= node.length) fail(path, `${at} does not exist: ${here} has ${node.length} entries`);
    }
    if (k === segments.length - 1) return;
    const next = (node as Record<string | number, unknown>)[seg];
    if (next === undefined || next === null) fail(path, `${here} has no ${quote(String(seg))}`);
    if (typeof next !== "object") fail(path, `${at} is ${previewValue(next)}, not an object with fields`);
    node = next;
  });
  return { path, segments };
}

function queueIndexById(scenario: Scenario, path: string, id: string): number {
  const index = scenario.queues.findIndex((q) => q.id === id);
  if (index < 0) fail(path, `no queue with id ${quote(id)} (queues: ${scenario.queues.map((q) => quote(q.id)).join(", ")})`);
  return index;
}

const CV_PARAM = new Set(["gamma", "lognormal", "hyperexponential"]);
const MEAN_PARAM = new Set(["exponential", "erlang", "gamma", "lognormal", "hyperexponential", "pareto"]);

/** Sets `mean` or `cv` of a distribution keeping the rest of its shape; null when the key is an ordinary field. */
function distributionEdit(spec: DistributionSpec, key: string, value: SweepValue): { spec: DistributionSpec; note?: string } | null {
  if (typeof value !== "number" || (key !== "mean" && key !== "cv")) return null;
  const current = createDistribution(spec);
  if (key === "mean") {
    if (MEAN_PARAM.has(spec.dist) && "mean" in spec && spec.mean !== undefined) return null;
    if (spec.dist === "exponential") return { spec: { dist: "exponential", mean: value } };
    if (!(value > 0 && current.mean > 0 && Number.isFinite(current.mean))) return null;
    return { spec: scaleDistribution(spec, value / current.mean), note: `${spec.dist} scaled to mean ${value}` };
  }
  if (spec.dist === "hyperexponential") return null;
  if (value === 0) return { spec: { dist: "deterministic", value: current.mean }, note: `cv 0: deterministic with the same mean` };
  if (value === 1 && !CV_PARAM.has(spec.dist)) return { spec: { dist: "exponential", mean: current.mean } };
  if (CV_PARAM.has(spec.dist)) return { spec: { dist: spec.dist as "gamma", mean: current.mean, cv: value } };
  return { spec: { dist: "gamma", mean: current.mean, cv: value }, note: `${spec.dist} became gamma with the same mean to take cv ${value}` };
}

/**
 * The scenario with `value` at the path, validated by the scenario schema. `service.cv` and
 * `service.mean` (any distribution) keep the other moment: an exponential given a cv becomes
 * gamma with the same mean (cv 0: deterministic), a distribution without a `mean` field is
 * scaled. The `note` says when such a change of family happened.
 * @throws RangeError naming the path, the value and the schema's reason.
 */
export function applySweepValue(scenario: Scenario, resolved: ResolvedPath, value: SweepValue): { scenario: Scenario; note?: string } {
  const raw = structuredClone(scenario) as unknown as Record<string, unknown>;
  let parent: Record<string, unknown> = raw;
  for (const seg of resolved.segments.slice(0, -1)) parent = parent[seg] as Record<string, unknown>;
  const key = resolved.segments[resolved.segments.length - 1]!;
  let note: string | undefined;
  const edit = typeof parent.dist === "string" && typeof key === "string" ? distributionEdit(parent as unknown as DistributionSpec, key, value) : null;
  if (edit) {
    for (const k of Object.keys(parent)) delete parent[k];
    Object.assign(parent, edit.spec);
    note = edit.note;
  } else parent[key] = value;
  for (const q of (raw.queues as { arrival?: { times?: unknown; file?: unknown } }[]) ?? []) {
    if (q.arrival?.times !== undefined) delete q.arrival.file;
  }
  const parsed = parseScenario(raw);
  if (!parsed.ok) {
    const [first, ...more] = parsed.errors;
    throw new RangeError(`${resolved.path} = ${previewValue(value)}: ${formatIssue(first!)}${more.length ? ` (and ${more.length} more)` : ""}`);
  }
  return { scenario: parsed.scenario, ...(note ? { note } : {}) };
}
