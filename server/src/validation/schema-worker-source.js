// The worker when the server runs from its TypeScript sources (jest, in-process): a worker thread
// runs plain Node, so tsx compiles the TypeScript module on load. The built server (lib/) starts
// the compiled schema-worker.js instead.
require('tsx/cjs');
require('./schema-worker.ts');
