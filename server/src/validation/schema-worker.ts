import { parentPort } from 'node:worker_threads';
import { checkSchema, validateValue } from './schema-engine';
import type { SchemaReply, SchemaRequest } from './schema-pool';

/** The worker side of `SchemaPool`: one request at a time, answered with field errors. */
const port = parentPort!;

port.on('message', (request: SchemaRequest) => {
  let reply: SchemaReply;
  try {
    const errors =
      request.kind === 'check'
        ? checkSchema(request.schema, request.field)
        : validateValue(request.schema, request.value, request.field);
    reply = { id: request.id, errors };
  } catch (error) {
    reply = { id: request.id, failure: (error as Error).stack ?? String(error) };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true });
