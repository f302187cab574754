/**
 * Shapes shared by the analytic models. Times are in seconds, rates per second.
 * `AnalyticResult` is the `analytic` block of DESIGN.md's `run --json` result.
 */

/** Percentiles of a waiting or sojourn time, in seconds. */
export interface Percentiles {
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  p999?: number;
}

/** Per-class means of a priority model, in seconds. */
export interface ClassResult {
  W: number;
  Wq: number;
  L?: number;
  Lq?: number;
  unstable?: boolean;
}

/**
 * What a model says about one station. A figure the model does not give is omitted, never
 * guessed. Means and percentiles of W and Wq are over served messages (DESIGN.md); `pBlock`
 * and `pAbandon` are fractions of offered messages; `pWait` is the fraction of served messages
 * that waited. When the system is unstable (`unstable: true`) the means and percentiles are
 * `Infinity` (serialised to `null` by `JSON.stringify`).
 */
export interface AnalyticResult {
  /** Kendall notation, with the approximation's name when `exact` is false. */
  model: string;
  /** false marks an approximation. */
  exact: boolean;
  /** true when the backlog grows without bound (rho >= 1 and nothing sheds load). */
  unstable?: boolean;
  /** Offered load per consumer, lambda / (c mu); omitted for unlimited consumers. */
  rho?: number;
  /** Messages served per second. */
  throughput?: number;
  /** Fraction of consumer time busy (carried load per consumer). */
  utilization?: number;
  /** Mean number of busy consumers (given for unlimited consumers, where rho is not). */
  busyServers?: number;
  pWait?: number;
  pBlock?: number;
  pAbandon?: number;
  /**
   * Fraction of time a consumer could take a message at once (RabbitMQ's consumer utilisation):
   * 1 - P(every consumer busy), time-averaged. Given where the state law makes it exact (see
   * src/simulation/withAnalytic.ts).
   */
  consumerCapacity?: number;
  L?: number;
  Lq?: number;
  W?: number;
  Wq?: number;
  wait?: Percentiles;
  sojourn?: Percentiles;
  classes?: Record<string, ClassResult>;
  /** One line on the method when it needs saying (approximations, numerical methods). */
  note?: string;
}

/** How the service time is distributed, as far as the models need to know. */
export type ServiceKind = "exponential" | "deterministic" | "erlang" | "general";

/** One priority class of a station (DESIGN.md `priorities`). */
export interface StationClass {
  name: string;
  /** Higher is served first (RabbitMQ's rule). */
  priority: number;
  /** Fraction of the station's arrivals in this class; shares sum to 1. */
  share: number;
  /** Mean service time of the class in seconds; default: the station's. */
  meanService?: number;
  /** Squared coefficient of variation of the class's service time; default: the station's. */
  serviceScv?: number;
}

/**
 * The numeric characteristics of one station, from which `analyzeStation` picks a model.
 * The mapping from a scenario queue is done by the caller.
 */
export interface StationInput {
  /** Messages offered per second (>= 0). With `batch`, batches arrive at lambda / meanSize. */
  lambda: number;
  /** Squared coefficient of variation of inter-arrival (or inter-batch) times; 1 = Poisson. */
  arrivalScv: number;
  /** "poisson" unless said otherwise when arrivalScv is 1; "general" forces G/G approximations. */
  arrivalKind?: "poisson" | "general";
  /** Batch arrivals (Poisson batches): mean and squared coefficient of variation of the size. */
  batch?: { meanSize: number; scvSize: number };
  /** Mean service time in seconds (> 0). */
  meanService: number;
  /** Squared coefficient of variation of the service time: 0 deterministic, 1 exponential, 1/k Erlang-k. */
  serviceScv: number;
  /** Default: deterministic when serviceScv is 0, exponential when 1, general otherwise. */
  serviceKind?: ServiceKind;
  /** Phases of an Erlang service time (serviceKind "erlang"); default round(1 / serviceScv). */
  erlangK?: number;
  /** Consumers: a positive integer, or "unlimited". */
  servers: number | "unlimited";
  /** Max ready messages (RabbitMQ x-max-length); K = capacity + servers. null = unbounded. */
  capacity: number | null;
  /** Exponential TTL (patience) rate per second of a ready message: 1 / mean TTL. */
  patienceRate?: number;
  classes?: StationClass[];
  /** Preemptive-resume priority instead of a broker's non-preemptive rule. */
  preemptive?: boolean;
}

/** Answer of a sizing question: the number found, or why there is none. */
export type SizingResult =
  | { servers: number; achieved: number; reason?: undefined }
  | { servers: null; achieved?: undefined; reason: string };

/** Answer of a "how much load can it take" question. */
export type RateResult =
  | { lambda: number; achieved: number; reason?: undefined }
  | { lambda: null; achieved?: undefined; reason: string };
