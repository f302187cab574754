// Simulating a scenario: the network of src/broker queues on the src/engine calendar, with
// statistics from src/stats. Pure core: runs the same in the page, a worker and Node.
export { runScenario, runLimits, type RunOptions } from "./run.ts";
export { analyzeScenario, withAnalytic, type AnalyzeResult } from "./withAnalytic.ts";
export { offeredLoad, type QueueLoad } from "./offeredLoad.ts";
export { compileScenario, type CompiledQueue } from "./compile.ts";
export type * from "./result.ts";
