// A worker thread runs plain Node: tsx compiles the TypeScript module on load, as bin/mercato.js does.
require('tsx/cjs');
require('./schema-worker.ts');
