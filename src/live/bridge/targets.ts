import { asObject } from "../parse/body.ts";
import { validateMapping, type PromMapping } from "../parse/promMapping.ts";
import { parseBrokerUrl, type BrokerEndpoint } from "../sources/brokerUrl.ts";
import { createSource, remoteSourceKinds, type RemoteSourceKind } from "../sources/createSource.ts";
import type { HttpOptions } from "../sources/http.ts";
import { isMetricsPath } from "../sources/prometheusSource.ts";
import { liveError, type LiveResult, type LiveSource } from "../types.ts";

/** A configured broker, held in memory only; its credentials never leave this object. */
interface Target {
  id: string;
  kind: RemoteSourceKind;
  endpoint: BrokerEndpoint;
  mapping?: PromMapping;
  metricsPath?: string;
  counterFallback?: BrokerEndpoint;
}

/** What the bridge says about a target: never the credentials, only whether there are some. */
export interface TargetInfo {
  id: string;
  kind: RemoteSourceKind;
  baseUrl: string;
  hasCredentials: boolean;
}

const maxCredential = 256;

function text(value: unknown, field: string, max: number): LiveResult<string | undefined> {
  if (value === undefined || value === null) return { ok: true, value: undefined };
  if (typeof value !== "string" || value.length > max) return liveError("badRequest", `${field}: expected a string of at most ${max} characters`);
  return { ok: true, value };
}

function endpointOf(value: unknown, field: string): LiveResult<BrokerEndpoint> {
  if (typeof value !== "string" || value.length > 200) return liveError("badTarget", `${field}: expected a URL such as http://127.0.0.1:15672`);
  const parsed = parseBrokerUrl(value);
  if (!parsed.ok) return liveError("badTarget", `${field}: ${parsed.error.message}`);
  if (parsed.value.username !== undefined || parsed.value.password !== undefined) {
    return liveError("badTarget", `${field}: credentials do not belong in a URL: give them as username and password`);
  }
  return parsed;
}

/** Validates the JSON body of `POST /bridge/targets` into a target (without an id). */
export function parseTargetInput(body: unknown): LiveResult<Omit<Target, "id">> {
  const o = asObject(body);
  if (!o) return liveError("badRequest", "expected a JSON object { kind, baseUrl, username?, password? }");
  const unknown = Object.keys(o).find((k) => !["kind", "baseUrl", "username", "password", "mapping", "metricsPath", "counterFallbackUrl"].includes(k));
  if (unknown !== undefined) return liveError("badRequest", `unknown field ${JSON.stringify(unknown.slice(0, 40))}`);
  if (!remoteSourceKinds.includes(o.kind as RemoteSourceKind)) return liveError("badRequest", `kind: expected one of ${remoteSourceKinds.join(", ")}`);
  const kind = o.kind as RemoteSourceKind;
  const ep = endpointOf(o.baseUrl, "baseUrl");
  if (!ep.ok) return ep;
  const user = text(o.username, "username", maxCredential);
  const pass = text(o.password, "password", maxCredential);
  if (!user.ok) return user;
  if (!pass.ok) return pass;
  const endpoint: BrokerEndpoint = { origin: ep.value.origin };
  if (user.value !== undefined) endpoint.username = user.value;
  if (pass.value !== undefined) endpoint.password = pass.value;
  const target: Omit<Target, "id"> = { kind, endpoint };
  if (kind === "prometheus") {
    const m = validateMapping(asObject(o.mapping) ?? {});
    if (!m.ok) return m;
    target.mapping = m.value;
    const path = o.metricsPath ?? "/metrics";
    if (typeof path !== "string" || !isMetricsPath(path)) return liveError("badTarget", "metricsPath: only /metrics and paths below it");
    target.metricsPath = path;
  }
  if (o.counterFallbackUrl !== undefined) {
    if (kind !== "rabbitmq-api") return liveError("badRequest", "counterFallbackUrl: only for kind rabbitmq-api");
    const fb = endpointOf(o.counterFallbackUrl, "counterFallbackUrl");
    if (!fb.ok) return fb;
    target.counterFallback = { ...endpoint, origin: fb.value.origin };
  }
  return { ok: true, value: target };
}

/**
 * The brokers the page configured, in memory only (never written, never logged), and one source
 * per queue read (sources keep counter state between samples). Bounded: at most `maxTargets`
 * targets and `maxSources` sources (the oldest source is dropped first).
 */
export class TargetRegistry {
  private readonly targets = new Map<string, Target>();
  private readonly sources = new Map<string, LiveSource>();
  private next = 1;

  constructor(private readonly http: Omit<HttpOptions, "authorization" | "signal"> = {}, private readonly maxTargets = 16, private readonly maxSources = 64) {}

  /** Adds a validated target and returns what may be shown of it. */
  add(target: Omit<Target, "id">): LiveResult<TargetInfo> {
    if (this.targets.size >= this.maxTargets) return liveError("badRequest", `at most ${this.maxTargets} targets: delete one first`);
    const id = `t${this.next++}`;
    this.targets.set(id, { ...target, id });
    return { ok: true, value: this.info(id)! };
  }

  info(id: string): TargetInfo | undefined {
    const t = this.targets.get(id);
    if (!t) return undefined;
    return { id, kind: t.kind, baseUrl: t.endpoint.origin, hasCredentials: t.endpoint.username !== undefined || t.endpoint.password !== undefined };
  }

  list(): TargetInfo[] {
    return [...this.targets.keys()].map((id) => this.info(id)!);
  }

  remove(id: string): boolean {
    for (const key of [...this.sources.keys()]) if (key.startsWith(`${id}\n`)) this.sources.delete(key);
    return this.targets.delete(id);
  }

  /** The source reading `queue` (in `vhost`) at target `id`, made on first use; undefined for an unknown target. */
  source(id: string, queue: string, vhost: string | undefined): LiveSource | undefined {
    const t = this.targets.get(id);
    if (!t) return undefined;
    const key = `${id}\n${vhost ?? ""}\n${queue}`;
    let s = this.sources.get(key);
    if (!s) {
      s = createSource({ kind: t.kind, endpoint: t.endpoint, queue, vhost, mapping: t.mapping, metricsPath: t.metricsPath, counterFallback: t.counterFallback, http: this.http });
      if (this.sources.size >= this.maxSources) this.sources.delete(this.sources.keys().next().value!);
      this.sources.set(key, s);
    }
    return s;
  }
}
