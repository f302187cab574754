import type { MessageStore } from "../messageStore.ts";
import { Deque } from "./deque.ts";
import type { ReadyStore } from "./readyStore.ts";

/**
 * Strict priority, FIFO within a level, as RabbitMQ's `x-max-priority` queues: the highest
 * priority ready message is delivered next. `levelOfClass[c]` gives the level index of class c,
 * 0 being the highest priority. drop-head discards the head of the queue: the message that
 * would be delivered next.
 */
export function priorityStore(store: MessageStore, levelOfClass: ArrayLike<number>, levels: number): ReadyStore {
  const qs = Array.from({ length: levels }, () => new Deque(store));
  let size = 0;
  const level = (msg: number) => qs[levelOfClass[store.cls[msg]!]!]!;
  const shift = () => {
    if (size === 0) return -1;
    for (const q of qs) {
      if (q.size > 0) {
        size--;
        return q.popFront();
      }
    }
    return -1;
  };
  return {
    get size() { return size; },
    push: (msg) => { level(msg).pushBack(msg); size++; },
    pushHead: (msg) => { level(msg).pushFront(msg); size++; },
    shift,
    dropHead: shift,
    remove: (msg) => {
      const q = level(msg);
      const before = q.size;
      q.removeAt(store.readyPos[msg]!);
      size -= before - q.size;
    },
    clear: () => { for (const q of qs) q.clear(); size = 0; },
  };
}
