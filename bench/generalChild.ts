/**
 * Child process of the engine section of `npm run bench`: the general model (NetworkModel) on
 * W1-W3, in turn with the reference loop, and the TTL workload, which only NetworkModel runs.
 * They run here, not beside FifoNetworkModel in the parent, because the two models share the
 * broker queue, the statistics and the event heap's code: run in one process, each leaves the
 * shared methods optimised for both, which slowed FifoNetworkModel's W1 by 15-20% (measured),
 * while a scenario in the page or the CLI runs one model. Started by `fork` with `messages`
 * `repeats`; sends its {@link GeneralReport} over IPC and exits.
 */
import { runEngine } from "./engine.ts";
import { measure, measureInterleaved, type Measured } from "./measure.ts";
import { runReference } from "./reference.ts";
import { coreWorkloads, TTL } from "./workloads.ts";

/** Per workload id: the general model and the reference loop run in turn here; TTL alone. */
export interface GeneralReport {
  general: Record<string, Measured>;
  reference: Record<string, Measured>;
  ttl: Measured;
}

const [messagesArg = "1000000", repeatsArg = "3", warmupArg = "20000"] = process.argv.slice(2);
const messages = Number(messagesArg);
const repeats = Number(repeatsArg);

for (const w of [...coreWorkloads, TTL]) runEngine(w, Number(warmupArg), 1, "general");
for (const w of coreWorkloads) runReference(w, Number(warmupArg));
const general: Record<string, Measured> = {};
const reference: Record<string, Measured> = {};
for (const w of coreWorkloads) {
  const m = measureInterleaved(repeats, messages, { general: (n) => runEngine(w, n, 1, "general"), reference: (n) => runReference(w, n) });
  general[w.id] = m.get("general")!;
  reference[w.id] = m.get("reference")!;
}
const report: GeneralReport = { general, reference, ttl: measure(repeats, messages, (n) => runEngine(TTL, n)) };
process.send?.({ report });
