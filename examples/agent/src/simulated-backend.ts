import fs from 'node:fs';

/**
 * The example agent's backend: nothing real, a record per resource, in memory and, when given a
 * file, kept there as JSON (written at most every 200 ms) so that the resources outlive a restart.
 */

/** One simulated resource. */
export interface SimulatedResource {
  backend_id: string;
  /** Which simulated product: `virtual-machine` or `openshift-hosted-cluster`. */
  kind: string;
  name: string;
  attributes: Record<string, unknown>;
  limits: Record<string, number>;
  /** `running`, or `stopped` while paused. */
  power: 'running' | 'stopped';
  restarts: number;
  /** Generated credentials (reported as secret outputs). */
  secrets: Record<string, string>;
  created_at: string;
  updated_at: string;
}

export class SimulatedBackend {
  private readonly resources = new Map<string, SimulatedResource>();
  private writing?: NodeJS.Timeout;

  constructor(private readonly file?: string) {
    if (file && fs.existsSync(file)) {
      const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as SimulatedResource[];
      for (const resource of saved) this.resources.set(resource.backend_id, resource);
    }
  }

  get(backendId: string): SimulatedResource | undefined {
    return this.resources.get(backendId);
  }

  put(resource: SimulatedResource): SimulatedResource {
    this.resources.set(resource.backend_id, resource);
    this.changed();
    return resource;
  }

  delete(backendId: string): void {
    if (this.resources.delete(backendId)) this.changed();
  }

  /** Writes what is pending now (on stop). */
  flush(): void {
    if (!this.writing) return;
    clearTimeout(this.writing);
    this.writing = undefined;
    this.write();
  }

  private changed() {
    if (!this.file || this.writing) return;
    this.writing = setTimeout(() => {
      this.writing = undefined;
      this.write();
    }, 200);
    this.writing.unref();
  }

  /** The file only its user may read: it holds the generated passwords. */
  private write() {
    if (!this.file) return;
    const temporary = `${this.file}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify([...this.resources.values()], null, 2), { mode: 0o600 });
    fs.renameSync(temporary, this.file);
  }
}
