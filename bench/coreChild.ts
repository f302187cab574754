/**
 * Child process of the threads section of `npm run bench`: times replications of the threads
 * scenario one by one on whatever processor it is pinned to (the parent starts it under
 * `taskset -c K`), and prints the best time in ms. Started with the scenario's messages and the
 * number of replications to time.
 */
import { performance } from "node:perf_hooks";
import { prepareRun, simulateReplication } from "../src/simulation/replication.ts";
import { threadsScenario } from "./threadsScenario.ts";

const [messagesArg = "1000000", repsArg = "4"] = process.argv.slice(2);
const prep = prepareRun(threadsScenario(Number(messagesArg)));
let best = Infinity;
for (let r = 0; r < Number(repsArg); r++) {
  const t0 = performance.now();
  simulateReplication(prep, r);
  best = Math.min(best, performance.now() - t0);
}
console.log(JSON.stringify({ bestMs: best }));
