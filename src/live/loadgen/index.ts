// The load generator: drives a real RabbitMQ queue or NATS JetStream stream with a scenario
// queue and measures what the broker does (`kendall loadgen`, DESIGN.md "Command line").
export { runLoadgen, singleQueueScenario, queueSetup, MAX_CONSUMERS, type LoadgenOptions } from "./runLoadgen.ts";
export { BrokerError, redactUrl, scrubSecrets, urlSecrets, type BrokerErrorKind } from "./brokerError.ts";
export { formatLoadgenTable } from "./formatTable.ts";
export { replayRun, type ReplayInput, type OverheadDelays } from "./replay.ts";
export { shiftedService, scenarioWithOverheads, adjustForDelivery, overheadParameters } from "./withOverheads.ts";
export { MessagePlan, encodeBody, decodeBody, type PlannedMessage, type MessageBody } from "./plan.ts";
export { driveLoad, type DriveOptions, type DriveOutcome } from "./driver.ts";
export { openAmqpSession, type AmqpSessionOptions } from "./amqpSession.ts";
export { openNatsSession, type NatsSessionOptions } from "./natsSession.ts";
export type { BrokerSession, Delivery, PublishOptions, PublishOutcome, QueueSetup } from "./session.ts";
export type * from "./types.ts";
