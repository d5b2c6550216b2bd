import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { Api } from '@mercato/test-support/api-client';
import { DATABASE_KINDS, startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeUser, type Actor } from '@mercato/test-support/world';

interface Answer {
  status: number;
  location?: string;
  body: string;
}

/** What a browser trusting only `ca` gets for `url` (redirects not followed); `form` makes it a form POST. */
function browse(url: string, ca: string, form?: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = form && new URLSearchParams(form).toString();
    const request = https.request(
      url,
      {
        ca,
        method: form ? 'POST' : 'GET',
        headers: form ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode!, location: response.headers.location, body: text }),
        );
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** The hidden fields of the authorization page's form, as the browser would send them back. */
function hiddenFields(page: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [, name, value] of page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g))
    fields[name] = value
      .replace(/&amp;/g, '&')
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>');
  return fields;
}

/** `terraform login <host>` in a fresh HOME with no browser to open, answering "yes" to its question. */
function terraformLogin(server: TestServer, home: string) {
  fs.writeFileSync(path.join(home, 'empty.tfrc'), '');
  // Terraform 1.11 writes its credentials file there but does not make the directory itself
  fs.mkdirSync(path.join(home, '.terraform.d'));
  const child = spawn('/usr/local/bin/terraform', ['login', '-no-color', server.registryHost!], {
    cwd: home,
    // PATH without xdg-open and friends: Terraform cannot start a browser and prints the URL instead
    env: {
      PATH: '/usr/local/bin',
      HOME: home,
      TF_CLI_CONFIG_FILE: path.join(home, 'empty.tfrc'),
      CHECKPOINT_DISABLE: '1',
      SSL_CERT_FILE: server.caFile,
    },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  child.stdin.end('yes\n');
  const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  const authorizationUrl = (async () => {
    for (let waited = 0; waited < 30_000; waited += 50) {
      const found = output.match(/https:\/\/\S+\/oauth\/authorization\?\S+/);
      if (found) return found[0];
      if (child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`terraform login printed no authorization URL:\n${output}`);
  })();
  return { authorizationUrl, exited, output: () => output, kill: () => child.kill() };
}

/** A PKCE pair (RFC 7636): a random verifier and its S256 challenge. */
function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

const REDIRECT = 'http://localhost:10003/login';

describe.each(DATABASE_KINDS)('terraform login against Mercato (%s)', (kind) => {
  let server: TestServer;
  let ca: string;
  let alice: Actor;
  beforeAll(async () => {
    server = await startTestServer(kind, { worker: { enabled: false }, https: true });
    ca = fs.readFileSync(server.caFile!, 'utf8');
    alice = await makeUser(new Api(`${server.url}/api/v1`, server.adminToken), `alice-${kind}`);
  });
  afterAll(() => server.close());

  /** Asks for a code as the authorization page's form does, with `token` pasted. */
  async function authorize(token: string, fields: Record<string, string>): Promise<Answer> {
    return browse(`${server.httpsUrl}/oauth/authorization`, ca, { ...fields, token });
  }

  const requestFields = (challenge: string, redirect_uri = REDIRECT) => ({
    response_type: 'code',
    client_id: 'terraform-cli',
    redirect_uri,
    state: 'st-1',
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });

  async function redeem(fields: Record<string, string>) {
    const response = await fetch(`${server.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', client_id: 'terraform-cli', ...fields }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, string> };
  }

  const codeOf = (answer: Answer) => new URL(answer.location!).searchParams.get('code')!;

  async function whoAmI(token: string) {
    const response = await fetch(`${server.url}/api/v1/users/me`, { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, body: (await response.json()) as { id: string } };
  }

  test('Terraform signs in through the browser page and keeps a new token of the same user', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'mercato-login-'));
    const login = terraformLogin(server, home);
    try {
      const url = await login.authorizationUrl;
      const page = await browse(url, ca);
      expect(page.status).toBe(200);
      expect(page.body).toMatch(/<label for="token">/);
      expect(page.body.match(/<form /g)).toHaveLength(1);
      const fields = hiddenFields(page.body);
      expect(fields).toMatchObject({
        client_id: 'terraform-cli',
        code_challenge_method: 'S256',
        response_type: 'code',
      });
      expect(fields.redirect_uri).toMatch(/^http:\/\/localhost:100(0\d|10)\/login$/);

      // a wrong token: the form again with the error, no redirect
      const wrong = await authorize('mct_not_a_token', fields);
      expect(wrong.status).toBe(401);
      expect(wrong.location).toBeUndefined();
      expect(wrong.body).toMatch(/role="alert">That token is not valid/);

      const right = await authorize(alice.token, fields);
      expect(right.status).toBe(303);
      const callback = new URL(right.location!);
      expect(`${callback.origin}${callback.pathname}`).toBe(fields.redirect_uri);
      expect(callback.searchParams.get('state')).toBe(fields.state);
      // the browser follows the redirect to Terraform's listener; Terraform may close the listener as
      // soon as it has the code, before its answer to the browser is out, so only the request counts
      await fetch(right.location!.replace('//localhost:', '//127.0.0.1:')).catch(() => undefined);
      const exitCode = await login.exited;
      if (exitCode !== 0) throw new Error(`terraform login failed (${exitCode}):\n${login.output()}`);
      expect(login.output()).toMatch(/Success! Terraform has obtained and saved an API token/);
      expect(login.output()).not.toContain(alice.token);

      const saved = JSON.parse(fs.readFileSync(path.join(home, '.terraform.d', 'credentials.tfrc.json'), 'utf8'));
      const token = saved.credentials[server.registryHost!].token as string;
      expect(token).not.toBe(alice.token);
      expect(await whoAmI(token)).toMatchObject({ status: 200, body: { id: alice.id } });

      const tokens = await fetch(`${server.url}/api/v1/users/${alice.id}/tokens`, {
        headers: { authorization: `Bearer ${alice.token}` },
      }).then((r) => r.json() as Promise<{ items: { id: string; name: string }[] }>);
      const created = tokens.items.find((t) => t.name.startsWith('terraform login ('))!;
      expect(created).toBeDefined();
      const events = await server.app.db
        .selectFrom('events')
        .selectAll()
        .where('action', '=', 'token.created')
        .where('object_id', '=', alice.id)
        .execute();
      const event = events.find((e) => JSON.parse(e.changes).token_id === created.id)!;
      expect(event.actor_id).toBe(alice.id);
      expect(event.changes).not.toContain(token);
      expect(event.changes).not.toContain(alice.token);

      // the code Terraform redeemed is spent
      expect(
        await redeem({ code: codeOf(right), redirect_uri: fields.redirect_uri, code_verifier: 'x'.repeat(43) }),
      ).toEqual({
        status: 400,
        body: expect.objectContaining({ error: 'invalid_grant' }),
      });
    } finally {
      login.kill();
    }
  });

  test('service discovery advertises login.v1', async () => {
    const discovery = await browse(`${server.httpsUrl}/.well-known/terraform.json`, ca);
    expect(JSON.parse(discovery.body)['login.v1']).toEqual({
      client: 'terraform-cli',
      grant_types: ['authz_code'],
      authz: '/oauth/authorization',
      token: '/oauth/token',
      ports: [10000, 10010],
    });
  });

  test('a code is redeemed once, with its verifier, redirect_uri and client, before it expires', async () => {
    const { verifier, challenge } = pkce();
    const first = await authorize(alice.token, requestFields(challenge));
    expect(first.status).toBe(303);
    const good = await redeem({ code: codeOf(first), redirect_uri: REDIRECT, code_verifier: verifier });
    expect(good).toMatchObject({ status: 200, body: { token_type: 'bearer' } });
    expect(await whoAmI(good.body.access_token)).toMatchObject({ status: 200, body: { id: alice.id } });
    // reused
    expect((await redeem({ code: codeOf(first), redirect_uri: REDIRECT, code_verifier: verifier })).body.error).toBe(
      'invalid_grant',
    );

    // a bad verifier spends the code too: no second guess
    const second = pkce();
    const bad = await authorize(alice.token, requestFields(second.challenge));
    const wrongVerifier = await redeem({ code: codeOf(bad), redirect_uri: REDIRECT, code_verifier: pkce().verifier });
    expect(wrongVerifier).toEqual({ status: 400, body: expect.objectContaining({ error: 'invalid_grant' }) });
    expect(
      (await redeem({ code: codeOf(bad), redirect_uri: REDIRECT, code_verifier: second.verifier })).body.error,
    ).toBe('invalid_grant');

    // another redirect_uri or client than the code was issued for
    const third = pkce();
    const other = await authorize(alice.token, requestFields(third.challenge));
    const elsewhere = {
      code: codeOf(other),
      redirect_uri: 'http://localhost:10004/login',
      code_verifier: third.verifier,
    };
    expect((await redeem(elsewhere)).body.error).toBe('invalid_grant');
    const fourth = pkce();
    const foreignClient = await authorize(alice.token, requestFields(fourth.challenge));
    expect(
      (
        await redeem({
          code: codeOf(foreignClient),
          redirect_uri: REDIRECT,
          code_verifier: fourth.verifier,
          client_id: 'other',
        })
      ).body.error,
    ).toBe('invalid_grant');

    // expired
    const fifth = pkce();
    const late = await authorize(alice.token, requestFields(fifth.challenge));
    await server.app.db
      .updateTable('terraform_login_codes')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .execute();
    expect(
      (await redeem({ code: codeOf(late), redirect_uri: REDIRECT, code_verifier: fifth.verifier })).body.error,
    ).toBe('invalid_grant');

    expect((await redeem({ code: 'nope', redirect_uri: REDIRECT, code_verifier: fifth.verifier })).body.error).toBe(
      'invalid_grant',
    );
    const grant = await fetch(`${server.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=password&username=alice',
    });
    expect(grant.status).toBe(400);
    expect(await grant.json()).toMatchObject({ error: 'unsupported_grant_type' });
  });

  test('Go oauth2 client credentials in a Basic header name the client too', async () => {
    const { verifier, challenge } = pkce();
    const answer = await authorize(alice.token, requestFields(challenge));
    const response = await fetch(`${server.url}/oauth/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from('terraform-cli:').toString('base64')}`,
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: codeOf(answer),
        redirect_uri: REDIRECT,
        code_verifier: verifier,
      }),
    });
    expect(response.status).toBe(200);
  });

  test('a redirect_uri off this machine or outside the advertised ports is refused, never redirected to', async () => {
    const { challenge } = pkce();
    for (const uri of [
      'https://evil.example/login',
      'http://evil.example:10003/login',
      'http://localhost:8080/login',
      'http://localhost/login',
      'http://user@localhost:10003/login',
      'http://127.0.0.1.evil.example:10003/login',
    ]) {
      const query = new URLSearchParams(requestFields(challenge, uri));
      const page = await browse(`${server.httpsUrl}/oauth/authorization?${query}`, ca);
      expect({ uri, status: page.status, location: page.location }).toEqual({ uri, status: 400, location: undefined });
      expect(page.body).toContain('redirect_uri: must be http://localhost:&lt;port&gt;');
      const posted = await authorize(alice.token, requestFields(challenge, uri));
      expect({ uri, status: posted.status, location: posted.location }).toEqual({
        uri,
        status: 400,
        location: undefined,
      });
    }
    // 127.0.0.1 within the range is fine
    const loopback = await authorize(alice.token, requestFields(challenge, 'http://127.0.0.1:10010/login'));
    expect(loopback.status).toBe(303);
    expect(loopback.location).toMatch(/^http:\/\/127\.0\.0\.1:10010\/login\?code=[\w-]+&state=st-1$/);
  });

  test('the page refuses a request without PKCE S256', async () => {
    const query = new URLSearchParams({ ...requestFields('x'.repeat(43)), code_challenge_method: 'plain' });
    const page = await browse(`${server.httpsUrl}/oauth/authorization?${query}`, ca);
    expect(page.status).toBe(400);
    expect(page.body).toContain('code_challenge_method: must be &quot;S256&quot;');
    const nul = await authorize('mct_x', { ...requestFields('x'.repeat(43)), client_id: 'a\u0000b' });
    expect(nul.status).toBe(400);
    expect(nul.body).toContain('client_id: contains U+0000');
  });
});
