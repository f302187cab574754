/// <reference lib="webworker" />
/**
 * A Web Worker that runs replications for the page's simulation worker, which starts one per
 * processor for a long run (see src/worker/parallelRun.ts): the settled run first, then one
 * replication at a time, each answered with its summary as plain data.
 */
import { serveReplications, type HelperRequest, type HelperResponse } from "./parallelRun.ts";

declare const self: DedicatedWorkerGlobalScope;

const handle = serveReplications((response: HelperResponse) => self.postMessage(response), () => performance.now());
self.onmessage = (event: MessageEvent<HelperRequest>) => handle(event.data);
