import type { ProvisioningPlugin } from '../plugin';
import { deliver, DeliveryError, PULL_DELIVERY } from './webhook-delivery';
import { orderEvent, pullEvent } from './webhook-event';
import {
  checkWebhookOptions,
  WEBHOOK_OPTIONS_SCHEMA,
  WEBHOOK_SECRET_OPTIONS_SCHEMA,
  webhookOptions,
} from './webhook-options';
import { pullResultOf } from './webhook-pull';

/**
 * A site agent, as Waldur's: a program of the provider's, on its own systems, provisions. The
 * server tells it of each executing order by a signed POST (or it polls for them), and it
 * completes or fails the order through the API. @mercato/agent-sdk is such an agent's side.
 */
export const webhookPlugin: ProvisioningPlugin = {
  type: 'webhook',
  description: [
    "A site agent (as Waldur's) provisions on the provider's own systems and completes each order through the API.",
    'For each executing order the server POSTs an `order.executing` event (JSON: id, type, created_at, order, resource, offering; attributes whole, secret ones included) to `plugin_options.url`,',
    'signed as the Standard Webhooks spec says: headers `webhook-id`, `webhook-timestamp` (Unix seconds) and `webhook-signature` (`v1,` and the base64 HMAC-SHA256 of `<id>.<timestamp>.<body>` keyed with `secret_options.signing_secret`),',
    'retried with exponential backoff and jitter on no answer, 408, 429 and 5xx; the agent answers 2xx at once (409 for an event id it already has).',
    "The agent then calls `POST /api/v1/orders/{id}/complete` (backend_id, outputs, secret_outputs, state) or `/fail` (reason) with the token of an owner or service manager of the offering's organization.",
    'Without a url the agent polls `GET /api/v1/orders?awaiting=provider&offering_id=...` and reads each order from `GET /api/v1/orders/{id}/provisioning-event`.',
    'An order no agent completes within `timeout_seconds` (default 3600) becomes erred.',
    'Pulls send a signed `resource.pull` event and take the JSON answer { backend_id, outputs, secret_outputs, state, usage } or { missing: true, reason }.',
    'The @mercato/agent-sdk package (TypeScript) is the agent side; examples/agent is an agent built on it.',
  ].join(' '),
  optionsSchema: WEBHOOK_OPTIONS_SCHEMA,
  secretOptionsSchema: WEBHOOK_SECRET_OPTIONS_SCHEMA,
  actions: ['pause', 'resume', 'restart'],
  checkOptions: checkWebhookOptions,

  waitingTimeout: (offering) => {
    const { timeoutSeconds } = webhookOptions(offering);
    return { seconds: timeoutSeconds, reason: `no site agent completed the order within ${timeoutSeconds} s` };
  },

  provision: async (job, signal, handOver) => {
    const options = webhookOptions(job.offering);
    // Waiting first: the agent may complete the order before the event's answer is back here.
    await handOver?.();
    if (!options.url) return { status: 'waiting', message: 'waiting for the site agent to poll for the order' };
    if (!options.signingSecret)
      return {
        status: 'erred',
        reason: 'secret_options.signing_secret is not set: events to the site agent are signed with it',
      };
    const event = orderEvent(job);
    try {
      await deliver(
        { url: options.url, signingSecret: options.signingSecret },
        event.id,
        JSON.stringify(event),
        signal,
      );
    } catch (error) {
      if (error instanceof DeliveryError) return { status: 'erred', reason: error.message };
      throw error;
    }
    return { status: 'waiting', message: 'the site agent has the order' };
  },

  pull: async (subject, signal) => {
    const options = webhookOptions(subject.offering);
    // An agent that polls cannot be asked: the resource is as it was last reported.
    if (!options.url || !options.signingSecret) return { status: 'present' };
    const event = pullEvent(subject);
    const answer = await deliver(
      { url: options.url, signingSecret: options.signingSecret },
      event.id,
      JSON.stringify(event),
      signal,
      PULL_DELIVERY,
    );
    if (answer.status === 409) throw new Error('the site agent refused the pull event as one it already had');
    return pullResultOf(answer.text);
  },
};
