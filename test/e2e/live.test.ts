import { mkdirSync } from "node:fs";
import amqp, { type Channel, type ChannelModel } from "amqplib";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBridge, type RunningBridge } from "../../src/live/bridge/server.ts";
import { encodeScenarioToUrlParam, parseScenario } from "../../src/scenario/index.ts";
import { answers, exponential, poissonPublisher, shouldRun, streams } from "../live/support/realLoad.ts";
import { browserAvailable, freePort, openPage, startApp, type App } from "./support/harness.ts";
import mm1 from "../../models/mm1.json" with { type: "json" };

// The live view in Chromium, with the loopback bridge started here and Vite's /bridge proxy
// pointed at it (KENDALL_BRIDGE_PORT is read when vite.config.ts loads).
const rabbitUp = await answers("http://127.0.0.1:15672/api/overview");

/** The number at the start of a figure's observed cell ("19.8 ± 2.1 msg/s" -> 19.8), or null for "–". */
async function observed(page: Page, key: string): Promise<number | null> {
  const text = await page.locator(`[data-live-figure="${key}"] td.observed`).innerText().catch(() => "");
  const m = /^-?[\d.]+(e[-+]?\d+)?/.exec(text.trim());
  return m ? Number(m[0]) : null;
}

async function openLive(page: Page): Promise<void> {
  await page.locator("[data-testid=live] summary").click();
  await page.getByTestId("live-source").waitFor();
}

/** Picks a source and fills the form (the password goes to the bridge only). */
async function connect(page: Page, kind: string, baseUrl: string, queue: string, user?: string, password?: string): Promise<void> {
  const form = page.getByTestId("live-source");
  await form.locator('select[name="kind"]').selectOption(kind);
  await form.locator('input[name="baseUrl"]').fill(baseUrl);
  await form.locator('input[name="queue"]').fill(queue);
  if (user !== undefined) await form.locator('input[name="username"]').fill(user);
  if (password !== undefined) await form.locator('input[name="password"]').fill(password);
  await form.getByRole("button", { name: "Connect" }).click();
}

const networkNoise = (errors: string[]) => errors.filter((e) => !/Failed to load resource/.test(e));

describe.skipIf(!browserAvailable())("the live view in Chromium", () => {
  let app: App;
  let bridge: RunningBridge;
  beforeAll(async () => {
    bridge = await startBridge({ port: 0 });
    process.env.KENDALL_BRIDGE_PORT = String(bridge.port);
    app = await startApp();
  }, 30_000);
  afterAll(async () => {
    await app?.close();
    await bridge?.close();
  });

  it("shows the in-browser broker's figures and the model's prediction with nothing configured", async () => {
    const { page, errors } = await openPage(app);
    await openLive(page);
    await page.waitForFunction(() => /^[\d.]+/.test(document.querySelector('[data-live-figure="lambda"] td.observed')?.textContent ?? ""), undefined, { timeout: 20_000 });
    expect(await page.locator("[data-live-status]").getAttribute("data-live-status")).toBe("reading");
    await expect(page.getByTestId("live-model").innerText()).resolves.toMatch(/^Model: M\/M\/\d/);
    // The orders example's model gives an arrival rate: the model column is filled.
    expect(await page.locator('[data-live-figure="lambda"] td.predicted').innerText()).toMatch(/^[\d.]+ msg\/s$/);
    for (const id of ["live-chart-rates", "live-chart-depth", "live-chart-wait"]) expect(await page.getByTestId(id).locator("path").count()).toBeGreaterThan(0);
    // The publish-to-deliver overhead (ms): refused text is named beside the field and the
    // prediction keeps its last good value; a good one is added to the predicted W.
    const predictedW = async () => Number(/^([\d.]+) ms$/.exec(await page.locator('[data-live-figure="W"] td.predicted').innerText())?.[1]);
    const before = await predictedW();
    expect(before).toBeGreaterThan(0);
    const field = page.locator('[data-overhead="publishToDeliverS"]');
    await field.locator("input").fill("abc");
    await expect(field.locator(".field-error").innerText()).resolves.toBe('Publish → deliver: "abc" is not a number of milliseconds ≥ 0; keeping 0 ms.');
    expect(await predictedW()).toBe(before);
    await field.locator("input").fill("5");
    await field.locator(".field-error").waitFor({ state: "detached" });
    // 3 significant digits on each side: within 0.15 ms of before + 5 ms.
    expect(Math.abs((await predictedW()) - before - 5)).toBeLessThan(0.15);
    await expect(page.getByTestId("live-model-note").innerText()).resolves.toMatch(/W and Wq include 5 ms publish-to-deliver overhead/);
    expect(await page.getByTestId("live").innerText()).not.toMatch(/NaN|Infinity/);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 40_000);

  it("shows an unreachable broker as unreachable, without a crash", async () => {
    const port = await freePort();
    const { page, errors } = await openPage(app);
    await openLive(page);
    await connect(page, "rabbitmq-api", `http://127.0.0.1:${port}`, "nowhere", "guest", "secret-pass");
    await page.locator('[data-live-status="unreachable"]').waitFor({ timeout: 20_000 });
    await expect(page.locator(".live-failing strong").innerText()).resolves.toBe("Unreachable");
    // The password went into the bridge's POST body only: not the address, storage or the form.
    expect(page.url()).not.toContain("secret-pass");
    expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain("secret-pass");
    expect(await page.locator('input[name="password"]').inputValue()).toBe("");
    expect(await page.getByTestId("live").innerText()).not.toMatch(/NaN/);
    expect(networkNoise(errors)).toEqual([]);
    await page.context().close();
  }, 40_000);

  describe.skipIf(!shouldRun("RabbitMQ", rabbitUp))("against the real RabbitMQ", () => {
    const queue = `kendall-e2e-live-${process.pid}-${Date.now()}`;
    const rate = 20;
    const consumers = 3;
    const conns: ChannelModel[] = [];
    let publisher: Channel;
    let closing = false;
    let load: Promise<number[]> | null = null;

    beforeAll(async () => {
      const url = "amqp://guest:guest@127.0.0.1:5672";
      const conn = await amqp.connect(url, { noDelay: true });
      conns.push(conn);
      publisher = await conn.createChannel();
      await publisher.assertQueue(queue, { durable: false, autoDelete: false });
      const rng = streams(20261128);
      for (let k = 0; k < consumers; k++) {
        const c = await amqp.connect(url, { noDelay: true });
        conns.push(c);
        const ch = await c.createChannel();
        await ch.prefetch(1);
        await ch.consume(queue, (m) => {
          if (m) setTimeout(() => !closing && ch.ack(m), exponential(rng.service, 60));
        });
      }
      // M/M/3 with lambda 20 msg/s and 60 ms service: rho = 0.4. Runs while the page reads.
      load = poissonPublisher(rate, 45_000, rng.arrivals, () => publisher.sendToQueue(queue, Buffer.from("m")));
      // The management API's first statistics of a new queue count 0 published whatever was sent
      // (its first 5 s refresh is the baseline): a reading then would start the window at a false
      // 0. A user connects to a queue that has been running; so does this test, after two refreshes.
      await new Promise((r) => setTimeout(r, 10_000));
    }, 30_000);

    afterAll(async () => {
      closing = true;
      await load?.catch(() => undefined);
      await publisher?.deleteQueue(queue).catch(() => undefined);
      for (const c of conns) await c.close().catch(() => undefined);
    }, 60_000);

    it("reads the queue through the management API, sees the generated rate, and fits the scenario to it", async () => {
      const parsed = parseScenario(mm1);
      if (!parsed.ok) throw new Error("mm1.json does not parse");
      const { page, errors } = await openPage(app, `${app.url}?s=${encodeScenarioToUrlParam(parsed.scenario)}`);
      await openLive(page);
      await connect(page, "rabbitmq-api", "http://127.0.0.1:15672", queue, "guest", "guest");
      // Management counters refresh every 5 s: a few refreshes are needed for a rate. Over >= 15 s
      // at 20 msg/s about 300 messages are counted (Poisson sd 5.8%): 25% is over 4 sd.
      let lambda: number | null = null;
      const deadline = Date.now() + 40_000;
      while (Date.now() < deadline) {
        lambda = await observed(page, "lambda");
        const windowText = await page.locator('[data-live-figure="lambda"] td.window').innerText().catch(() => "");
        const windowS = Number(/^([\d.]+) s/.exec(windowText)?.[1] ?? 0);
        if (lambda !== null && windowS >= 15) break;
        await page.waitForTimeout(1000);
      }
      expect(await page.locator("[data-live-status]").getAttribute("data-live-status")).toBe("reading");
      expect(lambda).not.toBeNull();
      expect(Math.abs(lambda! / rate - 1)).toBeLessThan(0.25);
      expect(await observed(page, "consumers")).toBe(consumers);
      // Kept for a person to look at, beside those of test/e2e/liveScreenshots.ts.
      mkdirSync("/tmp/kendall-shots", { recursive: true });
      await page.getByTestId("live").screenshot({ path: "/tmp/kendall-shots/desktop-live-rabbitmq.png" });
      await page.getByTestId("live-fit").click();
      const rateField = page.locator('[data-field="rate"] input[type="text"]');
      await page.waitForFunction((want) => document.querySelector<HTMLInputElement>('[data-field="consumers"] input[type="text"]')?.value === String(want), consumers, { timeout: 5000 });
      const fittedRate = Number(await rateField.inputValue());
      expect(Math.abs(fittedRate / rate - 1)).toBeLessThan(0.25);
      expect(fittedRate).not.toBe(8); // mm1.json's rate before the fit
      await expect(page.locator(".notice").innerText()).resolves.toMatch(/Fitted to RabbitMQ management API/);
      expect(page.url()).not.toContain("guest:guest");
      expect(await page.getByTestId("live").innerText()).not.toMatch(/NaN/);
      expect(networkNoise(errors)).toEqual([]);
      await page.context().close();
    }, 60_000);
  });
});
