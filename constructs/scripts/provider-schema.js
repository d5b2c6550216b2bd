/**
 * The provider's schema, exactly as `terraform providers schema -json` prints it, without
 * Terraform: bundles the provider from its sources (@mercato/terraform-provider/build, into a temp
 * dir so provider/dist is left alone) and runs it with `--schema`.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { build } = require('@mercato/terraform-provider/build');

async function providerSchema() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mercato-schema-'));
  try {
    const binary = await build(undefined, path.join(dir, 'terraform-provider-mercato.js'));
    return JSON.parse(
      execFileSync(process.execPath, [binary, '--schema'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { providerSchema };

if (require.main === module) {
  providerSchema().then(
    (schema) => process.stdout.write(`${JSON.stringify(schema, null, 2)}\n`),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
