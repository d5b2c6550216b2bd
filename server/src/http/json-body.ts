import { isUtf8 } from 'node:buffer';
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { scanJsonBody } from './json-scan';
import { badRequest, invalidFields } from './problem';

/**
 * The JSON body parser: Fastify's own (prototype poisoning refused), after checking that the bytes
 * are UTF-8 (decoding would otherwise replace what is not with U+FFFD, silently), and before
 * anything recursive sees the value, the scan of json-scan.ts: nesting (400 past 64 levels, 422
 * past 32 within a field), numbers a double does not keep, and text the API does not store.
 */
export const jsonBody = fp(async (app: FastifyInstance) => {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const bytes = body as Buffer;
    if (!isUtf8(bytes))
      return done(badRequest('the request body is not valid UTF-8, which JSON text must be'), undefined);
    const text = bytes.toString('utf8');
    void parse(request, text, (error, value) => {
      if (error) return done(error, undefined);
      const scan = scanJsonBody(text);
      if (scan.tooDeep)
        return done(badRequest(`${scan.tooDeep.field}: ${scan.tooDeep.message}`, [scan.tooDeep]), undefined);
      if (scan.errors.length) return done(invalidFields(scan.errors), undefined);
      done(null, value);
    });
  });
});
