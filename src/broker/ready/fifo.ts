import type { MessageStore } from "../messageStore.ts";
import { Deque } from "./deque.ts";
import type { ReadyStore } from "./readyStore.ts";

/** First in, first out: a classic broker queue. drop-head discards the oldest. */
class FifoStore extends Deque implements ReadyStore {
  constructor(private readonly store: MessageStore) {
    super(store);
  }
  push(msg: number): void {
    this.pushBack(msg);
  }
  pushHead(msg: number): void {
    this.pushFront(msg);
  }
  shift(): number {
    return this.popFront();
  }
  dropHead(): number {
    return this.popFront();
  }
  remove(msg: number): void {
    this.removeAt(this.store.readyPos[msg]!);
  }
}

/** First in, first out: a classic broker queue. drop-head discards the oldest. */
export function fifoStore(store: MessageStore): ReadyStore {
  return new FifoStore(store);
}
