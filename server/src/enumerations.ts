/** The closed sets of values the API takes, for the command line's filters. */
export { OFFERING_STATUSES, PLATFORMS, VERSION_STATUSES } from './catalog/offering-model';
export { ORDER_STATES } from './orders/order-model';
export { RESOURCE_STATES } from './resources/resource-states';
export { isId } from './ids';
