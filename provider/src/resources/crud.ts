import type { MercatoClient } from '../client/mercato-client';

/**
 * The create/read/update/delete of a plain API object (everything but ordered resources): one
 * collection, the body is the resource's arguments, the read maps the server's object back.
 */
export function collection<Body extends object, Remote extends { id: string }>(path: string) {
  return {
    create: (client: MercatoClient, body: Body) => client.create<Remote>(`/${path}`, body),
    read: (client: MercatoClient, id: string) => client.find<Remote>(`/${path}/${encodeURIComponent(id)}`),
    update: (client: MercatoClient, id: string, body: Partial<Body>) => client.patch<Remote>(`/${path}/${encodeURIComponent(id)}`, body),
    delete: async (client: MercatoClient, id: string) => {
      try {
        await client.delete(`/${path}/${encodeURIComponent(id)}`);
      } catch (error) {
        if ((error as { status?: number }).status !== 404) throw error; // already gone is what we wanted
      }
    },
  };
}
