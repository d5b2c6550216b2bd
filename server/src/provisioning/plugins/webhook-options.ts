import type { OfferingOptions } from '../plugin';

/**
 * The options of a `webhook` offering: where its site agent listens, how long an order may wait
 * for it, and the secret events are signed with. Checked when an offering is written (the schemas
 * and `checkWebhookOptions`), read again by the plugin on each order.
 */

/** An order no agent completes within this many seconds becomes erred (`timeout_seconds`). */
const DEFAULT_TIMEOUT_SECONDS = 3600;
/** The shortest signing secret taken: the Standard Webhooks spec asks for at least 24 bytes of key. */
const MIN_SECRET_LENGTH = 24;

export const WEBHOOK_OPTIONS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    url: {
      type: 'string',
      pattern: '^[hH][tT][tT][pP][sS]?://',
      maxLength: 2000,
      description:
        "The site agent's URL: each order event is POSTed there, signed (see the plugin's description). An http:// or https:// URL, without a user name or password. Leave it out when the agent cannot receive calls: it then polls `GET /api/v1/orders?awaiting=provider&offering_id=...` for its orders.",
    },
    timeout_seconds: {
      type: 'integer',
      minimum: 1,
      maximum: 30 * 86400,
      default: DEFAULT_TIMEOUT_SECONDS,
      description: `Seconds from the start of an order to its completion by the agent; an order no agent completes within them becomes erred with the reason "no site agent completed the order within N s". Default ${DEFAULT_TIMEOUT_SECONDS}.`,
    },
  },
} as const;

export const WEBHOOK_SECRET_OPTIONS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    signing_secret: {
      type: 'string',
      writeOnly: true,
      minLength: MIN_SECRET_LENGTH,
      maxLength: 1000,
      description: `The key events are signed with (HMAC-SHA256), shared with the site agent; required with \`url\`. Either \`whsec_\` and the key in base64, as Standard Webhooks writes secrets, or any text of at least ${MIN_SECRET_LENGTH} characters, taken as its UTF-8 bytes.`,
    },
  },
} as const;

/** The options as the plugin uses them. */
export interface WebhookOptions {
  url?: string;
  timeoutSeconds: number;
  signingSecret?: string;
}

export function webhookOptions(options: Partial<OfferingOptions>): WebhookOptions {
  const plugin = options.plugin_options ?? {};
  const secret = options.secret_options ?? {};
  return {
    url: typeof plugin.url === 'string' && plugin.url ? plugin.url : undefined,
    timeoutSeconds: typeof plugin.timeout_seconds === 'number' ? plugin.timeout_seconds : DEFAULT_TIMEOUT_SECONDS,
    signingSecret: typeof secret.signing_secret === 'string' ? secret.signing_secret : undefined,
  };
}

/** What the schemas cannot say: the URL parses, carries no credentials, and comes with a signing secret. */
export function checkWebhookOptions(options: OfferingOptions): Array<{ field: string; message: string }> {
  const { url, signingSecret } = webhookOptions(options);
  if (url === undefined) return [];
  const errors: Array<{ field: string; message: string }> = [];
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    errors.push({ field: 'plugin_options.url', message: 'is not a URL' });
  }
  if (parsed && (parsed.username || parsed.password))
    errors.push({
      field: 'plugin_options.url',
      message:
        'must not hold a user name or password: the signature tells the agent the event is from this server (keep secrets in secret_options)',
    });
  if (signingSecret === undefined)
    errors.push({
      field: 'secret_options.signing_secret',
      message: 'is required when plugin_options.url is set: events to the site agent are signed with it',
    });
  return errors;
}

/** The URL as it may be shown in a reason or a log: scheme, host and path, no query. */
export function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return '(the configured url)';
  }
}
