/**
 * The event ids an agent has received lately, to refuse one received again (a replay, which a
 * valid signature alone does not reveal). An id is kept for twice the timestamp tolerance: an
 * event older than that is refused for its timestamp anyway.
 */
export class ReplayGuard {
  private readonly seen = new Map<string, number>();

  constructor(private readonly keepMs: number) {}

  /** Records `id`; answers when it was received before, if it was (ms since the epoch). */
  check(id: string, now = Date.now()): number | undefined {
    this.forgetOlderThan(now - this.keepMs);
    const before = this.seen.get(id);
    if (before === undefined) this.seen.set(id, now);
    return before;
  }

  /** Ids are kept in the order they came, so the oldest are first. */
  private forgetOlderThan(limit: number) {
    for (const [id, at] of this.seen) {
      if (at >= limit) break;
      this.seen.delete(id);
    }
  }
}
