import { startTestServer, type TestServer } from './server-harness';

/**
 * The server's OpenAPI document (/api/v1/openapi.json), as a running server serves it, and the
 * schemas inside it the tests compare their copies of the API's enumerations and limits with.
 */

type Schema = {
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  additionalProperties?: Schema;
};
type Document = { paths: Record<string, Record<string, Operation>> };
type Operation = {
  parameters?: { name: string; in: string; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
};

export class OpenApiDocument {
  private constructor(private readonly document: Document) {}

  static async fetch(serverUrl: string): Promise<OpenApiDocument> {
    const response = await fetch(`${serverUrl}/api/v1/openapi.json`);
    if (!response.ok) throw new Error(`GET /api/v1/openapi.json answered ${response.status}`);
    return new OpenApiDocument((await response.json()) as Document);
  }

  private operation(method: string, path: string): Operation {
    const found = this.document.paths[`/api/v1${path}`]?.[method];
    if (!found) throw new Error(`the OpenAPI document has no ${method.toUpperCase()} /api/v1${path}`);
    return found;
  }

  /** A property of an operation's JSON request body, e.g. ('post', '/offerings', 'platform'). */
  bodyProperty(method: string, path: string, name: string): Schema {
    return property(
      this.operation(method, path).requestBody!.content['application/json'].schema,
      name,
      `${method} ${path} body`,
    );
  }

  /** A query parameter's schema, e.g. ('/offerings', 'status'). */
  queryParameter(path: string, name: string): Schema {
    const parameter = this.operation('get', path).parameters?.find((p) => p.in === 'query' && p.name === name);
    if (!parameter) throw new Error(`GET ${path} has no query parameter ${name}`);
    return parameter.schema;
  }

  /** A property of a GET's 200 response, e.g. ('/resources/{id}', 'state'). */
  responseProperty(path: string, name: string): Schema {
    return property(
      this.operation('get', path).responses['200'].content!['application/json'].schema,
      name,
      `GET ${path} response`,
    );
  }
}

function property(schema: Schema, name: string, where: string): Schema {
  const found = schema.properties?.[name];
  if (!found) throw new Error(`${where} has no property ${name}`);
  return found;
}

/** A real server (SQLite) for the tests of the calling file, and its document, fetched once before them. */
export function serverWithOpenApi(): { server(): TestServer; document(): OpenApiDocument } {
  let server: TestServer | undefined;
  let document: OpenApiDocument | undefined;
  beforeAll(async () => {
    server = await startTestServer('sqlite');
    document = await OpenApiDocument.fetch(server.url);
  });
  afterAll(() => server?.close());
  return { server: () => server!, document: () => document! };
}
