import { issueAt, type ScenarioIssue } from "./issues.ts";
import { previewValue } from "./preview.ts";

/** The scenario format version this code reads and writes. */
export const currentScenarioVersion = 1;

/** A scenario object at some version, before validation. */
export type RawScenario = Record<string, unknown>;

/** Rewrites a version-N scenario object into a version-(N+1) one (before validation). */
export type Migration = (raw: RawScenario) => RawScenario;

/**
 * The migrations, by the version they read. When the format changes to version 2, add
 * `1: (raw) => ({ ...rewritten, version: 2 })`, bump `currentScenarioVersion`, and add a test
 * that an old file still opens (STYLE.md: "each bump comes with a migration and a test").
 */
export const scenarioMigrations: Readonly<Record<number, Migration>> = {};

/** A scenario object at the current version, or why it cannot be read. */
export type MigrationResult = { ok: true; raw: RawScenario; from: number } | { ok: false; errors: ScenarioIssue[] };

/**
 * Brings a parsed scenario file to the current format version. Refuses a file without a
 * version, with a version that is not a whole number, or one written by a newer Kendall.
 */
export function migrateScenario(raw: unknown): MigrationResult {
  return migrateWith(raw, scenarioMigrations, currentScenarioVersion);
}

/** `migrateScenario` with a given table and current version: the seam the tests use. */
export function migrateWith(raw: unknown, migrations: Readonly<Record<number, Migration>>, current: number): MigrationResult {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return refuse([], `expected a scenario object like {"version": ${current}, "queues": [...]}, got ${previewValue(raw)}`);
  }
  const record = raw as RawScenario;
  const version = record.version;
  if (version === undefined) {
    return refuse(["version"], `missing: a scenario file starts with "version": ${current} (the format version)`);
  }
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    return refuse(["version"], `expected the format version, a whole number such as ${current}, got ${previewValue(version)}`);
  }
  if (version > current) {
    return refuse(["version"], `this scenario was written by a newer version of Kendall (version ${version}); this version reads version ${current}`);
  }
  let migrated = record;
  for (let v = version; v < current; v++) {
    const step = migrations[v];
    if (step === undefined) return refuse(["version"], `no migration from format version ${v} (this is a bug in Kendall)`);
    migrated = step(migrated);
  }
  return { ok: true, raw: migrated, from: version };
}

function refuse(path: PropertyKey[], message: string): MigrationResult {
  return { ok: false, errors: [issueAt(path, message)] };
}
