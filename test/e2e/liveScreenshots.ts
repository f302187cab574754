// Writes screenshots of the live view to /tmp/kendall-shots/ (desktop 1280x800 and phone
// 390x844), for a person to look at: `npx tsx test/e2e/liveScreenshots.ts`.
import { mkdirSync } from "node:fs";
import { startBridge } from "../../src/live/bridge/server.ts";
import { encodeScenarioToUrlParam, parseScenario } from "../../src/scenario/index.ts";
import { freePort, openPage, startApp } from "./support/harness.ts";
import unstable from "../../models/unstable.json" with { type: "json" };

const out = "/tmp/kendall-shots";
mkdirSync(out, { recursive: true });
const bridge = await startBridge({ port: 0 });
process.env.KENDALL_BRIDGE_PORT = String(bridge.port);
const app = await startApp();
const closed = await freePort();
try {
  for (const [name, viewport] of [["desktop", { width: 1280, height: 800 }], ["phone", { width: 390, height: 844 }]] as const) {
    const { page, errors } = await openPage(app, app.url, viewport);
    await page.locator("[data-testid=live] summary").click();
    await page.waitForTimeout(12_000);
    await page.getByTestId("live").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${out}/${name}-live.png` });
    await page.getByTestId("live").screenshot({ path: `${out}/${name}-live-panel.png` });
    const form = page.getByTestId("live-source");
    await form.locator('select[name="kind"]').selectOption("rabbitmq-api");
    await form.locator('input[name="baseUrl"]').fill(`http://127.0.0.1:${closed}`);
    await form.locator('input[name="queue"]').fill("orders");
    await form.getByRole("button", { name: "Connect" }).click();
    await page.locator('[data-live-status="unreachable"]').waitFor({ timeout: 20_000 });
    await page.getByTestId("live").screenshot({ path: `${out}/${name}-live-unreachable.png` });
    if (errors.filter((e) => !/Failed to load resource/.test(e)).length) console.log(name, "page errors:", errors);
    await page.context().close();
  }
  // An overloaded queue on the in-browser broker: the rho and backlog warnings.
  const parsed = parseScenario(unstable);
  if (!parsed.ok) throw new Error("unstable.json does not parse");
  const { page } = await openPage(app, `${app.url}?s=${encodeScenarioToUrlParam(parsed.scenario)}`, { width: 1280, height: 800 });
  await page.locator("[data-testid=live] summary").click();
  await page.waitForTimeout(12_000);
  await page.getByTestId("live").screenshot({ path: `${out}/desktop-live-unstable.png` });
  await page.context().close();
  console.log(`screenshots in ${out}`);
} finally {
  await app.close();
  await bridge.close();
}
