/**
 * CDKTF synth at scale (issue 4): an app of N Mercato resources against the same app of N
 * `@cdktf/provider-null` resources, in the same run, each sample in a fresh Node process (kinds
 * alternate, so drift in the machine's load hits both alike); the median of the runs.
 *
 * Kinds:
 * - `null`, the baseline: the same app with @cdktf/provider-null: a `null_data_source` in place of
 *   the offering lookup, and N `null_resource` whose `triggers` carry the same data and references
 *   (project, offering and plan IDs, name, bucket name, versioning, storage).
 * - `null-bare`: N `null_resource` with one literal trigger each (the least a resource can carry).
 * - `mercato`: N `OrderedResource` (the hand-written construct) of one offering looked up by slug
 *   into one project, each with an `attributes` object and `limits`: what a consumer app writes.
 * - `mercato-l1`: N generated `resource.Resource` bindings with the same arguments.
 *
 * Each sample times the app's construction plus `app.synth()` (the figure compared, "synth"), and
 * the process's whole life (loading Node, cdktf and the library, then synth: "process"). The
 * ratio is the median of each run's ratio to the null app of the same run. The children run with
 * Node's source maps off, as an app compiled to JavaScript runs; --source-maps keeps them on, as
 * tsx or ts-node run an app.
 *
 *   npm run build -w constructs && npx tsx bench/cdktf-synth.ts [--resources 1000] [--runs 9] [--source-maps]
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type * as Mercato from '@mercato/cdktf';
import { fmt, loadAverage, median, ROOT } from './support/processes';

const argv = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const RESOURCES = Number(option('resources', '1000'));
const RUNS = Math.min(Number(option('runs', '9')), 25);
const TARGET_RATIO = 1.2;
const SOURCE_MAPS = argv.includes('--source-maps');
const KINDS = ['null', 'mercato', 'mercato-l1', 'null-bare'] as const;
type Kind = (typeof KINDS)[number];

interface Sample {
  kind: Kind;
  /** Construction of the app and app.synth(), ms. */
  synth: number;
  /** The child process from spawn to exit, ms. */
  process: number;
  /** Size of the synthesized cdk.tf.json, bytes. */
  bytes: number;
}

/** In the child: builds and synthesizes one app; prints the timing as JSON. */
function child(kind: Kind, count: number): void {
  // tsx (which runs this file) turns on source maps for stack traces; an app compiled to
  // JavaScript and run by node does not have them. cdktf captures a stack trace for every
  // computed list, map and block reference a binding creates, so with source maps on, each of
  // those walks the inline source maps of every frame: the figures would then measure tsx.
  if (!SOURCE_MAPS) process.setSourceMapsEnabled(false);
  const cdktf = require('cdktf') as typeof import('cdktf');
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `cdktf-synth-${kind}-`));
  const start = process.hrtime.bigint();
  const app = new cdktf.App({ outdir });
  const stack = new cdktf.TerraformStack(app, 'bench');
  if (kind === 'null' || kind === 'null-bare') {
    const nul = require('@cdktf/provider-null') as typeof import('@cdktf/provider-null');
    new nul.provider.NullProvider(stack, 'null');
    if (kind === 'null') {
      // The same app: a lookup like the offering's, and the same data and references per resource.
      const lookup = new nul.dataNullDataSource.DataNullDataSource(stack, 'storage', {
        inputs: { slug: 'object-storage' },
      });
      const [offeringId, planId] = [lookup.id, lookup.outputs.lookup('standard')];
      for (let i = 0; i < count; i++) {
        new nul.resource.Resource(stack, `r${i}`, {
          triggers: {
            project_id: 'prj-1',
            offering_id: offeringId,
            plan_id: planId,
            name: `resource-${i}`,
            bucket_name: `bucket-${i}`,
            versioning: 'true',
            storage: String(i % 500),
          },
        });
      }
    } else {
      for (let i = 0; i < count; i++)
        new nul.resource.Resource(stack, `r${i}`, { triggers: { name: `resource-${i}` } });
    }
  } else {
    const lib = require('@mercato/cdktf') as typeof Mercato;
    new lib.provider.MercatoProvider(stack, 'mercato', {});
    const project = lib.Project.fromProjectId(stack, 'project', 'prj-1');
    const offering = lib.Offering.fromSlug(stack, 'storage', 'object-storage');
    const [projectId, offeringId, planId] = [project.projectId, offering.offeringId, offering.planId('standard')];
    for (let i = 0; i < count; i++) {
      const attributes = { bucket_name: `bucket-${i}`, versioning: true };
      const limits = { storage: i % 500 };
      if (kind === 'mercato') {
        new lib.OrderedResource(stack, `r${i}`, {
          project,
          offering,
          plan: 'standard',
          name: `resource-${i}`,
          attributes,
          limits,
        });
      } else {
        new lib.resource.Resource(stack, `r${i}`, {
          projectId,
          offeringId,
          planId,
          name: `resource-${i}`,
          attributes,
          limits,
        });
      }
    }
  }
  app.synth();
  const synth = Number(process.hrtime.bigint() - start) / 1e6;
  const bytes = fs.statSync(path.join(outdir, 'stacks/bench/cdk.tf.json')).size;
  fs.rmSync(outdir, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify({ synth, bytes })}\n`);
}

function sample(kind: Kind): Sample {
  const start = process.hrtime.bigint();
  const out = execFileSync(
    process.execPath,
    [
      '-r',
      require.resolve('tsx/cjs'),
      __filename,
      '--child',
      kind,
      '--resources',
      String(RESOURCES),
      ...(SOURCE_MAPS ? ['--source-maps'] : []),
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  const { synth, bytes } = JSON.parse(out.trim().split('\n').pop()!) as { synth: number; bytes: number };
  return { kind, synth, process: elapsed, bytes };
}

function main(): void {
  const say = (line: string) => console.log(`[cdktf-synth] ${line}`);
  say(`${RESOURCES} resources, ${RUNS} runs per kind, load average ${loadAverage()}`);
  // One warm-up of each kind: the OS file cache and tsx's transform cache.
  for (const kind of KINDS) sample(kind);
  const samples: Sample[] = [];
  for (let run = 0; run < RUNS; run++) {
    for (const kind of KINDS) {
      const s = sample(kind);
      samples.push(s);
      say(`run ${run + 1} ${kind}: synth ${fmt(s.synth, 0)} ms, process ${fmt(s.process, 0)} ms`);
    }
  }
  const of = (kind: Kind) => samples.filter((s) => s.kind === kind);
  // Each run's ratio to the null app of the same run (sampled a second apart), then the median:
  // the machine's load drifts between runs more than the difference measured.
  const ratio = (kind: Kind, key: 'synth' | 'process') => median(of(kind).map((s, i) => s[key] / of('null')[i][key]));
  const rows = KINDS.map((kind) => ({
    kind,
    synth: median(of(kind).map((s) => s.synth)),
    process: median(of(kind).map((s) => s.process)),
    ratio: ratio(kind, 'synth'),
    processRatio: ratio(kind, 'process'),
    bytes: of(kind)[0].bytes,
  }));
  const table = [
    `| App (${RESOURCES} resources) | synth, median ms | × null (median of runs) | process, median ms | × null | cdk.tf.json |`,
    '|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.kind} | ${fmt(r.synth, 0)} | ${fmt(r.ratio, 2)} | ${fmt(r.process, 0)} | ${fmt(r.processRatio, 2)} | ${fmt(r.bytes / 1024, 0)} KiB |`,
    ),
  ].join('\n');
  console.log(`\n${table}\n`);
  const mercato = rows.find((r) => r.kind === 'mercato')!;
  say(
    `target: mercato synth at most ${TARGET_RATIO}x null: ${fmt(mercato.ratio, 2)}x ${mercato.ratio <= TARGET_RATIO ? 'MET' : 'MISSED'}; load average now ${loadAverage()}`,
  );
  console.log(`RESULT ${JSON.stringify({ resources: RESOURCES, runs: RUNS, rows, samples })}`);
}

if (argv.includes('--child')) child(option('child', 'null') as Kind, RESOURCES);
else main();
