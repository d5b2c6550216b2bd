#!/usr/bin/env node
// The built command line (lib/, made by `npm run build -w cli`, which `npm install` runs).
require('../lib/main.js');
