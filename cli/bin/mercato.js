#!/usr/bin/env node
// The TypeScript sources run as they are: tsx compiles each module on load.
require('tsx/cjs');
require('../src/main.ts');
