// worker_threads start here: a new thread has no TypeScript loader, so register tsx first,
// then load the TypeScript entry named in workerData.entry.
import { register } from "tsx/esm/api";
import { workerData } from "node:worker_threads";

register();
await import(workerData.entry);
