import type { MessageStore } from "../messageStore.ts";
import { Deque } from "./deque.ts";
import type { ReadyStore } from "./readyStore.ts";

/** First in, first out: a classic broker queue. drop-head discards the oldest. */
export function fifoStore(store: MessageStore): ReadyStore {
  const q = new Deque(() => store.readyPos);
  return {
    get size() { return q.size; },
    push: (msg) => q.pushBack(msg),
    pushHead: (msg) => q.pushFront(msg),
    shift: () => q.popFront(),
    dropHead: () => q.popFront(),
    remove: (msg) => q.removeAt(store.readyPos[msg]!),
    clear: () => q.clear(),
  };
}
