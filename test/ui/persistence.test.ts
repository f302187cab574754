import { describe, expect, it } from "vitest";
import { encodeScenarioToUrlParam, parseScenario, serializeScenario, type Scenario } from "../../src/scenario/index.ts";
import { exportFileName, hrefWithScenario, restoreScenario, storedText, urlParam, workersFromSearch } from "../../src/ui/model/persistence.ts";
import orders from "../../models/orders.json" with { type: "json" };
import mm1 from "../../models/mm1.json" with { type: "json" };

function scenarioOf(json: unknown): Scenario {
  const parsed = parseScenario(json);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}
const fallback = scenarioOf(orders);
const other = { ...scenarioOf(mm1), seed: 99 };

describe("restoreScenario", () => {
  it("opens the scenario of a shared link", () => {
    const r = restoreScenario(`?${urlParam}=${encodeScenarioToUrlParam(other)}`, null, fallback);
    expect(r.source).toBe("url");
    expect(r.scenario).toEqual(other);
    expect(r.notice).toBeNull();
  });

  it("prefers the link to the stored scenario", () => {
    const r = restoreScenario(`?s=${encodeScenarioToUrlParam(other)}`, storedText(fallback), fallback);
    expect(r.scenario.seed).toBe(99);
  });

  it.each(["garbage!!", "", "N4Ig", encodeScenarioToUrlParam(other).slice(0, -4)])("keeps the last scenario, with a message, for a bad link %j", (param) => {
    const r = restoreScenario(`?s=${encodeURIComponent(param)}`, storedText(other), fallback);
    expect(r.source).toBe("storage");
    expect(r.scenario).toEqual(other);
    expect(r.notice).toMatch(/could not be opened.*your last scenario/);
  });

  it("falls back to the default, with a message, for a bad link when nothing is stored", () => {
    const r = restoreScenario("?s=garbage!!", null, fallback);
    expect(r.source).toBe("default");
    expect(r.scenario).toBe(fallback);
    expect(r.notice).toMatch(/could not be opened.*default/);
  });

  it("restores the last scenario from storage", () => {
    const r = restoreScenario("", storedText(other), fallback);
    expect(r.source).toBe("storage");
    expect(r.scenario).toEqual(other);
  });

  it.each(["{not json", "null", '{"version": 1, "queues": []}', "", '{"version": 99}'])("ignores a corrupt stored value %j", (stored) => {
    const r = restoreScenario("", stored, fallback);
    expect(r.source).toBe("default");
    expect(r.scenario).toBe(fallback);
    expect(r.notice).toBeNull();
  });
});

describe("hrefWithScenario", () => {
  it("puts the scenario in ?s= and keeps other parameters and the fragment", () => {
    const href = hrefWithScenario("http://127.0.0.1:5173/?x=1#top", other);
    const url = new URL(href);
    expect(url.searchParams.get("x")).toBe("1");
    expect(url.hash).toBe("#top");
    const back = restoreScenario(url.search, null, fallback);
    expect(serializeScenario(back.scenario)).toBe(serializeScenario(other));
  });
});

describe("exportFileName", () => {
  it("makes a safe file name from the scenario name", () => {
    expect(exportFileName({ ...other, name: "Orders, two consumers" })).toBe("orders-two-consumers.json");
    expect(exportFileName({ ...other, name: "<script>/../../" })).toBe("script.json");
    expect(exportFileName({ ...other, name: "!!!" })).toBe("scenario.json");
  });

  it("reads ?workers=N, and names a value that is not a whole number >= 1 instead of using it", () => {
    expect(workersFromSearch("?s=abc")).toEqual({ notice: null });
    expect(workersFromSearch("?workers=1&s=abc")).toEqual({ workers: 1, notice: null });
    expect(workersFromSearch("?workers=3")).toEqual({ workers: 3, notice: null });
    for (const bad of ["0", "-2", "1.5", "", "two", "Infinity"]) {
      const r = workersFromSearch(`?workers=${bad}`);
      expect(r.workers).toBeUndefined();
      expect(r.notice).toBe(`The link's workers parameter ${JSON.stringify(bad)} is not a whole number of at least 1; long runs use one worker per processor.`);
    }
  });
});
