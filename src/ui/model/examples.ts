import { parseScenario, type Scenario } from "../../scenario/index.ts";

/** An example scenario from models/: its file name and the validated scenario. */
export interface Example {
  file: string;
  scenario: Scenario;
}

// The default when models/orders.json is missing: DESIGN.md's example scenario.
const builtInOrders = {
  version: 1,
  name: "Orders, two consumers",
  seed: 42,
  run: { messages: 200000, warmup: "auto", replications: 10 },
  queues: [
    {
      id: "orders",
      arrival: { process: "poisson", rate: 50 },
      service: { dist: "exponential", mean: 0.03 },
      consumers: 2,
      routes: [{ to: "billing", probability: 0.3 }],
    },
    { id: "billing", service: { dist: "lognormal", mean: 0.05, cv: 1.5 }, consumers: 1 },
  ],
};

/**
 * The example scenarios, orders.json first then by file name; files that fail validation are
 * left out (their tests in models/ say why).
 */
export function examplesFrom(modules: Record<string, unknown>): Example[] {
  const out: Example[] = [];
  for (const [path, module] of Object.entries(modules)) {
    const json = (module as { default?: unknown }).default ?? module;
    const parsed = parseScenario(json);
    if (parsed.ok) out.push({ file: path.slice(path.lastIndexOf("/") + 1), scenario: parsed.scenario });
  }
  const rank = (e: Example) => (e.file === "orders.json" ? 0 : 1);
  return out.sort((a, b) => rank(a) - rank(b) || a.file.localeCompare(b.file));
}

/** The examples shipped in models/, with the built-in orders scenario when there are none. */
export function loadExamples(): Example[] {
  const found = examplesFrom(import.meta.glob("/models/*.json", { eager: true }));
  if (found.some((e) => e.file === "orders.json")) return found;
  const fallback = parseScenario(builtInOrders);
  return fallback.ok ? [{ file: "orders.json", scenario: fallback.scenario }, ...found] : found;
}
