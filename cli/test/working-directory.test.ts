import { serverConfig } from '../src/commands/serve';
import { userDirectory, userPath } from '../src/working-directory';

/** Where a relative path the user gives is taken from, under npm and without it. */
describe('userDirectory', () => {
  const npmRun = { INIT_CWD: '/home/me/infra', npm_package_json: '/repo/package.json' };

  test('as the script `npm run` started in the package folder: where the user ran npm', () => {
    expect(userDirectory(npmRun, '/repo')).toBe('/home/me/infra');
    expect(userPath('examples/hcl/consumer', npmRun, '/repo')).toBe('/home/me/infra/examples/hcl/consumer');
    expect(userPath('/abs/dir', npmRun, '/repo')).toBe('/abs/dir');
  });

  test('anywhere else (run directly, or by a script that changed directory): the current directory', () => {
    expect(userDirectory({}, '/work')).toBe('/work');
    expect(userDirectory(npmRun, '/somewhere/else')).toBe('/somewhere/else');
    expect(userDirectory({ INIT_CWD: '/home/me/infra' }, '/repo')).toBe('/repo');
  });

  test('the server data directory follows the same rule (`npm start` from another folder)', () => {
    const started = { INIT_CWD: '/home/me/infra', npm_package_json: '/repo/package.json' };
    expect(serverConfig({ ...started, MERCATO_DATA_DIR: 'data' }, '/repo').dataDir).toBe('/home/me/infra/data');
    expect(serverConfig(started, '/repo').dataDir).toBe('/home/me/infra/.mercato');
    expect(serverConfig({ MERCATO_DATA_DIR: '/var/lib/mercato' }, '/repo').dataDir).toBe('/var/lib/mercato');
  });
});
