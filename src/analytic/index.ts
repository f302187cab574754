/**
 * Kendall's analytic library: closed forms and approximations for single stations, priority
 * classes, open Jackson networks and closed networks (MVA), plus capacity-planning inverses.
 * Pure functions; times in seconds, rates per second. Public names are given here only.
 */

export type {
  AnalyticResult,
  ClassResult,
  Percentiles,
  RateResult,
  ServiceKind,
  SizingResult,
  StationClass,
  StationInput,
} from "./types.ts";

export { analyzeStation } from "./select.ts";

export { erlangB, erlangC, logInverseErlangB } from "./erlang.ts";
export { mm1, mm1SojournQuantile, mm1SojournSurvival, mm1WaitQuantile, mm1WaitSurvival } from "./mm1.ts";
export {
  mmc,
  mmcServiceLevel,
  mmcSojournQuantile,
  mmcSojournSurvival,
  mmcWaitQuantile,
  mmcWaitSurvival,
} from "./mmc.ts";
export { mm1k, mmcc, mmck, mmckSojournSurvival, mmckWaitSurvival } from "./mmck.ts";
export { ggInf, mmInf } from "./mminf.ts";
export { erlangA, type ErlangAResult } from "./erlangA.ts";
export { mek1, mg1, pollaczekKhinchine } from "./mg1.ts";
export { md1, md1DecayExponent, md1WaitQuantile, md1WaitSurvival } from "./md1.ts";
export { batchMG1, type BatchSize } from "./batch.ts";
export { allenCunneen, kingman } from "./ggc.ts";
export { priorityMMc, priorityNonPreemptive, priorityPreemptive, type PriorityClassInput } from "./priority.ts";
export { jackson, trafficRates, type JacksonInput, type JacksonNode, type JacksonResult } from "./jackson.ts";
export { solveLinearSystem } from "./linear.ts";
export { mva, type MvaInput, type MvaResult, type MvaStation, type MvaStationResult } from "./mva.ts";
export {
  MAX_SERVERS,
  maxArrivalRate,
  maxOfferedLoad,
  minServers,
  serversForPWait,
  serversForServiceLevel,
  serversForWaitPercentile,
  trunksForBlocking,
  type ServerTarget,
} from "./inverse.ts";
export { PERCENTILE_LEVELS, survivalQuantile } from "./percentiles.ts";
export { erlangSurvival, serviceQuantile } from "./service.ts";
