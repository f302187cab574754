import { execFile } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * A second RabbitMQ node of our own, on loopback ports apart from the shared one (5672/15672),
 * which other suites use at the same time and which must never be stopped. Its data, logs and
 * configuration live in a temporary directory; the Erlang cookie is the system's, shared by
 * `rabbitmqctl`. Stopping and starting it is how a test sees a broker go down and come back.
 */
export const privateNode = {
  name: "kendall-fault@localhost",
  amqpPort: 5682,
  managementPort: 15682,
  prometheusPort: 15702,
  distPort: 25682,
} as const;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** True when `rabbitmq-server` and `rabbitmqctl` are installed. */
export async function hasRabbitServer(): Promise<boolean> {
  try {
    await run("sh", ["-c", "command -v rabbitmq-server && command -v rabbitmqctl"]);
    return true;
  } catch {
    return false;
  }
}

async function managementAnswers(timeoutMs = 1000): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${privateNode.managementPort}/api/overview`, { headers: { authorization: `Basic ${btoa("guest:guest")}` }, signal: AbortSignal.timeout(timeoutMs) });
    await res.body?.cancel();
    return res.status === 200;
  } catch {
    return false;
  }
}

function rabbitUid(): { uid: number; gid: number } | undefined {
  // The system scripts run the node as user rabbitmq (su from root): it must own the directory.
  try {
    const s = statSync("/var/lib/rabbitmq");
    return { uid: s.uid, gid: s.gid };
  } catch {
    return undefined;
  }
}

function chownTree(path: string, owner: { uid: number; gid: number }): void {
  chownSync(path, owner.uid, owner.gid);
  if (statSync(path).isDirectory()) for (const f of readdirSync(path)) chownTree(join(path, f), owner);
}

const lockFile = join(tmpdir(), "kendall-fault-node.lock");

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Takes the machine-wide lock on the private node's name and ports, waiting up to `waitMs`
 * while another test run holds it (two runs at once would stop each other's node). A lock whose
 * process is gone is taken over. Returns false when the wait ran out.
 */
export async function lockPrivateNode(waitMs = 120_000): Promise<boolean> {
  const t0 = performance.now();
  for (;;) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      return true;
    } catch {
      const owner = Number(readFileSync(lockFile, "utf8").trim());
      if (!(Number.isInteger(owner) && owner > 0 && pidAlive(owner))) rmSync(lockFile, { force: true });
      else if (performance.now() - t0 > waitMs) return false;
      else await sleep(500);
    }
  }
}

/** Releases the lock if this process holds it. */
export function unlockPrivateNode(): void {
  if (existsSync(lockFile) && readFileSync(lockFile, "utf8").trim() === String(process.pid)) rmSync(lockFile, { force: true });
}

/** A private node: `start` boots it (resolves when the management API answers), `stop` halts it, `dispose` stops it and deletes its directory. */
export function privateRabbit() {
  const dir = mkdtempSync(join(tmpdir(), "kendall-fault-"));
  const conf = [
    `listeners.tcp.1 = 127.0.0.1:${privateNode.amqpPort}`,
    `management.tcp.ip = 127.0.0.1`,
    `management.tcp.port = ${privateNode.managementPort}`,
    `prometheus.tcp.ip = 127.0.0.1`,
    `prometheus.tcp.port = ${privateNode.prometheusPort}`,
    // Counters refresh every second instead of 5, so a short test sees them move.
    `collect_statistics_interval = 1000`,
  ].join("\n");
  writeFileSync(join(dir, "rabbitmq.conf"), conf + "\n");
  writeFileSync(join(dir, "enabled_plugins"), "[rabbitmq_management,rabbitmq_prometheus].\n");
  writeFileSync(join(dir, "rabbitmq-env.conf"), "");
  const owner = process.getuid?.() === 0 ? rabbitUid() : undefined;
  if (owner) chownTree(dir, owner);
  const env = {
    ...process.env,
    RABBITMQ_NODENAME: privateNode.name,
    RABBITMQ_NODE_PORT: String(privateNode.amqpPort),
    RABBITMQ_DIST_PORT: String(privateNode.distPort),
    RABBITMQ_MNESIA_BASE: join(dir, "mnesia"),
    RABBITMQ_LOG_BASE: join(dir, "log"),
    RABBITMQ_PID_FILE: join(dir, "node.pid"),
    RABBITMQ_CONFIG_FILE: join(dir, "rabbitmq.conf"),
    RABBITMQ_ENABLED_PLUGINS_FILE: join(dir, "enabled_plugins"),
    // One scheduler: on this 2-core machine the node must not starve the suites running beside it.
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS: "+S 1:1 +SDcpu 1:1",
    // Not the system's rabbitmq-env.conf, which names the shared node.
    RABBITMQ_CONF_ENV_FILE: join(dir, "rabbitmq-env.conf"),
  };
  const ctl = (...args: string[]) => run("rabbitmqctl", ["-n", privateNode.name, ...args], { env, cwd: tmpdir(), timeout: 30_000 });

  const pidFile = join(dir, "node.pid");
  const alive = pidAlive;

  /**
   * Halts the node. Our own node by the pid it wrote: SIGTERM, which RabbitMQ takes as an
   * orderly shutdown (as `systemctl stop` sends), ~1 s; a node of an aborted run, whose pid we do
   * not have, by `rabbitmqctl -n kendall-fault@localhost stop` (~5.5 s: the CLI boots a VM).
   */
  async function stop(signal: "SIGTERM" | "SIGKILL" = "SIGTERM"): Promise<void> {
    const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, "utf8").trim()) : NaN;
    if (Number.isInteger(pid) && pid > 1 && alive(pid)) {
      process.kill(pid, signal);
      for (let i = 0; i < 120 && alive(pid); i++) await sleep(100);
      if (alive(pid)) await ctl("stop").catch(() => undefined);
    } else {
      await ctl("stop").catch(() => undefined);
    }
    rmSync(pidFile, { force: true });
    for (let i = 0; i < 40 && (await managementAnswers(500)); i++) await sleep(250);
  }

  return {
    dir,
    /** Boots the node; resolves once the management API answers (about 4-6 s here), rejects after `timeoutMs`. */
    async start(timeoutMs = 40_000): Promise<number> {
      const t0 = performance.now();
      await run("rabbitmq-server", ["-detached"], { env, cwd: tmpdir(), timeout: 20_000 });
      while (!(await managementAnswers())) {
        if (performance.now() - t0 > timeoutMs) throw new Error(`private RabbitMQ node did not answer within ${timeoutMs} ms (logs in ${dir}/log)`);
        await sleep(200);
      }
      return performance.now() - t0;
    },
    /** Halts the node; resolves once it is gone and its management port is closed. */
    stop,
    /** Kills the node if it runs (a stale one from an aborted run: stops it) and deletes its directory. */
    async dispose(): Promise<void> {
      // Its data is thrown away: no orderly shutdown needed.
      await stop("SIGKILL");
      rmSync(dir, { recursive: true, force: true });
    },
    /** True when something answers on the private management port (a stale node). */
    isUp: () => managementAnswers(),
  };
}
