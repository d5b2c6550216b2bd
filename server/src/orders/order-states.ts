/** An order's kinds and the states it moves through (the API's `type` and `state`): a leaf module, so the table types can name them. */

export const ORDER_TYPES = ['create', 'update', 'terminate'] as const;
export type OrderType = (typeof ORDER_TYPES)[number];

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
