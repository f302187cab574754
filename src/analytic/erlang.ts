/**
 * Erlang's loss (B) and delay (C) formulas for c servers offered a = lambda / mu Erlangs.
 * Computed through ln(1/B) with the recursion 1/B_k = 1 + (k/a) / B_{k-1} (Jagerman 1974) taken
 * in log space, so c in the hundreds of thousands and loads of thousands of Erlangs neither
 * overflow nor underflow: a tiny probability comes out as a small positive number or 0.
 */

import { checkNonNegative, checkPositiveInteger } from "./validate.ts";
import { log1mexp } from "./numeric.ts";

/** ln(1 + e^x) without overflow. */
function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/**
 * ln(1 / B(c, a)) >= 0, Erlang B in log space. Infinity when a = 0 (nothing is blocked).
 * Recursion: L_0 = 0, L_k = ln(1 + (k/a) e^{L_{k-1}}) (Jagerman 1974, Bell Syst. Tech. J. 53).
 */
export function logInverseErlangB(servers: number, offeredLoad: number): number {
  checkPositiveInteger("servers", servers);
  checkNonNegative("offered load", offeredLoad);
  if (offeredLoad === 0) return Infinity;
  const logA = Math.log(offeredLoad);
  let l = 0;
  for (let k = 1; k <= servers; k++) l = softplus(l + Math.log(k) - logA);
  return l;
}

/**
 * Erlang B: the blocking probability of M/G/c/c (insensitive to the service distribution),
 * B(c, a) = (a^c / c!) / sum_{k=0}^{c} a^k / k! (Erlang 1917; Kleinrock vol. 1 eq. 3.46;
 * Gross & Harris, Fundamentals of Queueing Theory, 4th ed., ch. 2).
 * @param servers c, a positive integer (trunks, consumers).
 * @param offeredLoad a = lambda / mu in Erlangs, finite and >= 0.
 */
export function erlangB(servers: number, offeredLoad: number): number {
  return Math.exp(-logInverseErlangB(servers, offeredLoad));
}

/**
 * ln C(c, a) from ln(1/B): C = B / (1 - rho (1 - B)) = 1 / (rho + (1 - rho) / B), rho = a/c < 1.
 * Returns 0 (ln 1) when a >= c: every arrival waits in an unstable M/M/c.
 */
export function logErlangCFromB(servers: number, offeredLoad: number, logInvB: number): number {
  const oneMinusRho = (servers - offeredLoad) / servers;
  if (!(oneMinusRho > 0)) return 0;
  if (logInvB === Infinity) return -Infinity;
  const rho = offeredLoad / servers;
  // ln(rho + (1 - rho) e^L) = L + ln(1 - rho) + ln1p(rho e^{-L} / (1 - rho))
  return -(logInvB + Math.log(oneMinusRho) + Math.log1p((rho * Math.exp(-logInvB)) / oneMinusRho));
}

/**
 * Erlang C: the probability that an arrival waits in M/M/c,
 * C(c, a) = B / (1 - rho (1 - B)) with rho = a / c (Kleinrock vol. 1 eq. 3.40 for C;
 * Gross & Harris 4th ed. ch. 2 for M/M/c; the relation to B is Jagerman 1974). 1 when a >= c (unstable: every arrival waits).
 * @param servers c, a positive integer.
 * @param offeredLoad a = lambda / mu in Erlangs, finite and >= 0.
 */
export function erlangC(servers: number, offeredLoad: number): number {
  return Math.exp(logErlangCFromB(servers, offeredLoad, logInverseErlangB(servers, offeredLoad)));
}

/** ln((1 - B) / B) = ln(sum_{k<c} a^k/k!) - ln(a^c/c!), from ln(1/B) (used by M/M/c/K and Erlang A). */
export function logBelowOverTop(logInvB: number): number {
  if (logInvB === Infinity) return Infinity;
  return logInvB + log1mexp(logInvB);
}
