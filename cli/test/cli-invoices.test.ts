/**
 * Invoices on the command line against the real server, on both databases: `get invoices`,
 * `describe invoice`, `invoices export` and `invoices close`, every figure exact (a one-time plan
 * in USD: 7.04 + 10.00 = 17.04, test/support/billed-resource.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Api } from '@mercato/test-support/api-client';
import { orderBilledResource } from '@mercato/test-support/billed-resource';
import { DATABASE_KINDS, startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeWorld, type World } from '@mercato/test-support/world';
import { runMercato } from './support/run-cli';

const cells = (line: string) => line.trim().split(/\s{3,}/);

describe.each(DATABASE_KINDS)('mercato invoices on %s', (kind) => {
  let server: TestServer;
  let w: World;
  let period: string;
  let ownerToken: string;
  let organizationId: string;
  const mercato = (args: string[], token = ownerToken) => runMercato(args, server.url, token);

  beforeAll(async () => {
    server = await startTestServer(kind);
    w = await makeWorld(new Api(server.url, server.adminToken), `ci-${kind}`);
    ({ period } = await orderBilledResource(w, 'billed-vm'));
    ownerToken = w.consumer.owner.token;
    organizationId = w.consumer.organization.id;
  });
  afterAll(() => server.close());

  test('get invoices: the pending month by organization name, its totals and items; -o name and json', async () => {
    const run = await mercato(['get', 'invoices', '--organization', `ci-${kind} consumer`, '--period', period]);
    expect(run.stderr).toBe('');
    const [header, row, ...rest] = run.stdout.trim().split('\n');
    expect(cells(header)).toEqual(['ORGANIZATION', 'PERIOD', 'STATE', 'TOTALS', 'ITEMS']);
    expect(cells(row)).toEqual([`ci-${kind} consumer`, period, 'pending', '17.04 USD', '2']);
    expect(rest).toEqual([]);

    const names = await mercato(['get', 'invoices', '--organization', organizationId, '-o', 'name']);
    expect(names.stdout.trim()).toBe(`invoice/${organizationId}/${period}`);
    const json = JSON.parse((await mercato(['get', 'inv', '--organization', organizationId, '-o', 'json'])).stdout);
    // Without --period: the current month's pending invoice first (no month is closed yet).
    expect(json[0]).toMatchObject({
      period,
      state: 'pending',
      id: null,
      totals: [{ currency: 'USD', amount: '17.04' }],
    });
    expect(json[0].items.map((i: { component: string; amount: string }) => [i.component, i.amount]).sort()).toEqual([
      ['base', '10.00'],
      ['cpu', '7.04'],
    ]);
  });

  test('describe invoice ORG PERIOD: items as a table, totals; ORG/PERIOD -o json is the API answer', async () => {
    const run = await mercato(['describe', 'invoice', `ci-${kind} consumer`, period]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('state: pending');
    expect(run.stdout).toContain('total: 17.04 USD');
    const lines = run.stdout.trimEnd().split('\n');
    const items = lines.slice(lines.indexOf('Items:') + 1, lines.indexOf('Items:') + 4).map(cells);
    expect(items[0]).toEqual(['RESOURCE', 'COMPONENT', 'QUANTITY', 'UNIT PRICE', 'PERIOD COVERED', 'AMOUNT']);
    const rows = items.slice(1).sort((a, b) => a[1].localeCompare(b[1]));
    expect(rows.map((r) => [r[0], r[1], r[2], r[3], r[5]])).toEqual([
      ['billed-vm', 'base', '1', '10 USD / one-time', '10.00 USD'],
      ['billed-vm', 'cpu', '3', '2.345 USD / one-time', '7.04 USD'],
    ]);
    expect(rows[0][4]).toMatch(new RegExp(`^once, ${period}-\\d\\dT`));
    const totals = lines.slice(lines.indexOf('Totals:') + 1).map(cells);
    expect(totals).toEqual([
      ['CURRENCY', 'AMOUNT'],
      ['USD', '17.04'],
    ]);

    const json = await mercato(['describe', `invoice/${organizationId}/${period}`, '-o', 'json']);
    const api = await w.consumer.owner.api.expect(
      200,
      w.consumer.owner.api.get(`/invoices/${organizationId}/${period}`),
    );
    expect(JSON.parse(json.stdout)).toEqual(api);
  });

  test('invoices export: CSV to standard output as the server writes it, JSON to a file', async () => {
    const csv = await mercato(['invoices', 'export', '--organization', organizationId, '--period', period]);
    expect(csv.stderr).toBe('');
    const served = await w.consumer.owner.api.expect(
      200,
      w.consumer.owner.api.get(`/invoices/${organizationId}/${period}?format=csv`),
    );
    expect(csv.stdout).toBe(served);
    const lines = csv.stdout.split('\r\n');
    expect(lines).toHaveLength(4); // header, two items, and the empty string after the last CRLF
    const amount = lines[0].split(',').indexOf('amount');
    expect(
      lines
        .slice(1, 3)
        .map((l) => l.split(',')[amount])
        .sort(),
    ).toEqual(['10.00', '7.04']);

    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mercato-invoice-')), 'invoice.json');
    const written = await mercato([
      'invoices',
      'export',
      '--organization',
      `ci-${kind} consumer`,
      '--period',
      period,
      '--format',
      'json',
      '--output',
      file,
    ]);
    expect(written.stdout.trim()).toBe(`wrote the invoice of ${period} (json) to ${file}`);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({
      organization_id: organizationId,
      state: 'pending',
      totals: [{ currency: 'USD', amount: '17.04' }],
    });
  });

  test('invoices close: staff close an ended month once, a second close says it was closed; others are refused', async () => {
    const first = await mercato(['invoices', 'close', '--period', '2020-01'], server.adminToken);
    expect(first.stderr).toBe('');
    expect(first.stdout.trim()).toBe('closed 2020-01: 0 final invoices, totals 0');
    const again = await mercato(['invoices', 'close', '--period', '2020-01', '-o', 'json'], server.adminToken);
    expect(JSON.parse(again.stdout)).toMatchObject({ period: '2020-01', invoices: 0, totals: [] });
    const said = await mercato(['invoices', 'close', '--period', '2020-01'], server.adminToken);
    expect(said.stdout).toMatch(
      /^2020-01 was already closed at 20\d\d-.+: 0 final invoices, totals 0; nothing changed\n$/,
    );

    const open = await mercato(['invoices', 'close', '--period', period], server.adminToken);
    expect(open.code).toBe(1);
    expect(open.stderr).toMatch(new RegExp(`the month ${period} has not ended yet`));
    const owner = await mercato(['invoices', 'close', '--period', '2020-02']);
    expect(owner.code).toBe(1);
    expect(owner.stderr).toContain('only staff close a month');
  });

  test('a bad period names the flag, before any request; another tenant never sees the invoice', async () => {
    for (const args of [
      ['get', 'invoices', '--organization', organizationId, '--period', '2026-13'],
      ['invoices', 'close', '--period', '26-01'],
      ['invoices', 'export', '--organization', organizationId, '--period', '2026-1'],
    ]) {
      const run = await mercato(args);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^error: --period "[^"]+" is not a month: give YYYY-MM/);
    }
    const none = await mercato(['get', 'invoices']);
    expect(none.stderr).toMatch(/give --organization ORG/);
    const other = await mercato(['get', 'invoices', '--organization', organizationId], w.other.owner.token);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/not found \(404\)/);
    const member = await mercato(['describe', 'invoice', organizationId, period], w.consumer.member.token);
    expect(member.stderr).toContain("only the organization's owners and staff see its invoices");
  });
});
