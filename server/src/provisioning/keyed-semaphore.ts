interface Slots {
  /** The limit the latest caller gave. */
  limit: number;
  holders: number;
  /** Callers waiting, first come first served; each is handed its slot already counted. */
  waiting: Array<() => void>;
}

/**
 * At most `limit` holders at once per key (an offering id), in the order they asked. Held in this
 * process's memory: see the `script` plugin for what that means with several server replicas.
 */
export class KeyedSemaphore {
  private readonly keys = new Map<string, Slots>();

  /**
   * Resolves with a release function once fewer than `limit` hold `key`. The latest caller's
   * `limit` applies (an offering's options may change); a lowered limit takes effect as holders
   * leave. Rejects with `signal`'s reason when it aborts while waiting. Release exactly once
   * (later calls do nothing).
   */
  async acquire(key: string, limit: number, signal?: AbortSignal): Promise<() => void> {
    signal?.throwIfAborted();
    const slots = this.keys.get(key) ?? { limit, holders: 0, waiting: [] };
    this.keys.set(key, slots);
    slots.limit = limit;
    if (slots.holders < limit && !slots.waiting.length) slots.holders++;
    else await this.wait(key, slots, signal);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      slots.holders--;
      this.handOver(key, slots);
    };
  }

  private wait(key: string, slots: Slots, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const turn = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        slots.waiting.splice(slots.waiting.indexOf(turn), 1);
        this.handOver(key, slots);
        reject(signal!.reason);
      };
      slots.waiting.push(turn);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Counts each slot for its waiter before waking it, so nobody arriving meanwhile can take it. */
  private handOver(key: string, slots: Slots) {
    while (slots.holders < slots.limit && slots.waiting.length) {
      slots.holders++;
      slots.waiting.shift()!();
    }
    if (!slots.holders && !slots.waiting.length) this.keys.delete(key);
  }
}
