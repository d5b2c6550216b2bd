/** The errors of the Mercato API client, for the resources and data sources that tell them apart. */
export { ApiError, UnreachableError } from '@mercato/api';
