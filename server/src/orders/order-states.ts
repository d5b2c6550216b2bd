/** An order's kinds and the states it moves through (the API's `type` and `state`): a leaf module, so the table types can name them. */

/** Pause, resume and restart are the management actions (Waldur's seed): orders of their own, approved as updates are. */
export const ORDER_TYPES = ['create', 'update', 'terminate', 'pause', 'resume', 'restart'] as const;
export type OrderType = (typeof ORDER_TYPES)[number];
/** The order types a plugin carries out only when it says so (`ProvisioningPlugin.actions`). */
export const MANAGEMENT_ACTIONS = ['pause', 'resume', 'restart'] as const;

export const ORDER_STATES = [
  'pending-consumer',
  'pending-provider',
  'executing',
  'done',
  'erred',
  'canceled',
  'rejected',
] as const;
export type OrderState = (typeof ORDER_STATES)[number];
