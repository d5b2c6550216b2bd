/**
 * Preload (`node -r bench/support/module-timing.js ...`): at exit, prints on stderr the modules
 * the process loaded (Node's own left out), slowest first, each with the milliseconds its
 * require took (its evaluation and everything it required in turn; a require still running when
 * the process exits, as `--help` exits from inside the bundle, counts until then). What
 * `bench/cli.ts` shows with BENCH_MODULES=1, to see what a command loads that it does not need.
 */
const Module = require('node:module');

const now = () => process.hrtime.bigint();
const started = now();
const loads = [];
let depth = 0;
const load = Module._load;
Module._load = function timedLoad(request, parent) {
  if (Module.isBuiltin(request)) return load.apply(this, arguments);
  const entry = {
    request,
    from: parent && parent.filename ? parent.filename : '',
    depth: depth++,
    start: now(),
    end: undefined,
  };
  loads.push(entry);
  try {
    return load.apply(this, arguments);
  } finally {
    depth--;
    entry.end = now();
  }
};

process.on('exit', () => {
  const end = now();
  const ms = (entry) => Number((entry.end ?? end) - entry.start) / 1e6;
  const top = loads
    .filter((entry) => entry.depth <= 3)
    .sort((a, b) => ms(b) - ms(a))
    .slice(0, 25);
  const lines = top.map(
    (entry) =>
      `${ms(entry).toFixed(1).padStart(7)} ms  ${'  '.repeat(entry.depth)}${entry.request}  (from ${path(entry.from)})`,
  );
  process.stderr.write(
    `${loads.length} modules loaded; ${(Number(end - started) / 1e6).toFixed(1)} ms from this preload to exit\n${lines.join('\n')}\n`,
  );
});

const path = (file) => require('node:path').relative(process.cwd(), file) || '-';
