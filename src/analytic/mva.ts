/**
 * Closed single-class networks by exact Mean Value Analysis (Reiser & Lavenberg 1980; Jain,
 * "The Art of Computer Systems Performance Analysis" 1991, ch. 34; Lazowska et al.,
 * "Quantitative System Performance" 1984, ch. 6). N messages circulate; each visit to station i
 * demands D_i seconds in all (visits x service time). A think time Z is a delay station.
 *
 * Single-server stations: R_i(n) = D_i (1 + Q_i(n - 1)); X(n) = n / (Z + sum R_i(n)); Q_i = X R_i.
 * Multi-server stations (exact, load-dependent MVA with marginal probabilities; Bolch et al.
 * 2nd ed. ch. 8; Jain ch. 36): R_i(n) = D_i sum_{j=1}^{n} (j / min(j, c)) p_i(j - 1 | n - 1),
 * p_i(j | n) = (X(n) D_i / min(j, c)) p_i(j - 1 | n - 1), p_i(0 | n) = 1 - sum_{j>=1} p_i(j | n).
 * That last subtraction can lose digits near saturation; it is clamped at 0. Seidmann's
 * approximation (a c-server station as a single server of demand D/c plus a delay of
 * D (c-1)/c; Seidmann, Schweitzer & Shalev-Oren 1987) is available as `multiServer: "seidmann"`
 * and marks the result `exact: false`.
 */

import { checkNonNegative, checkNonNegativeInteger, checkPositiveInteger } from "./validate.ts";

/** One station of a closed network. */
export interface MvaStation {
  name?: string;
  /** Service demand per cycle, D = visits x mean service time, in seconds, >= 0. */
  demand: number;
  /** Consumers at the station (default 1), or "delay" for an infinite-server station. */
  servers?: number | "delay";
}

/** A closed single-class network: stations, population and think time. */
export interface MvaInput {
  stations: MvaStation[];
  /** N, the number of messages circulating (integer >= 0). */
  population: number;
  /** Z, think time per cycle at a delay outside the stations, seconds (default 0). */
  thinkTime?: number;
  /** How to treat stations with more than one server (default "exact"). */
  multiServer?: "exact" | "seidmann";
}

/** Per-station figures of a closed network at population N. */
export interface MvaStationResult {
  name?: string;
  /** Residence time per cycle (all visits), seconds. */
  residenceTime: number;
  /** Mean number of messages at the station. */
  queueLength: number;
  /** Busy fraction per server, X D / c (0 for delay stations). */
  utilization: number;
}

/** What `mva` reports at population N. */
export interface MvaResult {
  model: string;
  exact: boolean;
  /** System throughput, cycles per second. */
  throughput: number;
  /** Time per cycle spent at the stations (excludes think time), seconds. */
  responseTime: number;
  /** responseTime + thinkTime. */
  cycleTime: number;
  stations: MvaStationResult[];
}

interface Prepared {
  demand: number;
  servers: number | "delay";
}

function prepare(input: MvaInput): Prepared[] {
  const out: Prepared[] = [];
  input.stations.forEach((s, i) => {
    checkNonNegative(`stations[${i}].demand`, s.demand);
    const servers = s.servers ?? 1;
    if (servers !== "delay") checkPositiveInteger(`stations[${i}].servers`, servers);
    if (servers !== "delay" && servers > 1 && input.multiServer === "seidmann") {
      out.push({ demand: s.demand / servers, servers: 1 }, { demand: (s.demand * (servers - 1)) / servers, servers: "delay" });
    } else out.push({ demand: s.demand, servers });
  });
  return out;
}

/**
 * Exact MVA (or MVA with Seidmann's approximation for multi-server stations). With N = 0 the
 * throughput is 0 and residence times are the bare demands.
 */
export function mva(input: MvaInput): MvaResult {
  checkNonNegativeInteger("population", input.population);
  const Z = checkNonNegative("thinkTime", input.thinkTime ?? 0);
  if (input.stations.length === 0 && Z === 0) throw new RangeError("invalid stations: [] (need a station or a think time)");
  const st = prepare(input);
  const N = input.population;
  const Q = st.map(() => 0);
  const R = st.map((s) => s.demand);
  // marginal[i][j] = p_i(j | n) for multi-server stations
  const marginal = st.map((s) => (s.servers !== "delay" && s.servers > 1 ? [1] : []));
  let X = 0;
  for (let n = 1; n <= N; n++) {
    st.forEach((s, i) => {
      if (s.servers === "delay") R[i] = s.demand;
      else if (s.servers === 1) R[i] = s.demand * (1 + (Q[i] as number));
      else {
        const p = marginal[i] as number[];
        let r = 0;
        for (let j = 1; j <= n; j++) r += (j / Math.min(j, s.servers)) * (p[j - 1] ?? 0);
        R[i] = s.demand * r;
      }
    });
    const total = R.reduce((a, b) => a + b, 0);
    X = total + Z > 0 ? n / (total + Z) : Infinity;
    st.forEach((s, i) => {
      Q[i] = X * (R[i] as number);
      if (s.servers !== "delay" && s.servers > 1) {
        const prev = marginal[i] as number[];
        const next = [0];
        let busy = 0;
        for (let j = 1; j <= n; j++) {
          const v = ((X * s.demand) / Math.min(j, s.servers)) * (prev[j - 1] ?? 0);
          next.push(v);
          busy += v;
        }
        next[0] = Math.max(0, 1 - busy);
        marginal[i] = next;
      }
    });
  }
  const stations = mergeSeidmann(input, R, Q, X);
  const responseTime = stations.reduce((a, s) => a + s.residenceTime, 0);
  const seidmann = input.multiServer === "seidmann" && input.stations.some((s) => typeof s.servers === "number" && s.servers > 1);
  return {
    model: seidmann ? "closed network (MVA, Seidmann approximation)" : "closed network (exact MVA)",
    exact: !seidmann,
    throughput: X,
    responseTime,
    cycleTime: responseTime + Z,
    stations,
  };
}

/** Folds the two halves of each Seidmann-split station back into one result. */
function mergeSeidmann(input: MvaInput, R: number[], Q: number[], X: number): MvaStationResult[] {
  const out: MvaStationResult[] = [];
  let k = 0;
  for (const s of input.stations) {
    const servers = s.servers ?? 1;
    const split = servers !== "delay" && servers > 1 && input.multiServer === "seidmann";
    const parts = split ? 2 : 1;
    let residenceTime = 0;
    let queueLength = 0;
    for (let p = 0; p < parts; p++, k++) {
      residenceTime += R[k] as number;
      queueLength += Q[k] as number;
    }
    const utilization = servers === "delay" ? 0 : (X * s.demand) / servers;
    out.push({ ...(s.name !== undefined ? { name: s.name } : {}), residenceTime, queueLength, utilization });
  }
  return out;
}
