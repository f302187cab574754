import { spawn, type ChildProcess } from "node:child_process";
import { chromium } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { browserAvailable, chromiumPath, freePort, root, waitForRun } from "./support/harness.ts";

/** Polls `url` until it answers `want` (any status when absent) or `timeoutMs` passes; then returns the last answer. */
async function waitForHttp(url: string, timeoutMs: number, want?: number): Promise<Response> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      const r = await fetch(url);
      // The page may be served before the bridge listens: the proxy answers 502 until it does.
      if (want === undefined || r.status === want || Date.now() > end) return r;
      await new Promise((res) => setTimeout(res, 200));
    } catch (e) {
      if (Date.now() > end) throw new Error(`${url} did not answer within ${timeoutMs} ms: ${String(e)}`, { cause: e });
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

// The README's first command, as a newcomer runs it: `npm start` builds the page, serves it
// with `vite preview` and runs the bridge behind /bridge. Free ports keep it off a running copy.
describe.skipIf(!browserAvailable())("npm start", () => {
  let child: ChildProcess | null = null;
  afterAll(() => {
    child?.kill("SIGTERM");
  });

  it("serves the production page, which opens on the orders scenario, with the bridge behind /bridge", async () => {
    const [port, bridgePort] = [await freePort(), await freePort()];
    child = spawn(process.execPath, ["scripts/start.mjs"], { cwd: root, env: { ...process.env, PORT: String(port), KENDALL_BRIDGE_PORT: String(bridgePort) }, stdio: "pipe" });
    let output = "";
    child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
    const url = `http://127.0.0.1:${port}/`;
    const page = await waitForHttp(url, 60_000);
    expect(page.status, output).toBe(200);
    const html = await page.text();
    // A production build: hashed bundles, not the dev server's /src/main.tsx and its React refresh client.
    expect(html).toMatch(/\/assets\/index-[\w-]+\.js/);
    expect(html).not.toContain("/@vite/client");
    const health = await waitForHttp(`${url}bridge/health`, 20_000, 200);
    expect(health.status, output).toBe(200);

    const browser = await chromium.launch({ executablePath: chromiumPath, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
    try {
      const tab = await browser.newPage();
      const errors: string[] = [];
      tab.on("pageerror", (e) => errors.push(e.message));
      await tab.goto(url);
      await waitForRun(tab, 0, 60_000);
      await expect(tab.locator("h1, header").first().innerText()).resolves.toMatch(/Kendall/);
      await expect(tab.locator('[data-figure="throughput"] td.sim').innerText()).resolves.toMatch(/\d/);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
