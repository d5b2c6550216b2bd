#!/usr/bin/env node
// The built command line (lib/, made by `npm run build -w cli`, which `npm install` runs). The code
// V8 compiles for lib/ is kept between runs: by Node itself from 22.1 (module.enableCompileCache),
// by lib/compile-cache.js on Node 20 (`get offerings` ~20% faster, bench/README.md).
const { enableCompileCache } = require('node:module');
if (enableCompileCache) enableCompileCache();
else require('../lib/compile-cache.js').keepCompiledCode();
require('../lib/main.js');
