import { isFinal, type WorkerRequest, type WorkerResponse } from "../../worker/protocol.ts";

type Listener = (response: WorkerResponse) => void;
type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, "id"> : never) : never;

/**
 * A simulation worker where the newest request wins: a request sent while another runs
 * terminates that worker (the engine is synchronous, so it cannot be interrupted any other
 * way) and hands the new request to a spare worker that was started in advance, so no time
 * is lost loading modules. Answers to superseded requests are never delivered.
 *
 * With `keepSpare: false` no spare is kept: a worker is started when a request needs one. That
 * suits work that starts when the page is idle (the load curve), where a spare started on every
 * cancel would load its modules at the very moment the next main run needs the processor.
 */
export class SupersedingWorker {
  private active: Worker | null = null;
  private spare: Worker | null = null;
  private busy = false;
  private id = 0;
  private listener: Listener | null = null;

  constructor(private readonly spawn: () => Worker, private readonly keepSpare = true) {
    this.spare = keepSpare ? spawn() : null;
  }

  /** Sends `request`, superseding any running one; `listener` gets its answers. */
  send(request: Request, listener: Listener): void {
    if (this.busy || !this.active) this.replaceActive();
    const worker = this.active!;
    const id = ++this.id;
    this.listener = listener;
    this.busy = true;
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => this.receive(id, event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.receive(id, { type: "error", id, message: event.message || "the simulation worker failed" });
    };
    worker.postMessage({ ...request, id } as WorkerRequest);
  }

  /** Drops the running request, if any. */
  cancel(): void {
    this.listener = null;
    if (!this.busy) return;
    if (this.keepSpare) this.replaceActive();
    else {
      this.active?.terminate();
      this.active = null;
      this.busy = false;
    }
  }

  /** Stops both workers. */
  dispose(): void {
    this.listener = null;
    this.active?.terminate();
    this.spare?.terminate();
    this.active = this.spare = null;
  }

  private receive(id: number, response: WorkerResponse) {
    if (id !== this.id) return;
    if (isFinal(response)) this.busy = false;
    this.listener?.(response);
  }

  private replaceActive() {
    this.active?.terminate();
    this.active = this.spare ?? this.spawn();
    this.spare = this.keepSpare ? this.spawn() : null;
    this.busy = false;
  }
}

/** A worker running src/worker/simWorker.ts. */
export function spawnSimWorker(): Worker {
  return new Worker(new URL("../../worker/simWorker.ts", import.meta.url), { type: "module" });
}
