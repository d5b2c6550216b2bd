#!/usr/bin/env node
// The built command line (lib/, made by `npm run build -w cli`, which `npm install` runs).
// Node 22.1 and later keep the compiled code of lib/ between runs (module.enableCompileCache);
// Node 20 compiles it each time.
require('node:module').enableCompileCache?.();
require('../lib/main.js');
