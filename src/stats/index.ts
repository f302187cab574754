// Streaming statistics for simulation output: percentiles, accumulators, warm-up detection,
// batch means and confidence intervals. Pure; imports nothing from the rest of Kendall.
export { QuantileSketch, type QuantileSketchOptions, type SketchBin, type SketchState } from "./quantileSketch.ts";
export { RunningStats } from "./runningStats.ts";
export { studentTQuantile } from "./studentTQuantile.ts";
export { meanCi, ciHalfWidth, type MeanCi } from "./meanCi.ts";
export { BatchSeries, type BatchSeriesOptions } from "./batchSeries.ts";
export { mserTruncation, type MserResult } from "./mserTruncation.ts";
export { batchMeansCi, type BatchMeansCi, type BatchMeansCiOptions } from "./batchMeansCi.ts";
export { TimeAverage } from "./timeAverage.ts";
