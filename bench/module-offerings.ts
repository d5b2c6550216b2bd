/**
 * Order to done of a module-backed offering (issue 12): a module of 10 `terraform_data`
 * resources published to the real server (`mercato serve`, its HTTPS listener on a free port),
 * offered as an auto-approved `terraform` offering; each sample places a create order through
 * the API and waits for it to be done (the server's run: `terraform init` from its registry,
 * plan, apply with the state in its state backend, outputs). Baseline in the same run, turn
 * about: a plain `terraform init` and `terraform apply` of the same module from a local path,
 * with local state, the same inputs. Reported: the medians, the overhead (ms and ratio).
 *
 *   npm run build && npx tsx bench/module-offerings.ts
 *
 * Knobs (environment): BENCH_RUNS (7, at most 30).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client, fmt, loadAverage, median, ROOT, startMercato } from './support/processes';

const RUNS = Math.min(Number(process.env.BENCH_RUNS ?? 7), 30);
const TERRAFORM = '/usr/local/bin/terraform';
const MERCATO = path.join(ROOT, 'cli', 'bin', 'mercato.js');
const RESOURCES = 10;
const say = (line: string) => console.log(`[module-offerings] ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Ten resources that depend on one another as a small real module's would, and their outputs. */
const MODULE_FILES: Record<string, string> = {
  'variables.tf': `variable "prefix" {
  type        = string
  description = "Prefix of every name."
}

variable "size" {
  type    = string
  default = "small"
}
`,
  'main.tf': `resource "terraform_data" "network" {
  input = { name = "\${var.prefix}-network" }
}

resource "terraform_data" "node" {
  count = ${RESOURCES - 1}
  input = { name = "\${var.prefix}-\${count.index}", size = var.size, network = terraform_data.network.id }
}
`,
  'outputs.tf': `output "node_ids" {
  value = terraform_data.node[*].id
}
`,
};

function writeFiles(dir: string, files: Record<string, string>): void {
  fs.mkdirSync(dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), content);
}

async function timed(action: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await action();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** Places a create order and polls it (every 10 ms) until it is done; throws when it errs. */
async function orderToDone(client: Client, order: object): Promise<void> {
  const placed = await client.post('/orders', order);
  for (;;) {
    const current = await client.get(`/orders/${placed.id}`);
    if (current.state === 'done') return;
    if (['erred', 'canceled', 'rejected'].includes(current.state))
      throw new Error(`order ${placed.id} ${current.state}: ${current.reason ?? current.error_message ?? ''}`);
    await sleep(10);
  }
}

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mercato-bench-module-offerings-'));
  const server = await startMercato();
  try {
    const admin = new Client(server.url, server.adminToken);
    const organization = await admin.post('/organizations', {
      name: 'Bench Platform',
      slug: 'bench',
      terraform_runs_allowed: true,
    });
    const moduleDir = path.join(root, 'module');
    writeFiles(moduleDir, MODULE_FILES);
    await promisify(execFile)(
      process.execPath,
      [
        MERCATO,
        'module',
        'publish',
        moduleDir,
        '--namespace',
        'bench',
        '--name',
        'nodes',
        '--system',
        'bench',
        '--version',
        '1.0.0',
      ],
      { env: { PATH: process.env.PATH, MERCATO_ENDPOINT: server.url, MERCATO_TOKEN: server.adminToken } },
    );
    const category = await admin.post('/categories', { title: 'Bench' });
    const offering = await admin.post('/offerings', {
      organization_id: organization.id,
      category_id: category.id,
      name: 'Ten nodes',
      type: 'terraform',
      status: 'active',
      auto_approve: true,
      platform: 'other',
      plugin_options: { module: 'bench/nodes/bench' },
    });
    const plan = await admin.post('/plans', { offering_id: offering.id, name: 'flat', unit: 'month', prices: {} });
    const project = await admin.post('/projects', { organization_id: organization.id, name: 'Bench' });

    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: path.join(root, 'home'),
      TF_IN_AUTOMATION: '1',
      CHECKPOINT_DISABLE: '1',
      TF_CLI_CONFIG_FILE: path.join(root, 'empty.tfrc'),
    };
    fs.mkdirSync(env.HOME!);
    fs.writeFileSync(env.TF_CLI_CONFIG_FILE!, '');
    const terraform = (dir: string, args: string[]) => promisify(execFile)(TERRAFORM, args, { cwd: dir, env });

    const samples = { order: [] as number[], initAndApply: [] as number[], apply: [] as number[] };
    say(`${RUNS} runs; load average ${loadAverage()}`);
    // One of each first, not counted: the server's first run fills Terraform's caches, as a local one's does.
    for (let run = -1; run < RUNS; run++) {
      const prefix = `r${run + 1}`;
      const local = async () => {
        const dir = path.join(root, `local-${prefix}`);
        writeFiles(path.join(dir, 'nodes'), MODULE_FILES);
        fs.writeFileSync(
          path.join(dir, 'main.tf'),
          `module "nodes" {\n  source = "./nodes"\n  prefix = "${prefix}"\n}\n`,
        );
        const init = await timed(() => terraform(dir, ['init', '-input=false', '-no-color']));
        const apply = await timed(() => terraform(dir, ['apply', '-auto-approve', '-input=false', '-no-color']));
        return { init, apply };
      };
      const order = () =>
        timed(() =>
          orderToDone(admin, {
            type: 'create',
            project_id: project.id,
            offering_id: offering.id,
            plan_id: plan.id,
            version: '1.0.0',
            name: `nodes-${prefix}`,
            attributes: { prefix },
          }),
        );
      let ordered: number;
      let plain: { init: number; apply: number };
      if (run % 2 === 0) {
        ordered = await order();
        plain = await local();
      } else {
        plain = await local();
        ordered = await order();
      }
      if (run < 0) continue;
      samples.order.push(ordered);
      samples.initAndApply.push(plain.init + plain.apply);
      samples.apply.push(plain.apply);
      say(
        `run ${run + 1}: order to done ${fmt(ordered)} ms; terraform init ${fmt(plain.init)} + apply ${fmt(plain.apply)} ms`,
      );
    }
    const order = median(samples.order);
    const initAndApply = median(samples.initAndApply);
    console.log(`\n| ${RESOURCES} terraform_data resources | median (ms) | min | max |`);
    console.log('|---|---|---|---|');
    const rows: Array<[string, number[]]> = [
      ['order to done (Mercato: init from its registry, apply, outputs from the state)', samples.order],
      ['terraform init + apply, module from a local path', samples.initAndApply],
      ['terraform apply alone', samples.apply],
    ];
    for (const [label, values] of rows)
      console.log(`| ${label} | ${fmt(median(values))} | ${fmt(Math.min(...values))} | ${fmt(Math.max(...values))} |`);
    console.log(
      `\noverhead of an order over a plain init + apply: ${fmt(order - initAndApply)} ms (${(order / initAndApply).toFixed(2)}x); over apply alone ${(order / median(samples.apply)).toFixed(2)}x`,
    );
    console.log(`RESULT ${JSON.stringify({ runs: RUNS, ...samples })}`);
  } finally {
    await server.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
