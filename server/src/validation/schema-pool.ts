import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FieldError } from '../http/problem';

/**
 * Runs user-written JSON Schemas off the event loop, with a time limit. A schema can make one
 * check cost far more than its size suggests even with linear-time patterns (`uniqueItems` over
 * thousands of objects, an `anyOf` of a thousand constants applied to every item of a long array,
 * an RE2 pattern whose automaton keeps growing): in the server's own thread that would stall
 * every request of every tenant. Here it stalls one worker, which is stopped and replaced when the
 * check outlasts `timeoutMs`; the request gets a 422 saying so.
 *
 * Checks are served fairly between callers: each caller has its own queue, the queues take turns,
 * and a caller has at most one check running. A caller who sends many costly checks at once thus
 * keeps at most one worker busy, and the other callers' checks run on the others.
 */

export interface SchemaRequest {
  id: number;
  kind: 'check' | 'validate';
  schema: string;
  value?: unknown;
  /** Where errors are reported: `options_schema`, `attributes`, `plugin_options`. */
  field: string;
}

export type SchemaReply = { id: number; errors: FieldError[] } | { id: number; failure: string };

interface Job {
  /** Who asked (a user id): the unit of fairness. */
  caller: string;
  request: SchemaRequest;
  resolve(errors: FieldError[]): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job?: Job;
  timer?: NodeJS.Timeout;
}

export interface SchemaPoolOptions {
  /** Worker threads, started when first needed. */
  size?: number;
  /** Longest a check may run before its worker is stopped. */
  timeoutMs?: number;
}

/** The compiled worker beside this module; from the TypeScript sources (jest), a loader that compiles it. */
const WORKER_FILE = path.join(__dirname, __filename.endsWith('.ts') ? 'schema-worker-source.js' : 'schema-worker.js');

export class SchemaPool {
  private readonly slots: Slot[] = [];
  /** Waiting checks by caller, in the order the callers take turns. */
  private readonly queues = new Map<string, Job[]>();
  private readonly size: number;
  private readonly timeoutMs: number;
  private nextId = 1;
  private closed = false;

  constructor(options: SchemaPoolOptions = {}) {
    this.size = options.size ?? 2;
    this.timeoutMs = options.timeoutMs ?? 2000;
  }

  /** Field errors under `field` when `schemaText` cannot be an options schema (see `checkSchema`). */
  check(caller: string, schemaText: string, field: string): Promise<FieldError[]> {
    return this.run(caller, { kind: 'check', schema: schemaText, field });
  }

  /** Field errors under `field` where `value` breaks the schema. */
  validate(caller: string, schemaText: string, value: unknown, field: string): Promise<FieldError[]> {
    return this.run(caller, { kind: 'validate', schema: schemaText, value, field });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.takeAllWaiting()) job.reject(new Error('the server is shutting down'));
    await Promise.all(this.slots.splice(0).map((slot) => this.stop(slot, new Error('the server is shutting down'))));
  }

  private run(caller: string, request: Omit<SchemaRequest, 'id'>): Promise<FieldError[]> {
    if (this.closed) return Promise.reject(new Error('the server is shutting down'));
    return new Promise((resolve, reject) => {
      const queue = this.queues.get(caller) ?? [];
      queue.push({ caller, request: { ...request, id: this.nextId++ }, resolve, reject });
      this.queues.set(caller, queue);
      this.dispatch();
    });
  }

  /** The next check to run: the first of the first caller in turn with none running, who then goes last. */
  private nextJob(): Job | undefined {
    const running = new Set(this.slots.map((s) => s.job?.caller));
    for (const [caller, queue] of this.queues) {
      if (running.has(caller)) continue;
      const job = queue.shift()!;
      this.queues.delete(caller);
      if (queue.length) this.queues.set(caller, queue);
      return job;
    }
    return undefined;
  }

  private takeAllWaiting(): Job[] {
    const jobs = [...this.queues.values()].flat();
    this.queues.clear();
    return jobs;
  }

  private dispatch() {
    while (this.queues.size) {
      const slot = this.slots.find((s) => s.ready && !s.job);
      if (!slot) {
        if (this.slots.length < this.size && !this.slots.some((s) => !s.ready)) this.slots.push(this.spawn());
        return;
      }
      const job = this.nextJob();
      if (!job) return;
      slot.job = job;
      slot.timer = setTimeout(() => this.timeOut(slot), this.timeoutMs);
      slot.worker.postMessage(job.request);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_FILE);
    worker.unref();
    const slot: Slot = { worker, ready: false };
    worker.on('message', (message: SchemaReply | { ready: true }) => {
      if ('ready' in message) slot.ready = true;
      else this.finish(slot, message);
      this.dispatch();
    });
    worker.on('error', (error) => void this.replace(slot, error));
    worker.on('exit', () => void this.replace(slot, new Error('the schema worker stopped')));
    return slot;
  }

  private finish(slot: Slot, reply: SchemaReply) {
    const job = slot.job;
    clearTimeout(slot.timer);
    slot.job = undefined;
    if (!job || job.request.id !== reply.id) return;
    if ('errors' in reply) job.resolve(reply.errors);
    else job.reject(new Error(`schema worker failed: ${reply.failure}`));
  }

  private timeOut(slot: Slot) {
    const job = slot.job;
    if (!job) return;
    const { kind, field } = job.request;
    const what = kind === 'check' ? 'is too costly to compile' : "is too costly to check against the version's schema";
    job.resolve([{ field, message: `${what}: the check did not finish within ${this.timeoutMs / 1000} s` }]);
    slot.job = undefined;
    void this.replace(slot, undefined);
  }

  /** Drops a worker that failed, stopped or ran too long, failing its job; the next job starts another. */
  private async replace(slot: Slot, error: Error | undefined) {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    // A worker that fails before it is ready would fail again: the waiting checks fail with it.
    if (!slot.ready)
      for (const job of this.takeAllWaiting()) job.reject(error ?? new Error('the schema worker did not start'));
    await this.stop(slot, error);
    if (!this.closed) this.dispatch();
  }

  private async stop(slot: Slot, error: Error | undefined) {
    clearTimeout(slot.timer);
    if (slot.job && error) slot.job.reject(error);
    slot.job = undefined;
    slot.worker.removeAllListeners();
    await slot.worker.terminate();
  }
}
