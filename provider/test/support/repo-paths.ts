/** Where the tests find the repository's own programs and examples. */
import { resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '../../..');
export { MERCATO_BIN as MERCATO_CLI } from '@mercato/test-support/server-process';
