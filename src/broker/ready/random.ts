import type { RandomSource } from "../../engine/random/types.ts";
import type { MessageStore } from "../messageStore.ts";
import type { ReadyStore } from "./readyStore.ts";

/**
 * Service in random order: each delivery picks a ready message uniformly, from the queue's own
 * named stream. drop-head discards the oldest ready message (a linear scan: drop-head with random
 * order is rare, and the scan is bounded by the capacity it enforces).
 */
export function randomStore(store: MessageStore, random: RandomSource): ReadyStore {
  let items = new Int32Array(64);
  let size = 0;
  const removeIndex = (i: number) => {
    const msg = items[i]!;
    const last = items[--size]!;
    items[i] = last;
    store.readyPos[last] = i;
    return msg;
  };
  const push = (msg: number) => {
    if (size === items.length) {
      const bigger = new Int32Array(items.length * 2);
      bigger.set(items);
      items = bigger;
    }
    items[size] = msg;
    store.readyPos[msg] = size++;
  };
  return {
    get size() { return size; },
    push,
    pushHead: push,
    shift: () => (size === 0 ? -1 : removeIndex(Math.floor(random() * size))),
    dropHead: () => {
      if (size === 0) return -1;
      let oldest = 0;
      for (let i = 1; i < size; i++) {
        if (store.enqueuedAt[items[i]!]! < store.enqueuedAt[items[oldest]!]!) oldest = i;
      }
      return removeIndex(oldest);
    },
    remove: (msg) => {
      const i = store.readyPos[msg]!;
      if (i < size && items[i] === msg) removeIndex(i);
    },
    clear: () => { size = 0; },
  };
}
