/**
 * `terraform login <host>` against Mercato (Terraform docs, "Server-side Login Protocol"; OAuth
 * 2.0 authorization code grant, RFC 6749, with PKCE S256, RFC 7636):
 *
 *   GET  /oauth/authorization  ?response_type=code&client_id&redirect_uri&state&code_challenge&code_challenge_method=S256
 *                              an HTML page asking for a Mercato token the person already has
 *   POST /oauth/authorization  that form (x-www-form-urlencoded, with the pasted `token`): a valid token gives a
 *                              60 s single-use code, 303 to `redirect_uri?code=...&state=...`; a wrong one shows
 *                              the form again (401)
 *   POST /oauth/token          grant_type=authorization_code&code&redirect_uri&client_id&code_verifier:
 *                              {access_token: a new Mercato token of that user, token_type: "bearer"}, or an
 *                              OAuth 2.0 error {error} with 400
 *
 * These paths are outside /api/ and /v1/, so no bearer token is asked for: the form carries the
 * pasted token itself (a cross-site page cannot submit it without knowing it, so it needs no CSRF
 * token), and the token endpoint is authorized by the code and its PKCE verifier. Pages are never
 * cached nor framed.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { recordEvent } from '../../audit/record';
import { principalForToken } from '../../auth/principal';
import { generateToken, hashToken } from '../../auth/tokens';
import { basicCredentials } from '../../auth/basic-credentials';
import { now } from '../../http/route-context';
import { newId } from '../../ids';
import { insertToken } from '../../structure/users-repository';
import { authorizationPage, readAuthorizationRequest, refusalPage } from './authorization-page';
import { dropExpiredCodes, issueCode, redeemCode } from './login-codes';
import { LOGIN_SERVICE } from './login-service';

type Form = Record<string, string>;

const HTML_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  // no form-action: browsers apply it to the redirect after the form too, which goes to localhost
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
};

const html = (reply: FastifyReply, status: number, body: string) => reply.code(status).headers(HTML_HEADERS).send(body);

/** An OAuth 2.0 error answer of the token endpoint (RFC 6749 5.2). */
const oauthError = (reply: FastifyReply, error: string, description: string) =>
  reply.code(400).headers({ 'cache-control': 'no-store' }).send({ error, error_description: description });

/**
 * The client_id of a token request: in the body, or as the user name of Basic credentials with
 * an empty password, which Go's oauth2 package (Terraform's) sends first.
 */
function tokenClientId(form: Form, authorization: string | undefined): string {
  const basic = basicCredentials(authorization);
  if (!basic) return form.client_id ?? '';
  try {
    return decodeURIComponent(basic.user);
  } catch {
    return ''; // not percent-encoded UTF-8: matches no client
  }
}

export async function terraformLoginRoutes(app: FastifyInstance): Promise<void> {
  // HTML forms and OAuth token requests: only here, the API speaks JSON
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    const form: Form = {};
    for (const [name, value] of new URLSearchParams(body as string)) form[name] = value;
    done(null, form);
  });

  app.get(LOGIN_SERVICE.authz, { schema: { hide: true } }, async (request, reply) => {
    const read = readAuthorizationRequest(request.query as Record<string, unknown>);
    if ('error' in read) return html(reply, 400, refusalPage(read.error));
    return html(reply, 200, authorizationPage(read.request));
  });

  app.post(LOGIN_SERVICE.authz, { schema: { hide: true } }, async (request, reply) => {
    const form = (request.body ?? {}) as Form;
    const read = readAuthorizationRequest(form);
    if ('error' in read) return html(reply, 400, refusalPage(read.error));
    const caller = form.token ? await principalForToken(app.db, form.token.trim()) : undefined;
    if (!caller)
      return html(
        reply,
        401,
        authorizationPage(read.request, 'That token is not valid (unknown, revoked or expired).'),
      );
    await dropExpiredCodes(app.db);
    const code = await issueCode(app.db, {
      userId: caller.principal.user.id,
      clientId: read.request.client_id,
      redirectUri: read.request.redirect_uri,
      codeChallenge: read.request.code_challenge,
    });
    const target = new URL(read.request.redirect_uri);
    target.searchParams.set('code', code);
    target.searchParams.set('state', read.request.state);
    return reply.code(303).headers({ 'cache-control': 'no-store' }).redirect(target.toString(), 303);
  });

  app.post(LOGIN_SERVICE.token, { schema: { hide: true } }, async (request, reply) => {
    const form = (request.body ?? {}) as Form;
    if (form.grant_type !== 'authorization_code')
      return oauthError(reply, 'unsupported_grant_type', 'grant_type: must be "authorization_code"');
    for (const field of ['code', 'redirect_uri', 'code_verifier'])
      if (!form[field]) return oauthError(reply, 'invalid_request', `${field}: is required`);
    const userId = await redeemCode(app.db, {
      code: form.code,
      clientId: tokenClientId(form, request.headers.authorization),
      redirectUri: form.redirect_uri,
      codeVerifier: form.code_verifier,
    });
    if (!userId)
      return oauthError(
        reply,
        'invalid_grant',
        'the code is unknown, used, expired, or issued for another client, redirect_uri or code_challenge',
      );
    const token = generateToken();
    const row = {
      id: newId(),
      user_id: userId,
      name: `terraform login (${new Date().toISOString().slice(0, 10)})`,
      token_hash: hashToken(token),
      created_at: now(),
      expires_at: null,
    };
    await app.db.transaction().execute(async (trx) => {
      await insertToken(trx, row);
      await recordEvent(trx, {
        actorId: userId,
        action: 'token.created',
        objectType: 'user',
        objectId: userId,
        changes: { token_id: row.id, name: row.name, via: 'terraform login' },
      });
    });
    return reply
      .headers({ 'cache-control': 'no-store', pragma: 'no-cache' })
      .send({ access_token: token, token_type: 'bearer' });
  });
}
