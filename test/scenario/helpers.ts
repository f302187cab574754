import { expect } from "vitest";
import { formatIssue, parseScenario, type ParseResult, type Scenario } from "../../src/scenario/index.ts";

/** A small valid raw scenario: one queue with Poisson arrivals and exponential service. */
export function rawScenario(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    version: 1,
    queues: [{ id: "orders", arrival: { process: "poisson", rate: 5 }, service: { dist: "exponential", mean: 0.1 } }],
    ...overrides,
  };
}

/** `rawScenario` whose first queue has `fields` merged in. */
export function withQueue(fields: Record<string, unknown>, extraQueues: Record<string, unknown>[] = []): Record<string, unknown> {
  const base = { id: "orders", arrival: { process: "poisson", rate: 5 }, service: { dist: "exponential", mean: 0.1 } };
  return { version: 1, queues: [{ ...base, ...fields }, ...extraQueues] };
}

/** A consumer queue to use as a route or dead-letter target. */
export function sink(id: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, service: { dist: "exponential", mean: 0.01 }, ...fields };
}

/** The formatted issues of a scenario that must be refused. */
export function errorsOf(input: unknown): string[] {
  const result = parseScenario(input);
  if (result.ok) throw new Error(`expected the scenario to be refused: ${JSON.stringify(input)}`);
  return result.errors.map(formatIssue);
}

/** The validated scenario of one that must be accepted. */
export function accepted(input: unknown): Scenario {
  return okResult(parseScenario(input)).scenario;
}

/** Asserts the result is ok and returns it narrowed. */
export function okResult(result: ParseResult): Extract<ParseResult, { ok: true }> {
  if (!result.ok) expect.fail(`expected ok, got ${result.errors.map(formatIssue).join("; ")}`);
  return result;
}
