/**
 * The CDK Terrain flavour (dist/cdktn: the same sources with `cdktn` imports and bindings from
 * @cdktn/provider-generator) synthesizes the example app to the same JSON as the cdktf flavour.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import cdktfPackage from 'cdktf/package.json';
import cdktnPackage from 'cdktn/package.json';
import { CONSTRUCTS, ensureBuilt } from './support/build';
import { EXAMPLE_APP, synthApp } from './support/synth';

/** The JSON without the runtime's own version in the stack metadata. */
function withoutRuntimeVersion(stack: Record<string, any>): Record<string, any> {
  const copy = JSON.parse(JSON.stringify(stack));
  delete copy['//'].metadata.version;
  return copy;
}

test('the cdktn flavour synthesizes the same JSON as the cdktf flavour', async () => {
  await ensureBuilt();
  const [cdktf, cdktn] = await Promise.all([synthApp(EXAMPLE_APP, 'cdktf'), synthApp(EXAMPLE_APP, 'cdktn')]);
  expect(Object.keys(cdktn.stacks).sort()).toEqual(['consumer', 'publisher']);
  expect(cdktf.stacks.publisher['//'].metadata.version).toBe(cdktfPackage.version);
  expect(cdktn.stacks.publisher['//'].metadata.version).toBe(cdktnPackage.version);
  for (const name of Object.keys(cdktf.stacks)) {
    expect(withoutRuntimeVersion(cdktn.stacks[name])).toEqual(withoutRuntimeVersion(cdktf.stacks[name]));
  }
  for (const { project } of [cdktf, cdktn]) rmSync(project, { recursive: true, force: true });
});

test('the cdktn flavour is a package of its own that imports cdktn, not cdktf', () => {
  const pkg = JSON.parse(readFileSync(join(CONSTRUCTS, 'dist/cdktn/package.json'), 'utf8'));
  expect(pkg.name).toBe('@mercato/cdktn');
  expect(Object.keys(pkg.peerDependencies)).toEqual(['cdktn', 'constructs']);
  const source = readFileSync(join(CONSTRUCTS, 'dist/cdktn/lib/generated/resource/index.js'), 'utf8');
  expect(source).toContain('require("cdktn")');
  expect(source).not.toContain('require("cdktf")');
});
