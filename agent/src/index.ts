/**
 * `@mercato/agent-sdk`: build a site agent for Mercato's `webhook` provisioning plugin. An agent
 * runs on the provider's own systems; the server tells it of each order with a signed event (or
 * it polls for them), it provisions, and it completes or fails the order through the API. See
 * README.md.
 */
export { createAgent, type Agent, type AgentOptions, type PollOptions } from './agent';
export type { AgentHandlers, AgentLog, BackendReport, OrderEvent, OrderHandler, PullAnswer, PullEvent } from './events';
export {
  signPayload,
  SignatureError,
  verifySignature,
  type Headers,
  type VerifiedEvent,
  type VerifyOptions,
} from './signature';
