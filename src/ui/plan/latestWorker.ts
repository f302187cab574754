import type { PlanWorkerRequest, PlanWorkerResponse } from "../../worker/planProtocol.ts";

type Request = PlanWorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, "id"> : never) : never;
type Listener = (response: PlanWorkerResponse) => void;

/** Whether an answer ends its request. */
export function isFinalAnswer(response: PlanWorkerResponse): boolean {
  return response.type !== "sweepPoint";
}

/**
 * A planning worker where the newest request wins: the planner is synchronous, so a request
 * sent while another runs terminates that worker and starts a fresh one. Answers to
 * superseded or cancelled requests are never delivered.
 */
export class LatestWorker {
  private worker: Worker | null = null;
  private busy = false;
  private id = 0;

  constructor(private readonly spawn: () => Worker) {}

  /** Sends `request`, superseding any running one; `listener` gets its answers. */
  send(request: Request, listener: Listener): void {
    if (this.busy) this.stop();
    this.worker ??= this.spawn();
    const id = ++this.id;
    this.busy = true;
    const receive = (response: PlanWorkerResponse) => {
      if (id !== this.id) return;
      if (isFinalAnswer(response)) this.busy = false;
      listener(response);
    };
    this.worker.onmessage = (event: MessageEvent<PlanWorkerResponse>) => receive(event.data);
    this.worker.onerror = (event) => {
      event.preventDefault();
      receive({ type: "error", id, message: event.message || "the planning worker failed" });
    };
    this.worker.postMessage({ ...request, id } as PlanWorkerRequest);
  }

  /** Drops the running request, if any. */
  cancel(): void {
    this.id++;
    if (this.busy) this.stop();
  }

  dispose(): void {
    this.id++;
    this.stop();
  }

  private stop() {
    this.worker?.terminate();
    this.worker = null;
    this.busy = false;
  }
}

/** A worker running src/worker/planWorker.ts. */
export function spawnPlanWorker(): Worker {
  return new Worker(new URL("../../worker/planWorker.ts", import.meta.url), { type: "module" });
}
