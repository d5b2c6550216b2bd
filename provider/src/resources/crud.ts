import { sentences, type ResourceContext } from '../framework';
import type { MercatoClient } from '../client/mercato-client';
import { ApiError } from '../client/api-error';

/**
 * The create/read/update/delete of a plain API object (everything but ordered resources): one
 * collection (`path`, e.g. `organizations`) of objects of one `kind` (`organization`), the body is
 * the resource's arguments, the read maps the server's object back.
 */
export function collection<Body extends object, Remote extends { id: string }>(path: string, kind: string) {
  const item = (id: string) => `/${path}/${encodeURIComponent(id)}`;
  return {
    create: (client: MercatoClient, body: Body) => client.create<Remote>(`/${path}`, body),
    read: (client: MercatoClient, id: string) => client.find<Remote>(item(id)),
    update: (client: MercatoClient, id: string, body: Partial<Body>) => client.patch<Remote>(item(id), body),
    /** Deletes the object; a refusal is reported once, as an error (the object stays in the state). Already gone is what was wanted. */
    delete: async (ctx: ResourceContext<MercatoClient>, id: string) => {
      try {
        await ctx.client.delete(item(id));
      } catch (error) {
        if (error instanceof ApiError && error.isNotFound) return;
        const why = (error as Error).message;
        ctx.error(
          `Cannot delete the ${kind}`,
          sentences(
            `The ${kind} ${id} was not deleted: ${why}`,
            'It stays in the Terraform state; apply again once that is resolved',
          ),
        );
      }
    },
  };
}
