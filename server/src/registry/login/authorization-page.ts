import { textProblem } from '../../http/request-text';
import { LOGIN_SERVICE, isLoopbackRedirect } from './login-service';

/** The OAuth 2.0 authorization request of `terraform login` (RFC 6749 4.1.1, RFC 7636 4.3). */
export interface AuthorizationRequest {
  client_id: string;
  redirect_uri: string;
  state: string;
  code_challenge: string;
  code_challenge_method: 'S256';
  response_type: 'code';
}

/**
 * The request's fields, or what is wrong with them, naming the field. Checked both when the page
 * is shown and when its form comes back (the hidden fields are the browser's to change).
 */
export function readAuthorizationRequest(
  input: Record<string, unknown>,
): { request: AuthorizationRequest } | { error: string } {
  const text = (name: string) => (typeof input[name] === 'string' ? (input[name] as string) : '');
  for (const name of ['client_id', 'redirect_uri', 'state']) {
    const problem = textProblem(text(name));
    if (problem) return { error: `${name}: ${problem}` };
  }
  if (!isLoopbackRedirect(text('redirect_uri')))
    return {
      error: `redirect_uri: must be http://localhost:<port>/... or http://127.0.0.1:<port>/... with a port from ${LOGIN_SERVICE.ports.join(' to ')} (where terraform login listens)`,
    };
  if (text('response_type') !== 'code') return { error: 'response_type: must be "code"' };
  if (text('client_id') === '') return { error: 'client_id: is required' };
  if (text('code_challenge_method') !== 'S256') return { error: 'code_challenge_method: must be "S256"' };
  if (!/^[A-Za-z0-9_-]{43}$/.test(text('code_challenge')))
    return { error: 'code_challenge: must be the base64url SHA-256 of the code verifier (43 characters)' };
  return {
    request: {
      client_id: text('client_id'),
      redirect_uri: text('redirect_uri'),
      state: text('state'),
      code_challenge: text('code_challenge'),
      code_challenge_method: 'S256',
      response_type: 'code',
    },
  };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5}' +
  'label{display:block;font-weight:600;margin-top:1rem}input[type=password]{width:100%;padding:.5rem;font:inherit}' +
  'button{margin-top:1rem;padding:.5rem 1rem;font:inherit}.error{color:#a40000;border-left:4px solid #a40000;padding-left:.5rem}';

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Mercato</title><style>${STYLE}</style></head>
<body><main><h1>${escapeHtml(title)}</h1>
${body}
</main></body>
</html>
`;
}

/**
 * The page that asks for a Mercato token and hands Terraform a new one of the same user; one
 * form, its field labelled, an error (if any) announced to screen readers and tied to the field.
 */
export function authorizationPage(request: AuthorizationRequest, error?: string): string {
  const hidden = Object.entries(request)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
    .join('\n');
  const alert = error ? `<p id="token-error" class="error" role="alert">${escapeHtml(error)}</p>\n` : '';
  const described = error
    ? ' aria-invalid="true" aria-describedby="token-hint token-error"'
    : ' aria-describedby="token-hint"';
  return page(
    'Sign Terraform in to Mercato',
    `<p>Terraform on this computer (<code>terraform login</code>) asks for a Mercato token. Paste a Mercato
token you already have; Terraform then receives a new token of the same user, which it keeps in its
<code>credentials.tfrc.json</code>. Only continue if you started <code>terraform login</code> yourself.</p>
${alert}<form method="post" action="${LOGIN_SERVICE.authz}">
${hidden}
<label for="token">Your Mercato token</label>
<p id="token-hint">Starts with <code>mct_</code>. It is only checked, never given to Terraform.</p>
<input id="token" name="token" type="password" autocomplete="off" required${described}>
<button type="submit">Give Terraform a token</button>
</form>`,
  );
}

/** A page for a request that cannot go on (no redirect: its redirect_uri may not be trusted). */
export function refusalPage(error: string): string {
  return page('Terraform cannot sign in', `<p class="error" role="alert">${escapeHtml(error)}</p>`);
}
