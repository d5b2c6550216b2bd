/** The SQLite database holds secret options, attributes and outputs: its files are its user's only. */
import { statSync } from 'node:fs';
import path from 'node:path';
import { startTestServer } from '@mercato/test-support/server-harness';
import { Api } from '@mercato/test-support/api-client';

test('the database and its -wal and -shm files are readable by their user only', async () => {
  const server = await startTestServer('sqlite');
  try {
    const admin = new Api(server.url, server.adminToken);
    await admin.expect(201, admin.post('/organizations', { name: 'writes the WAL' }));
    const modes = ['', '-wal', '-shm'].map((suffix) => [
      suffix,
      statSync(path.join(server.dataDir, `mercato.db${suffix}`)).mode & 0o777,
    ]);
    expect(modes).toEqual([
      ['', 0o600],
      ['-wal', 0o600],
      ['-shm', 0o600],
    ]);
  } finally {
    await server.close();
  }
});
