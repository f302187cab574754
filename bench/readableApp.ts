/**
 * The app as `npm start` serves it (a production build: React's production runtime, behind
 * `vite preview`) but not minified and with source maps, so that a CPU profile of the page
 * names its functions and each function can be traced back to its module. Minifying shortens
 * names and the download; it does not change what runs, so the page's tasks take the same time.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { SourceMap, type SourceMapPayload } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { build, preview } from "vite";
import { chromiumPath, freePort, root, type App } from "../test/e2e/support/harness.ts";

/** Builds the app unminified, serves it on a free loopback port and starts a headless Chromium. */
export async function startReadableApp(): Promise<App> {
  const port = await freePort();
  const configFile = `${root}/vite.config.ts`;
  const outDir = mkdtempSync(join(tmpdir(), "kendall-bench-dist-"));
  await build({ root, configFile, logLevel: "error", build: { outDir, emptyOutDir: true, minify: false, sourcemap: true } });
  const server = await preview({ root, configFile, logLevel: "error", build: { outDir }, preview: { host: "127.0.0.1", port, strictPort: true } });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  return {
    browser,
    url: `http://127.0.0.1:${port}/`,
    async close() {
      await browser.close();
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/** The module (`src/...`, `node_modules/...`) of a position in a bundle, 0-based line and column; "" when the map does not say. */
export type ModuleAt = (line: number, column: number) => string;

/** Reads the source map served beside `bundleUrl` (node's own decoder), to put bundle positions back in their modules. */
export async function fetchModuleMap(bundleUrl: string): Promise<ModuleAt> {
  const response = await fetch(`${bundleUrl.replace(/\?.*$/, "")}.map`);
  if (!response.ok) return () => "";
  const map = new SourceMap((await response.json()) as SourceMapPayload);
  return (line, column) => {
    const entry = map.findEntry(line, column) as { originalSource?: string };
    return /(?:src|node_modules)\/.*$/.exec(entry.originalSource ?? "")?.[0] ?? "";
  };
}
