import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { createBridgeHandler, type BridgeOptions } from "./handler.ts";
import { assertLoopbackBind } from "./guards.ts";

export { createBridgeHandler, bridgeLimits, type BridgeLimits, type BridgeOptions } from "./handler.ts";
export { assertLoopbackBind, isAllowedOrigin, isLoopbackHostHeader, RateLimiter } from "./guards.ts";

/** Options of {@link startBridge}. */
export interface StartBridgeOptions extends BridgeOptions {
  /** Loopback address to listen on; default 127.0.0.1. Anything else is refused. */
  host?: string;
  /** Port; default 5174; 0 picks a free one. */
  port?: number;
}

/** A running bridge. */
export interface RunningBridge {
  server: Server;
  /** `http://127.0.0.1:PORT`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Starts the broker bridge on a loopback address (see `createBridgeHandler`). Throws a
 * RangeError for a non-loopback host before opening any socket; rejects when the port is taken.
 */
export async function startBridge(options: StartBridgeOptions = {}): Promise<RunningBridge> {
  const { host = "127.0.0.1", port = 5174, ...rest } = options;
  assertLoopbackBind(host);
  const server = createServer(createBridgeHandler(rest));
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;
  server.maxHeadersCount = 64;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host === "localhost" ? "127.0.0.1" : host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    server,
    url: `http://${shown}:${address.port}`,
    port: address.port,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

// `node --import tsx src/live/bridge/server.ts` (what `npm start` runs): listen until stopped.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const host = process.env.KENDALL_BRIDGE_HOST ?? "127.0.0.1";
  const port = Number(process.env.KENDALL_BRIDGE_PORT ?? 5174);
  startBridge({ host, port, log: (line) => process.stdout.write(`[bridge] ${line}\n`) }).then(
    (b) => process.stdout.write(`[bridge] Kendall broker bridge on ${b.url} (loopback only; targets in memory only)\n`),
    (e: NodeJS.ErrnoException) => {
      process.stderr.write(`[bridge] cannot start: ${e.code === "EADDRINUSE" ? `port ${port} is in use (set KENDALL_BRIDGE_PORT)` : e.message}\n`);
      process.exit(1);
    },
  );
}
