/**
 * The agent SDK's side of the signature: verifySignature on its own, and the listener over HTTP
 * refusing forged, stale and replayed events (with pull events, which need no Mercato server; the
 * order flow against the real server is server/test/webhook-plugin.test.ts).
 */
import { randomBytes } from 'node:crypto';
import { createAgent, signPayload, SignatureError, verifySignature, type Agent } from '../src';

const SECRET = `whsec_${randomBytes(32).toString('base64')}`;
const now = () => Math.floor(Date.now() / 1000);

function signed(body: string, options: { id?: string; timestamp?: number; secret?: string } = {}) {
  const id = options.id ?? `evt_${randomBytes(8).toString('hex')}`;
  const timestamp = options.timestamp ?? now();
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signPayload(options.secret ?? SECRET, id, timestamp, body),
  };
}

describe('verifySignature', () => {
  const body = '{"type":"resource.pull"}';

  test('takes a body signed with the secret, as whsec_ base64 or as plain text', () => {
    const headers = signed(body, { id: 'evt_1', timestamp: 1_700_000_000 });
    expect(verifySignature(SECRET, headers, body, { now: 1_700_000_000_000 })).toEqual({
      id: 'evt_1',
      timestamp: 1_700_000_000,
    });
    const plain = 'a plain signing secret of some length';
    expect(() => verifySignature(plain, signed(body, { secret: plain }), body)).not.toThrow();
    // Rotation: one matching signature among several is enough.
    const rotated = signed(body);
    rotated['webhook-signature'] = `v1,${Buffer.alloc(32).toString('base64')} ${rotated['webhook-signature']}`;
    expect(() => verifySignature(SECRET, rotated, body)).not.toThrow();
  });

  test.each([
    [
      'another body',
      (h: Record<string, string>) => h,
      '{"type":"resource.pull","x":1}',
      /no webhook-signature matches/,
    ],
    [
      'another secret',
      () => signed(body, { secret: `whsec_${randomBytes(32).toString('base64')}` }),
      body,
      /no webhook-signature matches/,
    ],
    [
      'another id',
      (h: Record<string, string>) => ({ ...h, 'webhook-id': 'evt_other' }),
      body,
      /no webhook-signature matches/,
    ],
    [
      'a stale timestamp',
      () => signed(body, { timestamp: now() - 301 }),
      body,
      /is 30[12] s old, more than the 300 s allowed/,
    ],
    ['a future timestamp', () => signed(body, { timestamp: now() + 400 }), body, /ahead of this clock/],
    [
      'no signature',
      (h: Record<string, string>) => ({ ...h, 'webhook-signature': undefined }),
      body,
      /webhook-signature header is missing/,
    ],
    [
      'a timestamp that is not a number',
      (h: Record<string, string>) => ({ ...h, 'webhook-timestamp': '12ab' }),
      body,
      /not Unix seconds/,
    ],
  ])('refuses %s', (_case, headers, sent, message) => {
    const error = (() => {
      try {
        verifySignature(SECRET, headers(signed(body)) as never, sent);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(SignatureError);
    expect((error as SignatureError).status).toBe(401);
    expect((error as Error).message).toMatch(message);
  });
});

describe('the listener', () => {
  let agent: Agent;
  let url: string;
  const pulled: string[] = [];

  beforeAll(async () => {
    agent = createAgent({
      endpoint: 'http://127.0.0.1:9', // pulls never call the API
      token: 'unused',
      signingSecret: SECRET,
      offering: ['site-vm'],
      log: () => undefined,
      handlers: {
        create: async () => ({}),
        update: async () => ({}),
        terminate: async () => ({}),
        pull: async (event) => {
          pulled.push(event.id);
          return { outputs: { power: 'on' }, usage: { cpu_hours: 2 } };
        },
      },
    });
    url = await agent.listen(0);
  });
  afterAll(() => agent.close());

  const pullEvent = (slug = 'site-vm') =>
    JSON.stringify({
      id: `evt_${randomBytes(8).toString('hex')}`,
      type: 'resource.pull',
      created_at: new Date().toISOString(),
      resource: { id: 'r1', backend_id: 'vm-1' },
      offering: { id: 'o1', slug },
    });
  const post = async (body: string, headers: Record<string, string>) => {
    const response = await fetch(url, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...headers },
    });
    return { status: response.status, body: (await response.json()) as { error?: string } };
  };

  test('answers a signed pull with its handler', async () => {
    const body = pullEvent();
    expect(await post(body, signed(body))).toEqual({
      status: 200,
      body: { outputs: { power: 'on' }, usage: { cpu_hours: 2 } },
    });
  });

  test('refuses a forged event with 401, and runs nothing', async () => {
    const before = pulled.length;
    const body = pullEvent();
    const forged = await post(body, signed(body, { secret: 'someone else entirely, guessing' }));
    expect(forged.status).toBe(401);
    expect(forged.body.error).toMatch(/no webhook-signature matches the body/);
    const tampered = await post(pullEvent(), signed(body));
    expect(tampered.status).toBe(401);
    expect(pulled.length).toBe(before);
  });

  test('refuses a stale event with 401, saying how old it is', async () => {
    const body = pullEvent();
    const stale = await post(body, signed(body, { timestamp: now() - 3600 }));
    expect(stale).toEqual({
      status: 401,
      body: {
        error: expect.stringMatching(
          /^the event's webhook-timestamp is 360[01] s old, more than the 300 s allowed: a replayed event, or a clock out of sync$/,
        ),
      },
    });
  });

  test('refuses a replayed event id with 409, even signed anew', async () => {
    const body = pullEvent();
    const headers = signed(body, { id: 'evt_replayed' });
    expect((await post(body, headers)).status).toBe(200);
    const replay = await post(body, headers);
    expect(replay.status).toBe(409);
    expect(replay.body.error).toMatch(/^event evt_replayed was received \d+ s ago: a replayed event is refused$/);
    // A retry of the same event with a fresh timestamp is still the same event.
    expect((await post(body, signed(body, { id: 'evt_replayed' }))).status).toBe(409);
    expect(pulled.filter((id) => id === JSON.parse(body).id)).toHaveLength(1);
  });

  test('refuses what is not a signed event of an offering it serves, saying why', async () => {
    expect((await fetch(url)).status).toBe(405);
    const notJson = 'not json';
    expect(await post(notJson, signed(notJson))).toEqual({
      status: 400,
      body: { error: 'the event body is not JSON' },
    });
    const other = pullEvent('another-offering');
    expect(await post(other, signed(other))).toEqual({
      status: 422,
      body: { error: 'this site agent does not serve offering another-offering' },
    });
  });
});
