import { compareLive } from "../../live/compare.ts";
import { estimateLive } from "../../live/estimate/estimateLive.ts";
import { formatLiveReport } from "../../live/formatReport.ts";
import { validateMapping } from "../../live/parse/promMapping.ts";
import { parseBrokerUrl, type BrokerEndpoint } from "../../live/sources/brokerUrl.ts";
import { createSource, type RemoteSourceConfig } from "../../live/sources/createSource.ts";
import { isMetricsPath } from "../../live/sources/prometheusSource.ts";
import type { LiveError, LiveSample, LiveSource } from "../../live/types.ts";
import { CliError, ExitCode } from "../cliError.ts";
import { intFlag, numberFlag, parseFlags } from "../flags.ts";
import { defineFlags, type CommandHelp } from "../help.ts";
import type { CliIo } from "../io.ts";
import { loadScenario } from "../loadScenario.ts";

export const liveUsage = "kendall live (--rabbitmq URL | --prometheus URL | --nats URL) --queue NAME [--window S] [--scenario FILE] [--json]";

const WINDOW_S = 60;
const INTERVAL_S = 2;

const liveFlags = defineFlags({
  rabbitmq: { type: "string", arg: "URL", help: "RabbitMQ management API base URL, like http://127.0.0.1:15672" },
  prometheus: { type: "string", arg: "URL", help: "RabbitMQ's Prometheus URL (/metrics...), or any exporter with --map" },
  nats: { type: "string", arg: "URL", help: "NATS monitoring URL, like http://127.0.0.1:8222 (a JetStream stream)" },
  queue: { type: "string", arg: "NAME", help: "required: the queue (NATS: the stream) to watch" },
  vhost: { type: "string", arg: "V", help: "RabbitMQ virtual host", defaultText: "/" },
  window: { type: "string", arg: "S", help: "seconds to watch, > 0 and at most 86400", defaultText: String(WINDOW_S) },
  interval: { type: "string", arg: "S", help: "seconds between readings, >= 0.05", defaultText: String(INTERVAL_S) },
  scenario: { type: "string", arg: "FILE", help: "predict from this scenario", defaultText: "one fitted to what is seen" },
  consumers: { type: "string", arg: "N", help: "consumers, 1 to 100000, if the source does not say (NATS pull)" },
  prefetch: { type: "string", arg: "N", help: "the consumers' prefetch, 0 to 65535, if the source does not say" },
  map: { type: "string", arg: "FIGURE=SELECTOR", multiple: true, help: "a Prometheus series for a figure (repeatable; --prometheus only)" },
  "publish-to-deliver": { type: "string", arg: "S", help: "broker overhead in seconds added to predicted W and Wq", defaultText: "0" },
  "ack-to-deliver": { type: "string", arg: "S", help: "seconds from an ack to the next delivery (service rate)", defaultText: "0" },
  json: { type: "boolean", help: "print the report as JSON" },
});

/** `kendall live --help`. */
export const liveHelp: CommandHelp = {
  name: "live",
  usage: liveUsage,
  summary: "watch a real queue, then observed vs predicted",
  about:
    "Reads one real queue from exactly one source every --interval for --window seconds, then prints the observed " +
    "figures with their uncertainty beside the model's prediction. Credentials in a URL are never printed.",
  flags: liveFlags,
  exitCodes: "0 ok, 2 bad input (flag, URL, scenario, queue not found), 3 broker unreachable or refusing, 1 other",
  examples: [
    "kendall live --rabbitmq http://guest:guest@127.0.0.1:15672 --queue orders --window 60",
    "kendall live --nats http://127.0.0.1:8222 --queue ORDERS --consumers 2 --window 60",
  ],
};

/** Splits `http://user:pass@127.0.0.1:15692/metrics/per-object` into the endpoint and the path; never echoes credentials. */
function endpointFlag(flag: string, url: string): { endpoint: BrokerEndpoint; path: string } {
  let path = "/";
  let base = url;
  try {
    const u = new URL(url);
    path = u.pathname;
    u.pathname = "/";
    base = u.href;
  } catch {
    // parseBrokerUrl names the problem.
  }
  const parsed = parseBrokerUrl(base);
  if (!parsed.ok) throw new CliError(`--${flag}: ${parsed.error.message}`);
  return { endpoint: parsed.value, path: path === "" ? "/" : path };
}

function mappingFlag(values: string[] | undefined): RemoteSourceConfig["mapping"] | undefined {
  if (!values?.length) return undefined;
  const raw: Record<string, string> = {};
  for (const v of values) {
    const eq = v.indexOf("=");
    if (eq <= 0) throw new CliError(`--map: expected FIGURE=SELECTOR, got ${JSON.stringify(v.slice(0, 60))}`);
    raw[v.slice(0, eq)] = v.slice(eq + 1);
  }
  const m = validateMapping(raw);
  if (!m.ok) throw new CliError(`--map: ${m.error.message}`);
  return m.value;
}

type Values = Record<string, string | boolean | string[] | undefined>;

/** The source the flags ask for (exactly one of --rabbitmq, --prometheus, --nats). */
function sourceFromFlags(v: Values, queue: string): LiveSource {
  const given = (["rabbitmq", "prometheus", "nats"] as const).filter((k) => v[k] !== undefined);
  if (given.length !== 1) throw new CliError(`kendall live: give exactly one of --rabbitmq, --prometheus, --nats (usage: ${liveUsage})`);
  const flag = given[0]!;
  const { endpoint, path } = endpointFlag(flag, String(v[flag]));
  const vhost = typeof v.vhost === "string" ? v.vhost : "/";
  const mapping = mappingFlag(v.map as string[] | undefined);
  if (mapping && flag !== "prometheus") throw new CliError("--map: only with --prometheus");
  if (flag === "rabbitmq") {
    if (path !== "/") throw new CliError("--rabbitmq: give the management API's base URL, e.g. http://127.0.0.1:15672");
    const u = new URL(endpoint.origin);
    // Counters come from Prometheus on the same host when the management metrics collector is
    // off, but only for a node on the default ports, where 15692 is its own listener: beside a
    // management API on another port, 15692 may be another node's (a second node on this
    // machine), whose counters for a same-named queue would be passed off as this one's.
    if (u.port !== "15672") return createSource({ kind: "rabbitmq-api", endpoint, queue, vhost });
    const counterFallback = { ...endpoint, origin: `${u.protocol}//${u.host.replace(/:15672$/, ":15692")}` };
    return createSource({ kind: "rabbitmq-api", endpoint, queue, vhost, counterFallback });
  }
  if (flag === "nats") {
    if (path !== "/" && path !== "/jsz") throw new CliError("--nats: give the monitoring URL, e.g. http://127.0.0.1:8222");
    return createSource({ kind: "nats-jsz", endpoint, queue });
  }
  if (mapping) {
    const metricsPath = path === "/" ? "/metrics" : path;
    if (!isMetricsPath(metricsPath)) throw new CliError(`--prometheus: the path must be /metrics or below it, got ${JSON.stringify(path.slice(0, 60))}`);
    return createSource({ kind: "prometheus", endpoint, queue, mapping, metricsPath });
  }
  if (!["/", "/metrics", "/metrics/detailed", "/metrics/per-object"].includes(path)) throw new CliError("--prometheus: RabbitMQ's endpoint is /metrics/detailed or /metrics/per-object; for other exporters give --map");
  return createSource({ kind: "rabbitmq-prometheus", endpoint, queue, vhost, ...(path === "/metrics/per-object" ? { endpointKind: "per-object" as const } : {}) });
}

/** Exit 2 for what the user named wrongly (the queue), 3 for a broker that cannot be read. */
function failFirst(error: LiveError): never {
  const code = error.code === "notFound" || error.code === "badTarget" || error.code === "badRequest" ? ExitCode.badInput : ExitCode.brokerUnreachable;
  throw new CliError(`kendall live: ${error.message}`, code);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `kendall live`: watch a real queue for a window, then print observed beside predicted. */
export async function liveCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags("live", args, liveFlags);
  if (positionals.length > 0) throw new CliError(`kendall live: unexpected argument ${JSON.stringify(positionals[0])} (see kendall live --help)`);
  if (!values.queue) throw new CliError(`kendall live: --queue NAME is required (usage: ${liveUsage})`);
  const windowS = numberFlag("window", values.window, 0) ?? WINDOW_S;
  const intervalS = numberFlag("interval", values.interval, 0.05, true) ?? INTERVAL_S;
  const consumers = intFlag("consumers", values.consumers, 1, 100_000);
  const prefetch = intFlag("prefetch", values.prefetch, 0, 65_535);
  const overheads = { publishToDeliverS: numberFlag("publish-to-deliver", values["publish-to-deliver"], 0, true) ?? 0, ackToNextDeliverS: numberFlag("ack-to-deliver", values["ack-to-deliver"], 0, true) ?? 0 };
  if (windowS > 24 * 3600) throw new CliError(`--window: at most 86400 s, got ${windowS}`);
  const source = sourceFromFlags(values, values.queue);
  const scenario = values.scenario ? loadScenario(values.scenario, io.cwd) : undefined;

  const samples: LiveSample[] = [];
  const first = await source.sample();
  if (first.error) failFirst(first.error);
  samples.push(first);
  if (!values.json) io.out(`watching ${source.describe()} for ${windowS} s...\n`);
  const start = io.clock();
  const intervalMs = intervalS * 1000;
  for (let next = start + intervalMs; io.clock() - start < windowS * 1000; ) {
    await sleep(Math.max(0, next - io.clock()));
    samples.push(await source.sample());
    // A reading slower than the interval (a broker timing out) moves the schedule on rather than
    // firing the missed readings back to back at a broker that is just recovering.
    next = io.clock() > next + intervalMs ? io.clock() + intervalMs : next + intervalMs;
  }
  if (samples.every((s, i) => i === 0 || s.error)) {
    const last = samples[samples.length - 1]!;
    if (last.error) failFirst(last.error);
  }
  const estimate = estimateLive(samples, { consumers, prefetch, overheads });
  const report = compareLive({ source: source.describe(), queue: values.queue, estimate, scenario });
  io.out(values.json ? JSON.stringify(report, null, 2) + "\n" : formatLiveReport(report));
  return ExitCode.ok;
}
