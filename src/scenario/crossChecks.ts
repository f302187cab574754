import type { QueueSpec, Scenario } from "./types.ts";
import { issueAt, type ScenarioIssue } from "./issues.ts";
import { previewValue, quoteText } from "./preview.ts";
import { didYouMean } from "./suggest.ts";
import { deadLetterTraps } from "./deadLetterCycles.ts";

/** What the checks after the schema found: errors refuse the scenario, warnings do not. */
export interface CrossCheckResult {
  /** The first 1000 errors; `unlisted` counts the rest. */
  errors: ScenarioIssue[];
  unlisted: number;
  warnings: string[];
}

/** Where checks put their issues: keeps a bounded list, however many a hostile file has. */
interface IssueSink {
  push(issue: ScenarioIssue): void;
}

const maxErrors = 1000;

// Floating-point slack for sums of probabilities written as decimals (0.1 + 0.2 + 0.7).
const routeSumSlack = 1e-9;
const shareSumSlack = 1e-6;
// Did-you-mean hints cost an edit distance against every id; a few are enough.
const maxSuggestions = 20;

/**
 * Rules that span fields or queues: unique ids, references to existing queues, probability
 * sums, priority classes, consumer-less queues, dead-letter traps and at least one arrival.
 */
export function crossCheckScenario(scenario: Scenario): CrossCheckResult {
  const list: ScenarioIssue[] = [];
  let unlisted = 0;
  const errors: IssueSink = { push: (issue) => (list.length < maxErrors ? list.push(issue) : unlisted++) };
  const warnings: string[] = [];
  const ids = checkIds(scenario.queues, errors);
  const references = { ids, known: [...ids], suggestionsLeft: maxSuggestions };
  scenario.queues.forEach((queue, i) => {
    const at = (...rest: PropertyKey[]) => ["queues", i, ...rest];
    checkReferences(queue, references, at, errors);
    checkRoutes(queue, at, errors);
    checkPriorities(queue, at, errors, warnings);
    checkConsumers(queue, at, errors);
    if (queue.overflow === "drop-head" && queue.capacity === null) {
      warnings.push(issueText(at("overflow"), '"drop-head" has no effect without a capacity'));
    }
  });
  if (list.length === 0) deadLetterTraps(scenario.queues).forEach(errors.push);
  if (!scenario.queues.some((queue) => queue.arrival !== undefined)) {
    errors.push(issueAt(["queues"], 'no queue has an arrival process (give at least one queue an "arrival")'));
  }
  return { errors: list, unlisted, warnings };
}

function checkIds(queues: readonly QueueSpec[], errors: IssueSink): Set<string> {
  const firstIndex = new Map<string, number>();
  queues.forEach((queue, i) => {
    const first = firstIndex.get(queue.id);
    if (first === undefined) firstIndex.set(queue.id, i);
    else errors.push(issueAt(["queues", i, "id"], `duplicate queue id ${quoteText(queue.id)} (also queues[${first}].id)`));
  });
  return new Set(firstIndex.keys());
}

type At = (...rest: PropertyKey[]) => PropertyKey[];

interface References {
  ids: Set<string>;
  known: string[];
  suggestionsLeft: number;
}

function checkReferences(queue: QueueSpec, references: References, at: At, errors: IssueSink) {
  const check = (id: string, path: PropertyKey[]) => {
    if (references.ids.has(id)) return;
    const hint = references.suggestionsLeft-- > 0 ? didYouMean(id, references.known) : "";
    errors.push(issueAt(path, `unknown queue ${quoteText(id)}${hint}`));
  };
  queue.routes?.forEach((route, j) => check(route.to, at("routes", j, "to")));
  const seen = new Set<string>();
  queue.fanout?.forEach((id, j) => {
    check(id, at("fanout", j));
    if (seen.has(id)) errors.push(issueAt(at("fanout", j), `queue ${quoteText(id)} is listed twice`));
    seen.add(id);
  });
  if (queue.deadLetter !== undefined) check(queue.deadLetter, at("deadLetter"));
}

function checkRoutes(queue: QueueSpec, at: At, errors: IssueSink) {
  const sum = (queue.routes ?? []).reduce((total, route) => total + route.probability, 0);
  if (sum > 1 + routeSumSlack) {
    errors.push(issueAt(at("routes"), `expected probabilities summing to at most 1 (the rest leaves the system), got ${roundForMessage(sum)}`));
  }
}

function checkPriorities(queue: QueueSpec, at: At, errors: IssueSink, warnings: string[]) {
  const classes = queue.priorities;
  if (classes === undefined) {
    if (queue.discipline === "priority") {
      errors.push(issueAt(at("discipline"), '"priority" needs "priorities": the classes with their priority and share'));
    }
    if (queue.preemptive === true) warnings.push(issueText(at("preemptive"), 'has no effect without "priorities"'));
    return;
  }
  const sum = classes.reduce((total, c) => total + c.share, 0);
  if (!(Math.abs(sum - 1) <= shareSumSlack)) {
    errors.push(issueAt(at("priorities"), `expected shares summing to 1, got ${roundForMessage(sum)}`));
  }
  const firstIndex = new Map<string, number>();
  classes.forEach((c, j) => {
    const first = firstIndex.get(c.class);
    if (first === undefined) firstIndex.set(c.class, j);
    else errors.push(issueAt(at("priorities", j, "class"), `duplicate class ${quoteText(c.class)} (also priorities[${first}].class)`));
  });
  if (queue.preemptive === true && queue.discipline !== "priority") {
    warnings.push(issueText(at("preemptive"), `has no effect with discipline ${quoteText(queue.discipline)}`));
  }
}

function checkConsumers(queue: QueueSpec, at: At, errors: IssueSink) {
  // A queue without consumers is a delay (parking) queue: its messages leave only by expiring.
  if (queue.consumers === 0 && queue.ttl === undefined) {
    errors.push(issueAt(at("consumers"), 'a queue with no consumers needs a "ttl" (its messages could never leave), got 0'));
  }
}

function issueText(path: PropertyKey[], message: string): string {
  const issue = issueAt(path, message);
  return `${issue.path}: ${issue.message}`;
}

function roundForMessage(x: number): string {
  return previewValue(Number(x.toPrecision(12)));
}
