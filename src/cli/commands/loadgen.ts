import { BrokerError, formatLoadgenTable, redactUrl, runLoadgen, urlSecrets, scrubSecrets, type LoadgenOptions } from "../../live/loadgen/index.ts";
import { CliError, ExitCode, oneLine } from "../cliError.ts";
import { fileArgument, intFlag, numberFlag, parseFlags } from "../flags.ts";
import { defineFlags, type CommandHelp } from "../help.ts";
import type { CliIo } from "../io.ts";
import { loadScenario } from "../loadScenario.ts";

/** The `kendall loadgen` line of `kendall --help` (DESIGN.md's contract, plus the tuning flags). */
export const loadgenUsage = "kendall loadgen FILE (--amqp URL | --nats URL) [--queue NAME] [--duration S] [--json] [--drain S] [--seed N] [--queue-type classic|quorum] [--no-simulate]";

/** Longest run `--duration` and `--drain` accept, s (a day). */
const MAX_SECONDS = 86_400;
const DURATION_S = 60;
const DRAIN_S = 30;

const loadgenFlags = defineFlags({
  amqp: { type: "string", arg: "URL", help: "drive RabbitMQ: amqp://[user:pass@]host[:port][/vhost]" },
  nats: { type: "string", arg: "URL", help: "drive NATS JetStream: nats://[user:pass@]host[:port]" },
  queue: { type: "string", arg: "NAME", help: "an existing queue (NATS: stream) to drive; also the scenario queue's id" },
  duration: { type: "string", arg: "S", help: `seconds of publishing, > 0 and at most ${MAX_SECONDS}`, defaultText: String(DURATION_S) },
  drain: { type: "string", arg: "S", help: "seconds to wait after publishing for the last acks", defaultText: String(DRAIN_S) },
  seed: { type: "string", arg: "N", help: "seed of the message plan, 0 to 2^53-1", defaultText: "the scenario's seed" },
  "queue-type": { type: "string", arg: "TYPE", help: "classic or quorum: the new queue's type (--amqp only)", defaultText: "classic" },
  "no-simulate": { type: "boolean", help: "measure only: no simulation beside the measured figures" },
  json: { type: "boolean", help: "print the result as JSON" },
});

/** `kendall loadgen --help`. */
export const loadgenHelp: CommandHelp = {
  name: "loadgen",
  usage: loadgenUsage,
  summary: "drive a real broker with a scenario and measure it",
  about:
    "Drives a real broker with one scenario queue (--queue's id, else the first) for --duration seconds, on a new " +
    "temporary queue unless --queue names one, then prints measured beside analytic and simulated figures.",
  flags: loadgenFlags,
  exitCodes:
    "0 ok, 2 bad input (file, flag, URL, scenario, queue in use), 3 broker unreachable or refusing, or the connection " +
    "lost mid-run (the figures so far are printed), 1 other",
  examples: [
    "kendall loadgen models/orders.json --amqp amqp://guest:guest@127.0.0.1:5672 --duration 60",
    "kendall loadgen models/orders.json --nats nats://127.0.0.1:4222 --duration 30 --json",
  ],
};

function brokerFlag(amqp: string | undefined, nats: string | undefined): LoadgenOptions["broker"] {
  if ((amqp === undefined) === (nats === undefined)) throw new CliError("kendall loadgen: give exactly one of --amqp URL or --nats URL");
  const url = (amqp ?? nats)!;
  const flag = amqp !== undefined ? "amqp" : "nats";
  const ok = flag === "amqp" ? /^amqps?:\/\/[^/]/i.test(url) : /^(nats|tls):\/\/[^/]|^[\w.-]+:\d+$/i.test(url);
  if (!ok || !URL.canParse(url.includes("://") ? url : `nats://${url}`)) {
    const want = flag === "amqp" ? "amqp://[user:pass@]host[:port][/vhost]" : "nats://[user:pass@]host[:port]";
    throw new CliError(`--${flag}: expected a URL like ${want}, got ${JSON.stringify(scrubSecrets(redactUrl(url), urlSecrets(url)))}`);
  }
  return { kind: flag === "amqp" ? "rabbitmq" : "nats", url };
}

/**
 * `kendall loadgen`: drives a real broker with a scenario queue (the one whose id is `--queue`,
 * else the first), then prints what was measured beside the simulation and the analytic model.
 * Exit 3 when the broker is unreachable or refuses, or the connection drops mid-run (the figures
 * so far are still printed); 2 for bad input.
 */
export async function loadgenCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags("loadgen", args, loadgenFlags);
  const file = fileArgument("loadgen", positionals);
  const broker = brokerFlag(values.amqp, values.nats);
  const durationS = numberFlag("duration", values.duration, 0) ?? DURATION_S;
  const drainS = numberFlag("drain", values.drain, 0, true) ?? DRAIN_S;
  for (const [name, v] of [["duration", durationS], ["drain", drainS]] as const) {
    if (v > MAX_SECONDS) throw new CliError(`--${name}: at most ${MAX_SECONDS} s, got ${v}`);
  }
  const seed = intFlag("seed", values.seed, 0, 2 ** 53 - 1);
  const queueType = values["queue-type"];
  if (queueType !== undefined && queueType !== "classic" && queueType !== "quorum") throw new CliError(`--queue-type: expected classic or quorum, got ${JSON.stringify(queueType)}`);
  if (queueType !== undefined && broker.kind !== "rabbitmq") throw new CliError("--queue-type applies to RabbitMQ (--amqp) only");
  if (values.queue !== undefined && values.queue.trim() === "") throw new CliError("--queue: expected a queue name, got an empty string");
  const scenario = loadScenario(file, io.cwd);
  const byId = scenario.queues.findIndex((q) => q.id === values.queue);
  const queueIndex = byId >= 0 ? byId : 0;
  const interrupt = new AbortController();
  const onSigint = () => interrupt.abort();
  process.once("SIGINT", onSigint);
  try {
    const result = await runLoadgen({
      scenario, queueIndex, durationS, drainS, seed, signal: interrupt.signal, clock: io.clock, simulate: !values["no-simulate"],
      broker: { ...broker, ...(values.queue !== undefined ? { queue: values.queue } : {}), ...(queueType ? { queueType } : {}) },
    });
    io.out(values.json ? JSON.stringify(result, null, 2) + "\n" : formatLoadgenTable(result));
    if (result.stopped?.reason === "connection lost") {
      io.err(oneLine(`kendall loadgen: ${result.stopped.detail ?? "connection lost"}; stopped after ${result.publishedForS.toFixed(1)} s with the figures so far`) + "\n");
      return ExitCode.brokerUnreachable;
    }
    return ExitCode.ok;
  } catch (e) {
    if (e instanceof BrokerError) throw new CliError(`kendall loadgen: ${e.message}`, e.kind === "queue-in-use" ? ExitCode.badInput : ExitCode.brokerUnreachable);
    if (e instanceof RangeError || e instanceof TypeError) throw new CliError(`kendall loadgen: ${file}: ${e.message}`);
    throw e;
  } finally {
    process.removeListener("SIGINT", onSigint);
  }
}
