import type { MessageStore } from "../broker/messageStore.ts";

/**
 * Fanout copies of one published message form a family; the message's end-to-end time ends
 * when the last copy leaves (DESIGN.md, `fanout`). Counters live in typed arrays with a free list.
 */
export class Families {
  /** Whether every copy of the family that just ended was served (acked at its last queue). */
  lastServed = false;
  private pending = new Int32Array(64);
  private allServed = new Uint8Array(64);
  private freeIds: number[] = [];
  private next = 0;

  /** `msg` is about to be copied so that `copies` messages go on in all. */
  fanOut(store: MessageStore, msg: number, copies: number): void {
    let f = store.family[msg]!;
    if (f < 0) {
      f = this.freeIds.pop() ?? this.grow();
      this.pending[f] = 1;
      this.allServed[f] = 1;
      store.family[msg] = f;
    }
    this.pending[f]! += copies - 1;
  }

  /** One copy left the system; returns true when it was the family's last. */
  leave(f: number, served: boolean): boolean {
    if (!served) this.allServed[f] = 0;
    if (--this.pending[f]! > 0) return false;
    this.lastServed = this.allServed[f] === 1;
    this.freeIds.push(f);
    return true;
  }

  private grow(): number {
    if (this.next === this.pending.length) {
      const p = new Int32Array(this.pending.length * 2);
      p.set(this.pending);
      this.pending = p;
      const a = new Uint8Array(this.allServed.length * 2);
      a.set(this.allServed);
      this.allServed = a;
    }
    return this.next++;
  }
}
