/**
 * `mercato provider release`: the mercato provider's release artifacts, as a Terraform provider
 * registry serves them (Terraform's "Provider Registry Protocol" and the files goreleaser makes
 * for one):
 *
 *   terraform-provider-mercato_<version>_<os>_<arch>.zip   holding terraform-provider-mercato_v<version>
 *   terraform-provider-mercato_<version>_SHA256SUMS         "<sha256 hex>  <zip name>" per zip
 *   terraform-provider-mercato_<version>_SHA256SUMS.sig     binary detached signature (with a signing key)
 *   terraform-provider-mercato_<version>_signing-key.asc    the armored public key that verifies it
 *   terraform-provider-mercato_<version>_manifest.json      {"version":1,"metadata":{"protocol_versions":["6.0"]}}
 *
 * Each executable is a Node single executable (single-executable.ts). This machine builds its own
 * platform with its own node; another platform needs that platform's official node binary of the
 * same version (`nodeBinaries`), and a macOS one must be signed again on a Mac.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROVIDER_VERSION } from '../provider';
import { PROVIDER_TYPE } from '../install/install';
import { zipExecutable } from './archive';
import { hostPlatform, parsePlatform, platformName, type TerraformPlatform } from './platforms';
import { signDetached, type SigningKey } from './signing';
import { buildSingleExecutable, type StartUp } from './single-executable';

/** The plugin protocol versions the provider speaks: tfplugin6 (protocol/handshake.ts). */
export const PROTOCOL_VERSIONS = ['6.0'];

export interface ReleaseOptions {
  /** Folder the artifacts are written to (made if missing). */
  outDir: string;
  /** Default PROVIDER_VERSION. */
  version?: string;
  /**
   * Node binaries by Terraform platform (`darwin_arm64` -> path to that platform's official
   * `node`). This machine's own platform is always built, with `process.execPath` unless given here.
   */
  nodeBinaries?: Record<string, string>;
  /** Sign SHA256SUMS with this key; without one there is no `.sig` (`mercato provider publish` has Mercato sign). */
  signingKey?: SigningKey;
  /** Default `snapshot` (single-executable.ts). */
  startUp?: StartUp;
}

export interface ReleasePlatform {
  platform: string;
  zip: string;
  shasum: string;
  startUp: StartUp;
}

export interface Release {
  version: string;
  outDir: string;
  platforms: ReleasePlatform[];
  shasums: string;
  signature?: string;
  publicKey?: string;
  /** The signing key's id (16 hex digits), with a signature. */
  keyId?: string;
  manifest: string;
}

/** Terraform's file names for a provider's release (the zip's entry is the executable). */
export const releaseFileNames = (type: string, version: string) => ({
  zip: (platform: TerraformPlatform) => `terraform-provider-${type}_${version}_${platformName(platform)}.zip`,
  executable: (platform: TerraformPlatform) =>
    `terraform-provider-${type}_v${version}${platform.os === 'windows' ? '.exe' : ''}`,
  shasums: `terraform-provider-${type}_${version}_SHA256SUMS`,
  signature: `terraform-provider-${type}_${version}_SHA256SUMS.sig`,
  publicKey: `terraform-provider-${type}_${version}_signing-key.asc`,
  manifest: `terraform-provider-${type}_${version}_manifest.json`,
});

/** SHA256SUMS as `shasum -a 256` writes it: one `<hex>  <name>` line per file, sorted by name. */
export function sha256Sums(entries: { name: string; shasum: string }[]): string {
  return [...entries]
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((entry) => `${entry.shasum}  ${entry.name}\n`)
    .join('');
}

/** Builds every platform it can, zips each, writes SHA256SUMS, its signature and the manifest. */
export async function buildRelease(options: ReleaseOptions): Promise<Release> {
  const version = options.version ?? PROVIDER_VERSION;
  const outDir = resolve(options.outDir);
  const names = releaseFileNames(PROVIDER_TYPE, version);
  const binaries = { [platformName(hostPlatform())]: process.execPath, ...options.nodeBinaries };
  // Every platform and binary checked before anything is built.
  const targets = Object.entries(binaries)
    .sort()
    .map(([name, nodeBinary]) => {
      const platform = parsePlatform(name);
      if (!existsSync(nodeBinary)) throw new Error(`the node binary for ${name}, ${nodeBinary}, does not exist`);
      return { name, platform, nodeBinary };
    });
  mkdirSync(outDir, { recursive: true });

  const { bundleAll }: typeof import('../../scripts/build.js') = require('../../scripts/build.js');
  const work = join(outDir, '.build');
  mkdirSync(work, { recursive: true });
  try {
    // From src/release or lib/release alike: the entry is bundled from its TypeScript source.
    const entry = join(__dirname, '../../src/release/sea-entry.ts');
    const bundle = await bundleAll(entry, join(work, 'provider-sea.js'));
    const platforms: ReleasePlatform[] = [];
    for (const { name, platform, nodeBinary } of targets) {
      const executable = join(work, names.executable(platform));
      const built = await buildSingleExecutable({
        bundle,
        nodeBinary,
        platform,
        output: executable,
        startUp: options.startUp,
      });
      const zip = join(outDir, names.zip(platform));
      const shasum = await zipExecutable(executable, names.executable(platform), zip);
      rmSync(executable);
      platforms.push({ platform: name, zip, shasum, startUp: built.startUp });
    }
    const shasumsText = sha256Sums(
      platforms.map((p) => ({ name: names.zip(parsePlatform(p.platform)), shasum: p.shasum })),
    );
    const release: Release = {
      version,
      outDir,
      platforms,
      shasums: join(outDir, names.shasums),
      manifest: join(outDir, names.manifest),
    };
    writeFileSync(release.shasums, shasumsText);
    writeFileSync(
      release.manifest,
      JSON.stringify({ version: 1, metadata: { protocol_versions: PROTOCOL_VERSIONS } }) + '\n',
    );
    if (options.signingKey) {
      const signed = await signDetached(Buffer.from(shasumsText), options.signingKey);
      release.signature = join(outDir, names.signature);
      release.publicKey = join(outDir, names.publicKey);
      release.keyId = signed.keyId;
      writeFileSync(release.signature, signed.signature);
      writeFileSync(release.publicKey, signed.armoredPublicKey);
    }
    return release;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** What `mercato provider release` prints. */
export function describeRelease(release: Release): string {
  const lines = [`released mercato/mercato ${release.version} into ${release.outDir}`];
  for (const p of release.platforms) lines.push(`  ${p.platform}  ${p.shasum}  (start-up: ${p.startUp})`);
  lines.push(
    release.signature
      ? `  SHA256SUMS signed by key ${release.keyId}`
      : '  SHA256SUMS not signed: `mercato provider publish` has Mercato sign it with its key',
  );
  if (release.platforms.some((p) => p.platform.startsWith('darwin_')))
    lines.push(
      '  macOS executables must be signed again on a Mac before they run there: codesign --sign - <executable>',
    );
  return lines.join('\n');
}

export { buildSingleExecutable, type StartUp } from './single-executable';
export { hostPlatform, platformName } from './platforms';
