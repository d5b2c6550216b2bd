/** Where the tests find the repository's own programs and examples. */
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '../../..');
export const MERCATO_CLI = join(REPO_ROOT, 'cli/bin/mercato.js');
