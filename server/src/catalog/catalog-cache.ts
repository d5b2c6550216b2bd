import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/database';
import { presentOffering } from './offering-model';
import { audienceRowsOf, toAudience } from './offering-audience-repository';
import { findLiveOffering, loadCatalog, versionSummaries } from './offerings-repository';
import {
  buildSnapshot,
  lookup,
  searchJson,
  type CatalogEntry,
  type SearchQuery,
  type Snapshot,
  type Viewer,
} from './search-index';

/**
 * The catalog as this process keeps it in memory (the search index), and the one place that
 * decides whether what it keeps may still be served. Nothing else invalidates it: triggers bump
 * the `catalog` generation (db/cache-generations.ts) in the transaction of every change to the
 * tables the catalog is built from, each request reads the generations as it begins, and a
 * snapshot built before the request's generation is not used. So every replica serves a
 * committed change from its next request on, whichever replica made it.
 */
export class CatalogCache {
  private snapshot?: { generation: number; snapshot: Snapshot };
  /** The build in progress and the generation it was started at. */
  private building?: { generation: number; snapshot: Promise<Snapshot> };

  constructor(private readonly db: Db) {}

  /**
   * One offering by id or slug, as the request may see the catalog. From the snapshot when it
   * is current; after a change, straight from the database, so that writing an offering and
   * reading it back does not rebuild the whole index each time (the next search rebuilds it once).
   */
  async find(request: FastifyRequest, idOrSlug: string): Promise<CatalogEntry | undefined> {
    const generation = request.generations.catalog;
    if (this.snapshot && this.snapshot.generation >= generation) return lookup(this.snapshot.snapshot, idOrSlug);
    return readOffering(this.db, idOrSlug);
  }

  /** The search answer as the JSON text the API sends, from a snapshot at least as new as the request. */
  async searchJson(request: FastifyRequest, query: SearchQuery, viewer: Viewer): Promise<string> {
    return searchJson(await this.current(request.generations.catalog), query, viewer);
  }

  /** A snapshot at least as new as `generation`. */
  private current(generation: number): Promise<Snapshot> {
    if (this.snapshot && this.snapshot.generation >= generation) return Promise.resolve(this.snapshot.snapshot);
    // A build started before the last change does not hold it: start another.
    if (!this.building || this.building.generation < generation) {
      const snapshot: Promise<Snapshot> = loadCatalog(this.db)
        .then(buildSnapshot)
        .then(
          (built) => {
            if (this.building?.snapshot === snapshot) this.building = undefined;
            if (!this.snapshot || this.snapshot.generation < generation)
              this.snapshot = { generation, snapshot: built };
            return built;
          },
          (error) => {
            if (this.building?.snapshot === snapshot) this.building = undefined;
            throw error;
          },
        );
      this.building = { generation, snapshot };
    }
    return this.building.snapshot;
  }
}

/** An offering (not deleted) by id or slug as the database has it now, as the API presents it, with its audience: for reading back what a request wrote. */
export async function readOffering(db: Db, idOrSlug: string): Promise<CatalogEntry | undefined> {
  const row = await findLiveOffering(db, idOrSlug);
  if (!row) return undefined;
  const [versions, audience] = await Promise.all([versionSummaries(db, row.id), audienceRowsOf(db, row.id)]);
  return { offering: presentOffering(row, versions, audience), audience: toAudience(row.visibility, audience) };
}
