/**
 * Limits that keep a scenario's size and its runs bounded, so no file or link can make the
 * page or the command line hang. Each is checked with a message naming the field.
 */
export const scenarioLimits = {
  /** Queues in one scenario. */
  queues: 1000,
  /** Consumers of one queue (use "unlimited" for an infinite-server queue). */
  consumers: 100_000,
  replications: 1000,
  /** Messages per replication. */
  messages: 1e9,
  /** Characters of a name, an id or a class name. */
  nameLength: 200,
  /** Characters of a description or a trace file path. */
  textLength: 2000,
  /** Entries of one array (empirical samples, trace times, routes...). */
  arrayLength: 1_000_000,
  /** Erlang phases; larger k is better written as a deterministic distribution. */
  erlangPhases: 10_000,
  /** Largest batch size an integer distribution may give. */
  batchSize: 1_000_000,
  /** Steps of a rate profile (a day at one-second resolution is 86400). */
  profileSteps: 100_000,
  /** States of an MMPP (its switch matrix has states^2 entries). */
  mmppStates: 1000,
  /** Size of a scenario file, in UTF-8 bytes. */
  textBytes: 20 * 1024 * 1024,
  /** Characters of a compressed URL parameter, and of the JSON it expands to. */
  urlParamChars: 2 * 1024 * 1024,
  urlJsonChars: 2 * 1024 * 1024,
  /** Issues reported for one file; the rest are summarised in one line. */
  issues: 50,
} as const;
