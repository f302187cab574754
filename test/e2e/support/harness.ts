import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { build, createServer, preview } from "vite";

/** The Debian package's Chromium; override with KENDALL_CHROMIUM. */
export const chromiumPath = process.env.KENDALL_CHROMIUM ?? "/usr/bin/chromium";
export const root = fileURLToPath(new URL("../../..", import.meta.url));

/**
 * Whether the browser tests can run here. Without Chromium they are skipped with a message,
 * except on CI (CI=true), where a missing browser must fail the run rather than hide it.
 */
export function browserAvailable(): boolean {
  if (existsSync(chromiumPath)) return true;
  if (process.env.CI === "true") throw new Error(`Chromium not found at ${chromiumPath}: the browser tests cannot run on CI without it`);
  console.warn(`[e2e] skipped: Chromium not found at ${chromiumPath} (set KENDALL_CHROMIUM to its path)`);
  return false;
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface App {
  browser: Browser;
  url: string;
  close(): Promise<void>;
}

export interface StartAppOptions {
  /**
   * Serve a production build (`vite build`, then `vite preview`), as `npm start` does, instead
   * of the dev server: what the benchmarks measure, since React's development build is several
   * times slower to render.
   */
  production?: boolean;
}

/** Starts the app (Vite dev server, or a production build when asked) on a free port, and a headless Chromium. */
export async function startApp({ production = false }: StartAppOptions = {}): Promise<App> {
  const port = await freePort();
  const configFile = `${root}/vite.config.ts`;
  let stop: () => Promise<void>;
  if (production) {
    const outDir = mkdtempSync(join(tmpdir(), "kendall-dist-"));
    await build({ root, configFile, logLevel: "error", build: { outDir, emptyOutDir: true } });
    const server = await preview({ root, configFile, logLevel: "error", build: { outDir }, preview: { host: "127.0.0.1", port, strictPort: true } });
    stop = async () => {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    };
  } else {
    const server = await createServer({
      root,
      configFile,
      logLevel: "error",
      clearScreen: false,
      server: { host: "127.0.0.1", port, strictPort: true, hmr: false },
    });
    await server.listen();
    stop = () => server.close();
  }
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  const url = `http://127.0.0.1:${port}/`;
  return {
    browser,
    url,
    async close() {
      await browser.close();
      await stop();
    },
  };
}

/** Opens `url` in a fresh context (own storage) at the given viewport; page errors fail the test. */
export async function openPage(app: App, url = app.url, viewport = { width: 1280, height: 800 }): Promise<{ page: Page; errors: string[] }> {
  const context = await app.browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto(url);
  return { page, errors };
}

/**
 * Waits until the page shows a finished run newer than `after` (the `data-completed` counter).
 * `polling` as Playwright's: every animation frame by default; an interval in ms keeps a long
 * wait from running a callback on every frame of the page it measures (bench/uiLongTasks.ts).
 */
export async function waitForRun(page: Page, after = 0, timeout = 30_000, polling: number | "raf" = "raf"): Promise<number> {
  const handle = await page.waitForFunction(
    (n) => {
      const el = document.querySelector("main.results");
      const done = Number(el?.getAttribute("data-completed") ?? 0);
      return el?.getAttribute("data-running") === "false" && el.getAttribute("data-stale") === "false" && done > n ? done : false;
    },
    after,
    { timeout, polling },
  );
  return (await handle.jsonValue()) as number;
}

/** The simulated text of a headline figure (`throughput`, `W`, `Wq`, `p95`...). */
export async function figureText(page: Page, key: string, column: "sim" | "analytic" = "sim"): Promise<string> {
  const text = await page.locator(`[data-figure="${key}"] td.${column}`).innerText();
  return text.replace(/\s*\*$/, "").trim();
}
