import type { MessageStore } from "../messageStore.ts";
import { Deque } from "./deque.ts";
import type { ReadyStore } from "./readyStore.ts";

/**
 * Last in, first out (a stack): the newest message is delivered next; a requeued message goes
 * back on top. drop-head discards the oldest, which is the one that would wait longest.
 */
export function lifoStore(store: MessageStore): ReadyStore {
  const q = new Deque(store);
  return {
    get size() { return q.size; },
    push: (msg) => q.pushBack(msg),
    pushHead: (msg) => q.pushBack(msg),
    shift: () => q.popBack(),
    dropHead: () => q.popFront(),
    remove: (msg) => q.removeAt(store.readyPos[msg]!),
    clear: () => q.clear(),
  };
}
