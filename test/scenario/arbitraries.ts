import fc from "fast-check";

/**
 * fast-check generators of valid raw scenarios (as a file would hold them, defaults sometimes
 * given and sometimes not), for round-trip and mutation properties.
 */

const positive = fc.double({ min: 1e-6, max: 1e6, noNaN: true });
const nonNegative = fc.oneof(fc.constant(0), fc.constant(-0), positive);
const unit = fc.double({ min: 0, max: 1, noNaN: true });

export const distributionArb = fc.oneof(
  fc.record({ dist: fc.constant("exponential"), mean: positive }),
  fc.record({ dist: fc.constant("exponential"), rate: positive }),
  fc.record({ dist: fc.constant("deterministic"), value: nonNegative }),
  fc.tuple(nonNegative, nonNegative).map(([a, b]) => ({ dist: "uniform", min: Math.min(a, b), max: Math.max(a, b) })),
  fc.record({ dist: fc.constant("erlang"), k: fc.integer({ min: 1, max: 50 }), mean: positive }),
  fc.record({ dist: fc.constant("gamma"), mean: positive, cv: positive }),
  fc.record({ dist: fc.constant("gamma"), shape: positive, scale: positive }),
  fc.record({ dist: fc.constant("lognormal"), mean: positive, cv: nonNegative }),
  fc.record({ dist: fc.constant("lognormal"), mu: fc.double({ min: -20, max: 20, noNaN: true }), sigma: fc.double({ min: 0, max: 5, noNaN: true }) }),
  fc.record({ dist: fc.constant("weibull"), shape: positive, scale: positive }),
  fc.record({ dist: fc.constant("hyperexponential"), mean: positive, cv: fc.double({ min: 1, max: 100, noNaN: true }) }),
  fc.record({ dist: fc.constant("pareto"), shape: positive, scale: positive }),
  fc.record({ dist: fc.constant("pareto"), shape: fc.double({ min: 1.001, max: 10, noNaN: true }), mean: positive }),
  fc.record({ dist: fc.constant("empirical"), samples: fc.array(nonNegative, { minLength: 1, maxLength: 8 }) }),
);

const integerDistributionArb = fc.oneof(
  fc.record({ dist: fc.constant("geometric"), mean: fc.double({ min: 1, max: 100, noNaN: true }) }),
  fc.record({ dist: fc.constant("deterministic"), value: fc.integer({ min: 1, max: 100 }) }),
  fc.record({ dist: fc.constant("empirical"), samples: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 5 }) }),
);

const ascending = (minLength: number) =>
  fc.array(positive, { minLength, maxLength: 6 }).map((gaps) => gaps.reduce<number[]>((acc, g) => [...acc, (acc[acc.length - 1] ?? 0) + g], []));

export const arrivalArb = fc.oneof(
  fc.record({ process: fc.constant("poisson"), rate: nonNegative }),
  fc.record({ process: fc.constant("renewal"), interarrival: fc.record({ dist: fc.constant("exponential"), mean: positive }) }),
  fc.record({ process: fc.constant("batch"), rate: nonNegative, size: integerDistributionArb }),
  fc.integer({ min: 1, max: 3 }).chain((n) =>
    fc.record({
      process: fc.constant("mmpp"),
      states: fc.array(fc.record({ rate: nonNegative }), { minLength: n, maxLength: n }),
      switch: fc.array(fc.array(nonNegative, { minLength: n, maxLength: n }), { minLength: n, maxLength: n }).map((m) => m.map((row, i) => row.map((r, j) => (i === j ? 0 : r)))),
    }),
  ),
  ascending(0).chain((froms) =>
    fc.record(
      {
        process: fc.constant("profile"),
        steps: fc.array(nonNegative, { minLength: froms.length + 1, maxLength: froms.length + 1 }).map((rates) => rates.map((rate, i) => ({ from: i === 0 ? 0 : froms[i - 1]!, rate }))),
        period: fc.constant((froms[froms.length - 1] ?? 0) + 1),
      },
      { requiredKeys: ["process", "steps"] },
    ),
  ),
  fc.record({ process: fc.constant("trace"), times: ascending(1) }),
  fc.record({ process: fc.constant("trace"), file: fc.string({ minLength: 1, maxLength: 20 }) }),
);

const queueIdArb = fc.string({ minLength: 1, maxLength: 12, unit: "binary" });

/** A valid queue referring only to `ids`; queue 0 always has consumers so dead letters can end there. */
function queueArb(id: string, index: number, ids: string[]) {
  const target = fc.constantFrom(...ids);
  const classes = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 3 }).chain((names) =>
    fc.array(fc.record({ priority: fc.integer({ min: 0, max: 255 }), weight: fc.integer({ min: 1, max: 10 }), service: fc.option(distributionArb, { nil: undefined }) }), { minLength: names.length, maxLength: names.length })
      .map((rows) => {
        const total = rows.reduce((s, r) => s + r.weight, 0);
        return rows.map((r, i) => ({ class: names[i]!, priority: r.priority, share: r.weight / total, ...(r.service ? { service: r.service } : {}) }));
      }),
  );
  const routes = fc.array(fc.record({ to: target, weight: unit }), { maxLength: 3 }).chain((rows) =>
    unit.map((scale) => {
      const total = rows.reduce((s, r) => s + r.weight, 0) || 1;
      return rows.map((r) => ({ to: r.to, probability: (r.weight / total) * scale * 0.999 }));
    }),
  );
  const consumers = index === 0 ? fc.oneof(fc.integer({ min: 1, max: 64 }), fc.constant("unlimited")) : fc.oneof(fc.integer({ min: 0, max: 64 }), fc.constant("unlimited"));
  return fc
    .record(
      {
        id: fc.constant(id),
        arrival: index === 0 ? arrivalArb : fc.option(arrivalArb, { nil: undefined }),
        service: distributionArb,
        consumers,
        prefetch: fc.integer({ min: 0, max: 100 }),
        capacity: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
        overflow: fc.constantFrom("reject-publish", "drop-head"),
        discipline: fc.constantFrom("fifo", "lifo", "random"),
        priorities: classes,
        preemptive: fc.boolean(),
        ttl: fc.oneof(nonNegative, distributionArb),
        failure: fc.record({ probability: fc.double({ min: 0, max: 0.99, noNaN: true }), requeue: fc.boolean(), maxDeliveries: fc.integer({ min: 1, max: 10 }) }, { requiredKeys: ["probability"] }),
        deadLetter: index === 0 ? target : fc.constant(ids[0]!),
        routes,
        fanout: fc.uniqueArray(target, { maxLength: 2 }),
      },
      { requiredKeys: index === 0 ? ["id", "service", "arrival"] : ["id", "service"] },
    )
    .map((q) => {
      const queue: Record<string, unknown> = { ...q };
      if (queue.consumers === 0 && queue.ttl === undefined) queue.ttl = 1;
      // A priority discipline only with classes; classes with a discipline of their own are fine.
      if (queue.priorities !== undefined && queue.discipline === undefined) queue.discipline = "priority";
      return queue;
    });
}

/** A valid raw scenario of 1 to 4 queues with unique (and sometimes hostile) ids. */
export const rawScenarioArb = fc.uniqueArray(queueIdArb, { minLength: 1, maxLength: 4 }).chain((ids) =>
  fc.record(
    {
      version: fc.constant(1),
      name: fc.string({ minLength: 1, maxLength: 40 }),
      description: fc.string({ minLength: 1, maxLength: 80 }),
      seed: fc.integer({ min: -1e9, max: 1e9 }),
      run: fc.oneof(
        fc.record({ messages: fc.integer({ min: 1, max: 1e9 }), warmup: fc.constantFrom("auto", 0, { messages: 10 }), replications: fc.integer({ min: 1, max: 1000 }) }, { requiredKeys: [] }),
        fc.record({ duration: positive, warmup: fc.constantFrom("auto", { duration: 5 }), precision: fc.double({ min: 0.001, max: 0.5, noNaN: true }) }, { requiredKeys: ["duration"] }),
      ),
      queues: fc.tuple(...ids.map((id, i) => queueArb(id, i, ids))),
    },
    { requiredKeys: ["version", "queues"] },
  ),
);
