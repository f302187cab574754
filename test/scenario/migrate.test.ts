import { describe, expect, it } from "vitest";
import { currentScenarioVersion, migrateScenario, parseScenario, scenarioMigrations } from "../../src/scenario/index.ts";
import { migrateWith } from "../../src/scenario/migrate.ts";
import { errorsOf, rawScenario } from "./helpers.ts";

describe("scenario versions", () => {
  it("reads version 1, the current version, unchanged", () => {
    const raw = rawScenario();
    expect(migrateScenario(raw)).toEqual({ ok: true, raw, from: 1 });
    expect(currentScenarioVersion).toBe(1);
  });

  it("refuses a file without a version", () => {
    const { version: _version, ...raw } = rawScenario();
    expect(errorsOf(raw)).toEqual(['version: missing: a scenario file starts with "version": 1 (the format version)']);
  });

  it("refuses a version written by a newer Kendall", () => {
    expect(errorsOf(rawScenario({ version: 3 }))).toEqual([
      "version: this scenario was written by a newer version of Kendall (version 3); this version reads version 1",
    ]);
  });

  it.each([[0], [1.5], ["1"], [null], [-1]])("refuses the version %j", (version) => {
    expect(errorsOf(rawScenario({ version }))[0]).toMatch(/^version: expected the format version, a whole number such as 1, got /);
  });

  it("refuses input that is not an object", () => {
    expect(errorsOf("hello")).toEqual(['expected a scenario object like {"version": 1, "queues": [...]}, got "hello"']);
  });

  it("has a migration for every version older than the current one", () => {
    for (let v = 1; v < currentScenarioVersion; v++) expect(scenarioMigrations[v]).toBeTypeOf("function");
    expect(Object.keys(scenarioMigrations).every((v) => Number(v) < currentScenarioVersion)).toBe(true);
  });

  it("applies the table step by step up to the current version (a made-up version 3)", () => {
    // As if version 2 renamed "queues" to "stations" and version 3 renamed it back with a flag.
    const table = {
      1: ({ queues, ...rest }: Record<string, unknown>) => ({ ...rest, stations: queues, version: 2 }),
      2: ({ stations, ...rest }: Record<string, unknown>) => ({ ...rest, queues: stations, migrated: true, version: 3 }),
    };
    const result = migrateWith({ version: 1, queues: [] }, table, 3);
    expect(result).toEqual({ ok: true, raw: { version: 3, queues: [], migrated: true }, from: 1 });
    expect(migrateWith({ version: 2, stations: [1] }, table, 3)).toEqual({ ok: true, raw: { version: 3, queues: [1], migrated: true }, from: 2 });
  });

  it("says so when a step of the table is missing", () => {
    expect(migrateWith({ version: 1 }, {}, 2)).toEqual({
      ok: false,
      errors: [{ path: "version", message: "no migration from format version 1 (this is a bug in Kendall)" }],
    });
  });

  it("migrates before validating, so parseScenario reads current files", () => {
    expect(parseScenario(rawScenario()).ok).toBe(true);
  });
});
