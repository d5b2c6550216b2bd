/**
 * `mercato provider install` puts the provider into Terraform's implied local mirror, so a
 * configuration with `source = "mercato/mercato"` works with a plain `terraform init`: no CLI
 * configuration, no dev_overrides, no network.
 */
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROVIDER_VERSION } from '../src/provider';
import { installLocation, terraformPlatform } from '../src/install/install';
import { offlineHome, REQUIRED_PROVIDERS } from './support/installed-provider';
import { MERCATO_CLI, REPO_ROOT } from './support/repo-paths';
import { run, TERRAFORM, Workspace } from './support/terraform';

let root: string;
let home: string;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'mercato-install-'));
  ({ home, env } = offlineHome(root));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

test('the install location is the implied local mirror layout', () => {
  expect(terraformPlatform('linux', 'x64')).toBe('linux_amd64');
  expect(terraformPlatform('darwin', 'arm64')).toBe('darwin_arm64');
  const location = installLocation({ dir: '/p', version: '1.2.3', platform: 'linux_amd64' });
  expect(location.executable).toBe(
    '/p/registry.terraform.io/mercato/mercato/1.2.3/linux_amd64/terraform-provider-mercato_v1.2.3',
  );
});

test('`mercato provider install` installs into $HOME/.terraform.d/plugins by default', async () => {
  const result = await run(process.execPath, [MERCATO_CLI, 'provider', 'install'], REPO_ROOT, env);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const platformDir = join(
    home,
    '.terraform.d/plugins/registry.terraform.io/mercato/mercato',
    PROVIDER_VERSION,
    terraformPlatform(),
  );
  const executable = join(platformDir, `terraform-provider-mercato_v${PROVIDER_VERSION}`);
  expect(result.stdout).toContain(executable);
  accessSync(executable, constants.X_OK);
  for (const name of ['axios', 'ajv', 're2js', 'semver'])
    expect(existsSync(join(platformDir, 'node_modules', name, 'index.js'))).toBe(true);
  // Loaded only when a plan validates attributes, not at every launch.
  expect(readFileSync(executable, 'utf8')).not.toMatch(/RE2JSSyntaxException|strictTuples/);
});

test('a plain `terraform init` finds it offline, `terraform providers` lists it and Terraform can run it', async () => {
  const dir = join(root, 'config');
  mkdirSync(dir);
  writeFileSync(
    join(dir, 'main.tf'),
    `${REQUIRED_PROVIDERS}\nprovider "mercato" {}\n\nresource "mercato_organization" "o" {\n  name = "Installed"\n}\n`,
  );
  const ws = new Workspace(dir, env);

  const init = await ws.terraform(['init', '-input=false']);
  expect(init.output).not.toMatch(/Error/);
  expect(init.code).toBe(0);
  expect(init.stdout).toContain(`Installing mercato/mercato v${PROVIDER_VERSION}`);
  expect(init.stdout).toContain('Terraform has been successfully initialized!');

  const providers = await ws.terraform(['providers']);
  expect(providers.code).toBe(0);
  expect(providers.stdout).toContain('provider[registry.terraform.io/mercato/mercato]');

  // The installed executable really serves the plugin protocol, its lazy packages beside it.
  const schema = await ws.terraform(['providers', 'schema', '-json']);
  expect(schema.code).toBe(0);
  const provider = JSON.parse(schema.stdout).provider_schemas['registry.terraform.io/mercato/mercato'];
  expect(Object.keys(provider.resource_schemas)).toContain('mercato_resource');
  const validate = JSON.parse((await ws.terraform(['validate', '-json'])).stdout);
  expect([validate.valid, validate.error_count, validate.warning_count]).toEqual([true, 0, 0]);
});

test('`npm run provider:install -- --dir` installs elsewhere', async () => {
  const dir = join(root, 'elsewhere');
  const result = await run('npm', ['run', '--silent', 'provider:install', '--', '--dir', dir], REPO_ROOT, {
    ...env,
    HOME: process.env.HOME,
  });
  expect(result.code).toBe(0);
  const executable = join(
    dir,
    'registry.terraform.io/mercato/mercato',
    PROVIDER_VERSION,
    terraformPlatform(),
    `terraform-provider-mercato_v${PROVIDER_VERSION}`,
  );
  expect(statSync(executable).mode & 0o111).not.toBe(0);
  expect(TERRAFORM).toBeTruthy();
});
