/**
 * Scenario files: the schema of format version 1 with its defaults, cross-field checks,
 * migration between versions, saving and URL encoding (DESIGN.md, "Scenario file").
 */
export type * from "./types.ts";
export type { ScenarioIssue } from "./issues.ts";
export { formatIssue, formatPath } from "./issues.ts";
export type { ParseResult } from "./parse.ts";
export { parseScenario, parseScenarioText } from "./parse.ts";
export type { Migration, MigrationResult, RawScenario } from "./migrate.ts";
export { currentScenarioVersion, migrateScenario, scenarioMigrations } from "./migrate.ts";
export { serializeScenario } from "./serialize.ts";
export { minimalScenario } from "./minimal.ts";
export { decodeScenarioFromUrlParam, encodeScenarioToUrlParam } from "./url.ts";
export { scenarioLimits } from "./limits.ts";
export { escapeText, previewValue } from "./preview.ts";
export { scenarioSchema, defaultScenarioName, defaultSeed } from "./schema/scenario.ts";
export { defaultRun } from "./schema/run.ts";
export { distributionNames, integerDistributionNames } from "./schema/distribution.ts";
export { arrivalProcessNames } from "./schema/arrival.ts";
