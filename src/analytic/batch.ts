/**
 * Batch Poisson arrivals, M^X/G/1 and M^X/M/1: batches arrive in a Poisson stream and bring X
 * messages each (X >= 1, mean E[X], squared coefficient of variation cx^2). A message's wait is
 * its batch's P-K wait (the batch served as one job of length S_1 + ... + S_X) plus the service
 * of the messages ahead of it in its own batch (Chaudhry & Templeton 1983; Gross & Harris 4th ed.
 * ch. 3 for M^X/M/1; Kleinrock vol. 1 ch. 4 for the bulk-arrival chain):
 *   Wq = lambda_B E[X] E[S^2] / (2 (1 - rho)) + E[S] (E[X^2] - E[X]) / (2 E[X] (1 - rho)),
 * rho = lambda_B E[X] E[S], lambda_B the batch rate. With exponential service this gives
 * Gross & Harris' L = rho (E[X^2] + E[X]) / (2 E[X] (1 - rho)).
 */

import type { AnalyticResult } from "./types.ts";
import { checkNonNegative, checkPositive } from "./validate.ts";
import { losslessStation, unstableStation } from "./station.ts";

/** A batch-size law by its first two moments. */
export interface BatchSize {
  /** E[X] >= 1. */
  meanSize: number;
  /** Var[X] / E[X]^2 >= 0. */
  scvSize: number;
}

/**
 * M^X/G/1 means. `pWait` = 1 - (1 - rho) / E[X]: only the first message of a batch that finds the
 * server idle does not wait. Percentiles are omitted. Unstable (rho >= 1): Infinity means.
 * @param lambda messages per second (batches arrive at lambda / E[X]), >= 0.
 * @param batch the batch-size moments.
 * @param meanService E[S] in seconds, > 0.
 * @param serviceScv Var[S] / E[S]^2 (1 for exponential: the model is then called M^X/M/1).
 */
export function batchMG1(lambda: number, batch: BatchSize, meanService: number, serviceScv: number): AnalyticResult {
  checkNonNegative("lambda", lambda);
  checkPositive("meanService", meanService);
  checkNonNegative("serviceScv", serviceScv);
  if (!(batch.meanSize >= 1) || !Number.isFinite(batch.meanSize)) {
    throw new RangeError(`invalid batch.meanSize: ${String(batch.meanSize)} (must be a finite number >= 1)`);
  }
  checkNonNegative("batch.scvSize", batch.scvSize);
  const model = serviceScv === 1 ? "M^X/M/1" : "M^X/G/1";
  const rho = lambda * meanService;
  if (rho >= 1) return unstableStation(model, true, rho, 1 / meanService);
  const ex = batch.meanSize;
  const ex2 = ex * ex * (1 + batch.scvSize);
  const es2 = meanService * meanService * (1 + serviceScv);
  const batchRate = lambda / ex;
  const Wq = (batchRate * ex * es2) / (2 * (1 - rho)) + (meanService * (ex2 - ex)) / (2 * ex * (1 - rho));
  return losslessStation(model, true, lambda, rho, 1 - (1 - rho) / ex, Wq, meanService);
}
