import { ApiError, type MercatoClient } from '@mercato/api';

/**
 * The field a person knows each kind of object by, where it has one: what tables show in place
 * of an id that refers to it, and what commands accept in place of its id.
 */
export const NAME_FIELDS = {
  organizations: 'name',
  projects: 'name',
  users: 'username',
  categories: 'title',
  offerings: 'slug',
  'offering-versions': 'version',
  plans: 'name',
  resources: 'name',
} as const;

/** A collection whose objects have a name (`NAME_FIELDS`). */
export type Named = keyof typeof NAME_FIELDS;

/** The names of objects by id: `label('projects', id)` is the project's name, or the id when unknown. */
export interface Names {
  label(collection: Named, id: unknown): unknown;
}

/** Ids as they are. */
export const NO_NAMES: Names = { label: (_collection, id) => id };

interface Reference {
  collection: Named;
  field: string;
}

/**
 * Names learned from the API for the ids that items refer to (`project_id`, `actor_id`...): one
 * list request per collection referred to, asked again only for an id not seen before (a watch
 * meets new projects and resources as it goes). An id the caller may not see, or of an object
 * since deleted, stays an id.
 */
export class NameBook implements Names {
  private readonly labels = new Map<string, string>();
  private readonly asked = new Set<string>();

  label(collection: Named, id: unknown): unknown {
    return typeof id === 'string' ? (this.labels.get(`${collection}/${id}`) ?? id) : id;
  }

  /** Looks up the names these items refer to through these references that it does not know yet. */
  async learn(client: MercatoClient, items: Record<string, unknown>[], references: Reference[]): Promise<this> {
    const unknown = new Map<Named, string[]>();
    for (const { collection, field } of references) {
      for (const item of items) {
        const id = item[field];
        if (typeof id !== 'string' || !id || this.asked.has(`${collection}/${id}`)) continue;
        unknown.set(collection, [...(unknown.get(collection) ?? []), id]);
      }
    }
    await Promise.all([...unknown].map(([collection, ids]) => this.learnCollection(client, collection, ids)));
    return this;
  }

  private async learnCollection(client: MercatoClient, collection: Named, ids: string[]): Promise<void> {
    for (const object of await listOrNone(client, collection))
      this.labels.set(`${collection}/${object.id}`, String(object[NAME_FIELDS[collection]]));
    for (const id of ids) this.asked.add(`${collection}/${id}`);
  }
}

/** The collection, or nothing when the caller may not list it: the table then shows ids. */
async function listOrNone(client: MercatoClient, collection: Named): Promise<Record<string, unknown>[]> {
  try {
    return await client.listAll<Record<string, unknown>>(`/${collection}`);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 403 || error.status === 404)) return [];
    throw error;
  }
}
