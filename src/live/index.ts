// Live broker metrics (DESIGN.md, "Live broker metrics"): the only code that talks to real
// brokers. Parsers, estimators and the comparison are pure and run in the page; sources fetch
// (the page reaches real brokers through the loopback bridge, src/live/bridge, which is Node only).
export type * from "./types.ts";
export { liveError, errorSample } from "./types.ts";
export { parseJsonBody } from "./parse/body.ts";
export { parseRabbitQueue, parseRabbitQueueText } from "./parse/rabbitmqQueue.ts";
export { parsePrometheusText, type PromScrape, type PromSeries } from "./parse/prometheusText.ts";
export { readRabbitPrometheus, type RabbitPromState, type RabbitQueueRef } from "./parse/rabbitmqPrometheus.ts";
export { readMappedPrometheus, parseSelector, validateMapping, type PromMapping, type MetricSelector } from "./parse/promMapping.ts";
export { parseJsz, parseJszText, parseNatsQueueName, type NatsConsumerRef } from "./parse/natsJsz.ts";
export { accumulateCounter, type CounterState } from "./parse/counterState.ts";
export { parseBrokerUrl, isLoopbackHost, basicAuthorization, type BrokerEndpoint } from "./sources/brokerUrl.ts";
export { getText, httpDefaults, type HttpOptions } from "./sources/http.ts";
export { rabbitmqApiSource, type RabbitApiOptions } from "./sources/rabbitmqApiSource.ts";
export { rabbitmqPrometheusSource, type RabbitPrometheusOptions } from "./sources/rabbitmqPrometheusSource.ts";
export { natsJszSource, type NatsJszOptions } from "./sources/natsJszSource.ts";
export { prometheusSource, isMetricsPath, type PrometheusOptions } from "./sources/prometheusSource.ts";
export { brokerSource, type BrokerSourceOptions } from "./sources/brokerSource.ts";
export { bridgeSource, bridgeRequest, isLiveSample, addBridgeTarget, type BridgeSourceOptions, type BridgeTargetInput, type BridgeTargetInfo } from "./sources/bridgeSource.ts";
export { createSource, remoteSourceKinds, type RemoteSourceConfig, type RemoteSourceKind } from "./sources/createSource.ts";
export { estimateLive, type EstimateOptions, type LiveEstimate } from "./estimate/estimateLive.ts";
export { sampleWindow, type SampleWindow } from "./estimate/window.ts";
export { counterRate } from "./estimate/counterRate.ts";
export { gaugeMean, integralMean } from "./estimate/gaugeMean.ts";
export { brokerOverheads, noOverheads, type BrokerOverheads } from "./estimate/overheads.ts";
export { fitScenario, type FitResult, type FitOptions } from "./estimate/fitScenario.ts";
export type { LiveFigure } from "./estimate/figure.ts";
export { compareLive, formatFigure, type LiveReport, type CompareOptions, type ObservedFigures } from "./compare.ts";
