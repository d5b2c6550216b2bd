import { Api } from '@mercato/test-support/api-client';
import { DATABASE_KINDS, freshDatabase, startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeUser, type Actor } from '@mercato/test-support/world';
import {
  detachedSignature,
  newKeyPair,
  providerZip,
  publishBody,
  sha256,
  sha256Sums,
  verifies,
  zipOf,
} from '@mercato/test-support/provider-packages';

/**
 * The provider registry's API and protocol without Terraform (registry-provider.test.ts in
 * provider/ runs the real Terraform against it): a version published whole or not at all,
 * signatures that verify, who may publish and read, yanks, and the audit trail.
 */
/** A response's JSON body, untyped as the API's other answers in tests. */
const json = (response: Response): Promise<any> => response.json();

describe.each(DATABASE_KINDS)('provider registry on %s', (kind) => {
  let server: TestServer;
  let admin: Api;
  let owner: Actor;
  let manager: Actor;
  let projectMember: Actor;
  let outsider: Actor;
  let organization: { id: string; slug: string };
  let users = 0;
  const slug = `acme-${kind}`;

  beforeAll(async () => {
    server = await startTestServer(kind, { worker: { enabled: false } });
    admin = new Api(server.url, server.adminToken);
    const user = () => makeUser(admin, `registry-${users++}`);
    [owner, manager, projectMember, outsider] = [await user(), await user(), await user(), await user()];
    organization = await owner.api.expect(201, owner.api.post('/organizations', { name: 'Acme', slug }));
    await owner.api.expect(
      201,
      owner.api.post(`/organizations/${organization.id}/members`, { user_id: manager.id, role: 'service-manager' }),
    );
    const project = await owner.api.expect(
      201,
      owner.api.post('/projects', { organization_id: organization.id, name: 'p' }),
    );
    await owner.api.expect(
      201,
      owner.api.post(`/projects/${project.id}/members`, { user_id: projectMember.id, role: 'member' }),
    );
    await outsider.api.expect(201, outsider.api.post('/organizations', { name: 'Other', slug: `other-${kind}` }));
  });
  afterAll(() => server.close());

  const protocol = (path: string, token?: string) =>
    fetch(`${server.url}/v1/providers/${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  const platforms = (type: string, version: string) =>
    Promise.all(['linux_amd64', 'darwin_arm64'].map((p) => providerZip(type, version, p)));
  const events = async (action: string, objectId?: string) =>
    (await admin.expect(200, admin.get(`/events?action=${action}${objectId ? `&object_id=${objectId}` : ''}`))).items;

  test("a version with Mercato's signature: SHA256SUMS written and signed with the organization's key, served as Terraform reads it, audited", async () => {
    const zips = await platforms('dns', '1.0.0');
    const version = await manager.api.expect(
      201,
      manager.api.post(
        '/terraform-provider-versions',
        publishBody(slug, 'dns', '1.0.0', zips, { visibility: 'public' }),
      ),
    );
    expect(version).toMatchObject({
      namespace: slug,
      type: 'dns',
      version: '1.0.0',
      protocols: ['6.0'],
      yanked: false,
      signing_key: { origin: 'generated', key_id: expect.stringMatching(/^[0-9A-F]{16}$/) },
    });
    expect(
      version.platforms.map((p: { os: string; arch: string; shasum: string }) => [p.os, p.arch, p.shasum]),
    ).toEqual([
      ['darwin', 'arm64', sha256(zips[1].content)],
      ['linux', 'amd64', sha256(zips[0].content)],
    ]);

    const versions = await json(await protocol(`${slug}/dns/versions`));
    expect(versions).toEqual({
      versions: [
        {
          version: '1.0.0',
          protocols: ['6.0'],
          platforms: [
            { os: 'darwin', arch: 'arm64' },
            { os: 'linux', arch: 'amd64' },
          ],
        },
      ],
    });
    const download = await json(await protocol(`${slug}/dns/1.0.0/download/linux/amd64`));
    expect(download).toMatchObject({
      protocols: ['6.0'],
      os: 'linux',
      arch: 'amd64',
      filename: zips[0].filename,
      shasum: sha256(zips[0].content),
      signing_keys: {
        gpg_public_keys: [{ key_id: version.signing_key.key_id, ascii_armor: expect.stringContaining('PUBLIC KEY') }],
      },
    });
    const file = (url: string) => fetch(new URL(url, server.url));
    const zip = Buffer.from(await (await file(download.download_url)).arrayBuffer());
    expect(zip.equals(zips[0].content)).toBe(true);
    const shasums = await (await file(download.shasums_url)).text();
    expect(shasums).toBe(sha256Sums([zips[1], zips[0]]));
    const signature = Buffer.from(await (await file(download.shasums_signature_url)).arrayBuffer());
    const armor = download.signing_keys.gpg_public_keys[0].ascii_armor;
    expect(await verifies(shasums, signature, armor)).toBe(true);
    expect(armor).not.toContain('PRIVATE');

    const [event] = await events('terraform-provider-version.published', version.id);
    expect(event).toMatchObject({
      actor_id: manager.id,
      organization_id: organization.id,
      changes: { source: `${slug}/dns`, version: '1.0.0', platforms: ['linux_amd64', 'darwin_arm64'] },
    });
    // The same key signs the organization's next provider; another organization gets its own.
    const next = await owner.api.expect(
      201,
      owner.api.post(
        '/terraform-provider-versions',
        publishBody(slug, 'cdn', '0.1.0', [await providerZip('cdn', '0.1.0', 'linux_amd64')]),
      ),
    );
    expect(next.signing_key.key_id).toBe(version.signing_key.key_id);
    const otherSlug = `keys-${kind}`;
    await owner.api.expect(201, owner.api.post('/organizations', { name: 'Keys', slug: otherSlug }));
    const other = await owner.api.expect(
      201,
      owner.api.post(
        '/terraform-provider-versions',
        publishBody(otherSlug, 'dns', '1.0.0', [await providerZip('dns', '1.0.0', 'linux_amd64')]),
      ),
    );
    expect(other.signing_key.key_id).not.toBe(version.signing_key.key_id);
  });

  test("the publisher's own SHA256SUMS, signature and public key: published when the signature verifies", async () => {
    const zips = await platforms('lb', '2.0.0');
    const shasums = sha256Sums(zips);
    const { privateKey, publicKey } = await newKeyPair();
    const signature = await detachedSignature(shasums, privateKey);
    const body = publishBody(slug, 'lb', '2.0.0', zips, {
      visibility: 'public',
      shasums,
      shasums_signature: signature.toString('base64'),
      public_key: publicKey,
    });
    const version = await manager.api.expect(201, manager.api.post('/terraform-provider-versions', body));
    expect(version.signing_key.origin).toBe('publisher');
    const download = await json(await protocol(`${slug}/lb/2.0.0/download/darwin/arm64`));
    const served = Buffer.from(await (await fetch(new URL(download.shasums_signature_url, server.url))).arrayBuffer());
    expect(served.equals(signature)).toBe(true);
    expect(await verifies(shasums, served, download.signing_keys.gpg_public_keys[0].ascii_armor)).toBe(true);
  });

  test('nothing half published: a broken zip, a SHA256SUMS that does not match, a bad signature are refused naming the field', async () => {
    const [linux, darwin] = await platforms('vpn', '1.0.0');
    const refused = async (body: object, field: string, message: RegExp) => {
      const answer = await manager.api.post('/terraform-provider-versions', body);
      expect([answer.status, answer.headers.get('content-type')]).toEqual([
        422,
        expect.stringContaining('problem+json'),
      ]);
      expect(answer.body.errors).toEqual(expect.arrayContaining([{ field, message: expect.stringMatching(message) }]));
    };
    const broken = { filename: darwin.filename, content: Buffer.from('PK\u0003\u0004 not really a zip') };
    await refused(publishBody(slug, 'vpn', '1.0.0', [linux, broken]), 'archives[1].content', /is not a valid zip/);
    const elsewhere = { filename: darwin.filename, content: await zipOf('README.md', 'no executable') };
    await refused(
      publishBody(slug, 'vpn', '1.0.0', [linux, elsewhere]),
      'archives[1].content',
      /holds no terraform-provider-vpn/,
    );
    await refused(
      publishBody(slug, 'vpn', '1.0.0', [{ ...linux, filename: 'terraform-provider-vpn_1.0.1_linux_amd64.zip' }]),
      'archives[0].filename',
      /is not terraform-provider-vpn_1\.0\.0_<os>_<arch>\.zip/,
    );
    await refused(publishBody(slug, 'vpn', 'v1', [linux]), 'version', /not a semantic version/);
    const wrongSums = sha256Sums([linux]).replace(/^[0-9a-f]{4}/, '0000') + sha256Sums([darwin]);
    await refused(
      publishBody(slug, 'vpn', '1.0.0', [linux, darwin], { shasums: wrongSums }),
      'shasums',
      /lists .*linux_amd64\.zip with SHA-256 0000/,
    );
    await refused(
      publishBody(slug, 'vpn', '1.0.0', [linux], { shasums: sha256Sums([linux, darwin]) }),
      'shasums',
      /lists .*darwin_arm64\.zip, which is not uploaded/,
    );
    const { privateKey } = await newKeyPair('signer');
    const { publicKey: otherKey } = await newKeyPair('someone else');
    const shasums = sha256Sums([linux]);
    await refused(
      publishBody(slug, 'vpn', '1.0.0', [linux], {
        shasums,
        shasums_signature: (await detachedSignature(shasums, privateKey)).toString('base64'),
        public_key: otherKey,
      }),
      'shasums_signature',
      /does not verify the SHA256SUMS with key [0-9A-F]{16}/,
    );
    await refused(
      publishBody(slug, 'vpn', '1.0.0', [linux], { shasums, shasums_signature: 'AAAA' }),
      'public_key',
      /is required with shasums_signature/,
    );
    // Nothing of it is there: no provider, no version, no event.
    expect((await admin.expect(200, admin.get(`/terraform-providers?namespace=${slug}&type=vpn`))).items).toEqual([]);
    expect((await protocol(`${slug}/vpn/versions`, server.adminToken)).status).toBe(404);
    expect(
      (await events('terraform-provider-version.published')).filter(
        (e: { changes: { source: string } }) => e.changes.source === `${slug}/vpn`,
      ),
    ).toEqual([]);
  });

  test('a published version never changes; publishing takes an owner or service manager of the namespace', async () => {
    const zips = [await providerZip('fw', '1.0.0', 'linux_amd64')];
    await owner.api.expect(201, owner.api.post('/terraform-provider-versions', publishBody(slug, 'fw', '1.0.0', zips)));
    const again = await owner.api.post('/terraform-provider-versions', publishBody(slug, 'fw', '1.0.0', zips));
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/already published; a published version never changes/);
    for (const actor of [projectMember, outsider]) {
      const answer = await actor.api.post('/terraform-provider-versions', publishBody(slug, 'fw', '1.0.1', zips));
      expect(answer.status).toBe(403);
    }
    const unknown = await owner.api.post(
      '/terraform-provider-versions',
      publishBody('no-such-org', 'fw', '1.0.0', zips),
    );
    expect([unknown.status, unknown.body.errors]).toEqual([
      422,
      [{ field: 'namespace', message: 'no organization has the slug "no-such-org"' }],
    ]);
  });

  test("private providers: read by the organization's members and its projects' members; to others they do not exist", async () => {
    const zips = [await providerZip('secret', '1.0.0', 'linux_amd64')];
    const version = await manager.api.expect(
      201,
      manager.api.post('/terraform-provider-versions', publishBody(slug, 'secret', '1.0.0', zips)),
    );
    const provider = await manager.api.expect(200, manager.api.get(`/terraform-providers/${version.provider_id}`));
    expect(provider.visibility).toBe('private');

    // Anonymous: asked for credentials; a signed-in outsider: not found, as for a provider that does not exist.
    expect((await protocol(`${slug}/secret/versions`)).status).toBe(401);
    expect((await protocol(`${slug}/no-such/versions`)).status).toBe(401);
    expect((await protocol(`${slug}/secret/versions`, outsider.token)).status).toBe(404);
    await outsider.api.expect(404, outsider.api.get(`/terraform-providers/${provider.id}`));
    expect(
      (await outsider.api.expect(200, outsider.api.get(`/terraform-providers?namespace=${slug}`))).items.map(
        (p: { type: string }) => p.type,
      ),
    ).not.toContain('secret');

    const download = await json(await protocol(`${slug}/secret/1.0.0/download/linux/amd64`, projectMember.token));
    expect(download.download_url).toMatch(/\?expires=\d+&signature=[\w-]+$/);
    // Terraform fetches the files without its credentials: the signed URL is the permission...
    const zip = await fetch(new URL(download.download_url, server.url));
    expect(zip.status).toBe(200);
    expect(Buffer.from(await zip.arrayBuffer()).equals(zips[0].content)).toBe(true);
    // ...which holds for that file only, and not once altered.
    const bare = download.download_url.split('?')[0];
    expect((await fetch(new URL(bare, server.url))).status).toBe(401);
    const otherFile = download.shasums_url.split('?')[0] + '?' + download.download_url.split('?')[1];
    expect((await fetch(new URL(otherFile, server.url))).status).toBe(401);
    const forged = download.download_url.replace(
      /expires=(\d+)/,
      (_: string, s: string) => `expires=${Number(s) + 3600}`,
    );
    expect((await fetch(new URL(forged, server.url))).status).toBe(401);
    const [downloaded] = await events('terraform-provider.downloaded', provider.id);
    expect(downloaded).toMatchObject({
      actor_id: projectMember.id,
      changes: { version: '1.0.0', platform: 'linux_amd64' },
    });

    // Made public by an owner, it is anyone's.
    await projectMember.api.expect(
      403,
      projectMember.api.patch(`/terraform-providers/${provider.id}`, { visibility: 'public' }),
    );
    await owner.api.expect(200, owner.api.patch(`/terraform-providers/${provider.id}`, { visibility: 'public' }));
    expect((await protocol(`${slug}/secret/versions`)).status).toBe(200);
  });

  test('a yanked version leaves the versions list (named in its warnings) and stays downloadable; unyank lists it again', async () => {
    const publish = async (version: string) =>
      manager.api.expect(
        201,
        manager.api.post(
          '/terraform-provider-versions',
          publishBody(slug, 'queue', version, [await providerZip('queue', version, 'linux_amd64')], {
            visibility: 'public',
          }),
        ),
      );
    await publish('1.0.0');
    const bad = await publish('1.1.0');
    await projectMember.api.expect(403, projectMember.api.post(`/terraform-provider-versions/${bad.id}/yank`, {}));
    const yanked = await manager.api.expect(
      200,
      manager.api.post(`/terraform-provider-versions/${bad.id}/yank`, { reason: 'corrupts queues' }),
    );
    expect(yanked).toMatchObject({ yanked: true, yank_reason: 'corrupts queues' });
    const listed = await json(await protocol(`${slug}/queue/versions`));
    expect(listed.versions.map((v: { version: string }) => v.version)).toEqual(['1.0.0']);
    expect(listed.warnings).toEqual([
      `${slug}/queue 1.1.0 was yanked: corrupts queues; it is no longer offered for new installs`,
    ]);
    const download = await protocol(`${slug}/queue/1.1.0/download/linux/amd64`);
    expect(download.status).toBe(200);
    expect((await fetch(new URL((await json(download)).download_url, server.url))).status).toBe(200);
    const [event] = await events('terraform-provider-version.yanked', bad.id);
    expect(event).toMatchObject({
      actor_id: manager.id,
      changes: { version: '1.1.0', yank_reason: 'corrupts queues' },
    });

    await manager.api.expect(200, manager.api.post(`/terraform-provider-versions/${bad.id}/unyank`, {}));
    const again = await json(await protocol(`${slug}/queue/versions`));
    expect(again.versions.map((v: { version: string }) => v.version)).toEqual(['1.0.0', '1.1.0']);
    expect(again.warnings).toBeUndefined();
  });
});

describe("the operator's signing key", () => {
  let server: TestServer;
  let keys: { privateKey: string; publicKey: string };

  beforeAll(async () => {
    const openpgp: typeof import('openpgp', { with: { 'resolution-mode': 'require' } }) = require('openpgp');
    const { privateKey, publicKey } = await openpgp.generateKey({
      type: 'ecc',
      userIDs: [{ name: 'Operator' }],
      passphrase: 'operator passphrase',
      format: 'armored',
    });
    keys = { privateKey, publicKey };
    server = await startTestServer('sqlite', {
      worker: { enabled: false },
      providerSigningKey: { armoredPrivateKey: privateKey, passphrase: 'operator passphrase' },
    });
  });
  afterAll(() => server.close());

  test('signs every namespace, and its private half is nowhere in what the server answers', async () => {
    const admin = new Api(server.url, server.adminToken);
    const signed: string[] = [];
    for (const namespace of ['ops-a', 'ops-b']) {
      await admin.expect(201, admin.post('/organizations', { name: namespace, slug: namespace }));
      const zips = [await providerZip('dns', '1.0.0', 'linux_amd64')];
      const version = await admin.expect(
        201,
        admin.post(
          '/terraform-provider-versions',
          publishBody(namespace, 'dns', '1.0.0', zips, { visibility: 'public' }),
        ),
      );
      expect(version.signing_key.origin).toBe('operator');
      signed.push(version.signing_key.key_id);
      const download = await json(
        await fetch(`${server.url}/v1/providers/${namespace}/dns/1.0.0/download/linux/amd64`),
      );
      const shasums = await (await fetch(new URL(download.shasums_url, server.url))).text();
      const signature = Buffer.from(
        await (await fetch(new URL(download.shasums_signature_url, server.url))).arrayBuffer(),
      );
      expect(await verifies(shasums, signature, keys.publicKey)).toBe(true);
      expect(JSON.stringify(download)).not.toContain('PRIVATE');
    }
    expect(new Set(signed).size).toBe(1);
    const events = JSON.stringify(
      await admin.expect(200, admin.get('/events?action=terraform-provider-version.published')),
    );
    expect(events).not.toContain('PRIVATE KEY');
  });

  test('a wrong passphrase stops the server from starting, naming the variable', async () => {
    const location = await freshDatabase('sqlite');
    await expect(
      startTestServer('sqlite', {
        location,
        worker: { enabled: false },
        providerSigningKey: { armoredPrivateKey: keys.privateKey, passphrase: 'wrong' },
      }),
    ).rejects.toThrow(/MERCATO_PROVIDER_SIGNING_KEY_PASSPHRASE does not decrypt the key/);
  });
});
