#!/usr/bin/env node
// `kap` from a clone after `npm ci` (npx kap ...): runs the TypeScript CLI through tsx's require hook.
require('tsx/cjs');
require('../src/cli/main.ts').main();
