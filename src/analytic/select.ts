/**
 * Model selection for one station: `analyzeStation` reads the numeric characteristics of a
 * station (StationInput) and answers with the most exact model that fits, an approximation
 * labelled `exact: false` where only one is defensible, or null where nothing applies.
 *
 * Order of the choice: unlimited consumers (M/G/inf, exact for any law) > priority classes
 * (Cobham, preemptive-resume, M/M/c priority) > exponential TTL (Erlang A) > finite capacity
 * (M/M/c/K; Erlang B for capacity 0, insensitive to the service law) > batch arrivals (M^X/G/1)
 * > Poisson arrivals (M/M/c, M/D/1, M/Ek/1, M/G/1; Allen-Cunneen for M/G/c) > renewal arrivals
 * (Kingman, Allen-Cunneen). Combinations without a model (TTL with capacity, G/G/c with
 * capacity, batches at several consumers, ...) give null.
 */

import type { AnalyticResult, ServiceKind, StationInput } from "./types.ts";
import { checkNonNegative, checkNonNegativeInteger, checkPositive, checkPositiveInteger } from "./validate.ts";
import { ggInf } from "./mminf.ts";
import { priorityMMc, priorityNonPreemptive, priorityPreemptive, type PriorityClassInput } from "./priority.ts";
import { erlangA } from "./erlangA.ts";
import { mmck } from "./mmck.ts";
import { batchMG1 } from "./batch.ts";
import { mm1 } from "./mm1.ts";
import { mmc } from "./mmc.ts";
import { md1 } from "./md1.ts";
import { mek1, mg1 } from "./mg1.ts";
import { allenCunneen } from "./ggc.ts";
import { percentilesOf } from "./percentiles.ts";
import { serviceQuantile } from "./service.ts";

interface Service {
  kind: ServiceKind;
  k: number;
  letter: string;
}

function serviceOf(input: StationInput): Service {
  const scv = input.serviceScv;
  const kind = input.serviceKind ?? (scv === 0 ? "deterministic" : scv === 1 ? "exponential" : "general");
  const expect = (want: number, why: string): void => {
    if (Math.abs(scv - want) > 1e-9 * Math.max(1, want)) throw new RangeError(`invalid serviceScv: ${scv} (must be ${want} for ${why})`);
  };
  if (kind === "exponential") expect(1, "exponential service");
  if (kind === "deterministic") expect(0, "deterministic service");
  let k = 1;
  if (kind === "erlang") {
    k = input.erlangK ?? Math.round(1 / scv);
    checkPositiveInteger("erlangK", k);
    expect(1 / k, `Erlang-${k} service`);
  }
  const letter = { exponential: "M", deterministic: "D", erlang: `E${k}`, general: "G" }[kind];
  return { kind, k, letter };
}

function validate(input: StationInput): void {
  checkNonNegative("lambda", input.lambda);
  checkNonNegative("arrivalScv", input.arrivalScv);
  checkPositive("meanService", input.meanService);
  checkNonNegative("serviceScv", input.serviceScv);
  if (input.servers !== "unlimited") checkPositiveInteger("servers", input.servers);
  if (input.capacity !== null) checkNonNegativeInteger("capacity", input.capacity);
  if (input.patienceRate !== undefined) checkNonNegative("patienceRate", input.patienceRate);
  if (input.arrivalKind === "poisson" && input.arrivalScv !== 1) {
    throw new RangeError(`invalid arrivalScv: ${input.arrivalScv} (must be 1 for Poisson arrivals)`);
  }
  for (const [i, k] of (input.classes ?? []).entries()) {
    if (!(k.share >= 0 && k.share <= 1)) throw new RangeError(`invalid classes[${i}].share: ${String(k.share)} (must be between 0 and 1)`);
    if (k.meanService !== undefined) checkPositive(`classes[${i}].meanService`, k.meanService);
    if (k.serviceScv !== undefined) checkNonNegative(`classes[${i}].serviceScv`, k.serviceScv);
  }
  const shares = (input.classes ?? []).reduce((s, k) => s + k.share, 0);
  if (input.classes && input.classes.length > 0 && Math.abs(shares - 1) > 1e-9) {
    throw new RangeError(`invalid classes: shares sum to ${shares} (must be 1)`);
  }
}

function withPriorities(input: StationInput, servers: number, svc: Service): AnalyticResult | null {
  const classes: PriorityClassInput[] = (input.classes ?? []).map((k) => ({
    name: k.name,
    priority: k.priority,
    lambda: k.share * input.lambda,
    meanService: k.meanService ?? input.meanService,
    serviceScv: k.serviceScv ?? input.serviceScv,
  }));
  if (servers === 1) return input.preemptive ? priorityPreemptive(classes) : priorityNonPreemptive(classes);
  const sameExponential = svc.kind === "exponential" && classes.every((k) => k.serviceScv === 1 && Math.abs(k.meanService - input.meanService) <= 1e-12 * input.meanService);
  if (input.preemptive || !sameExponential) return null;
  return priorityMMc(classes, 1 / input.meanService, servers);
}

function lossSystem(input: StationInput, servers: number, svc: Service): AnalyticResult {
  const result = mmck(input.lambda, 1 / input.meanService, servers, servers);
  if (svc.kind === "exponential") return result;
  // Erlang B is insensitive: only the model name and the sojourn law (the service law) change.
  const out: AnalyticResult = { ...result, model: `M/${svc.letter}/${servers}/${servers} (Erlang B)` };
  if (svc.kind === "general") delete out.sojourn;
  else out.sojourn = percentilesOf((q) => serviceQuantile(svc.kind, input.meanService, q, svc.k) as number);
  return out;
}

/**
 * Picks and evaluates the analytic model of one station (see the file comment for the order).
 * @returns the model's figures, or null when no formula or defensible approximation applies.
 * @throws RangeError on invalid input, naming the field and value.
 */
export function analyzeStation(input: StationInput): AnalyticResult | null {
  validate(input);
  const svc = serviceOf(input);
  const batch = input.batch && !(input.batch.meanSize === 1 && input.batch.scvSize === 0) ? input.batch : undefined;
  const poisson = input.arrivalKind ? input.arrivalKind === "poisson" : input.arrivalScv === 1;
  const mu = 1 / input.meanService;
  const { lambda } = input;
  if (input.servers === "unlimited") {
    const result = ggInf(lambda, input.meanService, svc.kind, svc.k, batch ? (poisson ? "M^X" : "G^X") : poisson ? "M" : "G");
    if (input.classes?.length) result.classes = Object.fromEntries(input.classes.map((k) => [k.name, { W: k.meanService ?? input.meanService, Wq: 0 }]));
    return result;
  }
  const c = input.servers;
  const ttl = (input.patienceRate ?? 0) > 0;
  if (input.classes && input.classes.length > 0) {
    if (!poisson || batch || input.capacity !== null || ttl) return null;
    return withPriorities(input, c, svc);
  }
  if (ttl) {
    if (!poisson || batch || input.capacity !== null || svc.kind !== "exponential") return null;
    return erlangA(lambda, mu, c, input.patienceRate as number);
  }
  if (input.capacity !== null) {
    if (!poisson || batch) return null;
    if (input.capacity === 0) return lossSystem(input, c, svc);
    return svc.kind === "exponential" ? mmck(lambda, mu, c, input.capacity + c) : null;
  }
  if (batch) {
    if (!poisson || c !== 1) return null;
    return batchMG1(lambda, batch, input.meanService, input.serviceScv);
  }
  if (poisson) {
    if (c > 1) return svc.kind === "exponential" ? mmc(lambda, mu, c) : allenCunneen(lambda, 1, input.meanService, input.serviceScv, c, "M", svc.letter);
    switch (svc.kind) {
      case "exponential":
        return mm1(lambda, mu);
      case "deterministic":
        return md1(lambda, input.meanService);
      case "erlang":
        return mek1(lambda, input.meanService, svc.k);
      case "general":
        return mg1(lambda, input.meanService, input.serviceScv);
    }
  }
  return allenCunneen(lambda, input.arrivalScv, input.meanService, input.serviceScv, c, "G", svc.letter);
}
