import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { startBridge, type RunningBridge } from "../../src/live/bridge/server.ts";
import { LiveSession, type LiveViewState } from "../../src/ui/live/liveSession.ts";
import { upstream } from "../live/support/httpHelpers.ts";

// The session against the real bridge and a loopback stand-in for the RabbitMQ management API
// that answers a recorded 3.10 response (test/live/fixtures), or fails as told.
const fixture = readFileSync(new URL("../live/fixtures/rabbitmq-3.10-api-queue-busy.json", import.meta.url), "utf8");

async function until(session: LiveSession, test: (s: LiveViewState) => boolean, timeoutMs = 5000): Promise<LiveViewState> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (test(session.getSnapshot())) return session.getSnapshot();
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out; status ${JSON.stringify(session.getSnapshot().status)}`);
}

describe("LiveSession through the bridge", () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const f of cleanup.splice(0).reverse()) await f();
  });

  async function setup(): Promise<{ mode: { answer: "ok" | "401" | "404" | "garbage" }; session: LiveSession; bridge: () => RunningBridge; restartBridge(): Promise<void> }> {
    const mode: { answer: "ok" | "401" | "404" | "garbage" } = { answer: "ok" };
    const broker = await upstream((_req, res) => {
      if (mode.answer === "401") res.writeHead(401).end("unauthorized");
      else if (mode.answer === "404") res.writeHead(404, { "content-type": "application/json" }).end('{"error":"Object Not Found","reason":"Not Found"}');
      else if (mode.answer === "garbage") res.writeHead(200, { "content-type": "application/json" }).end("{not json");
      else res.writeHead(200, { "content-type": "application/json" }).end(fixture);
    });
    let bridge = await startBridge({ port: 0 });
    const port = bridge.port;
    const session = new LiveSession(0.05, 30, () => Date.now(), `http://127.0.0.1:${port}/bridge`);
    cleanup.push(() => broker.close(), () => bridge.close(), () => session.stop());
    session.connect({ kind: "rabbitmq-api", baseUrl: broker.url, queue: "orders", username: "guest", password: "guest" });
    return {
      mode, session, bridge: () => bridge,
      async restartBridge() {
        await bridge.close();
        bridge = await startBridge({ port });
      },
    };
  }

  it("reads, then shows 401, unknown queue and malformed answers, and recovers by itself each time", async () => {
    const { mode, session } = await setup();
    await until(session, (s) => s.status.kind === "reading");
    for (const [answer, code] of [["401", "unauthorized"], ["404", "notFound"], ["garbage", "malformed"]] as const) {
      mode.answer = answer;
      await until(session, (s) => s.status.kind === "failing" && s.status.code === code);
      mode.answer = "ok";
      const s = await until(session, (v) => v.status.kind === "reading");
      expect(s.status).toMatchObject({ kind: "reading", recoveredFrom: code });
    }
    expect(session.getSnapshot().history.points.length).toBeGreaterThan(3);
  });

  it("configures the bridge again when it restarts and forgets its targets (credentials live in memory only)", async () => {
    const { session, restartBridge } = await setup();
    await until(session, (s) => s.status.kind === "reading");
    const before = session.getSnapshot().readings;
    await restartBridge();
    await until(session, (s) => s.status.kind === "reading" && s.readings > before + 3);
    expect(JSON.stringify(session.getSnapshot())).not.toContain("guest");
  });

  it("shows the bridge itself unreachable, then recovers when it is back", async () => {
    const { session, bridge, restartBridge } = await setup();
    await until(session, (s) => s.status.kind === "reading");
    await bridge().close();
    await until(session, (s) => s.status.kind === "failing" && s.status.code === "unreachable");
    await restartBridge();
    await until(session, (s) => s.status.kind === "reading");
  });
});
