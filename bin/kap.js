#!/usr/bin/env node
// `kap`: runs the prebuilt bundle (dist/cli/kap.js, made by `npm run build:cli`, `npm run build`
// and on install). From a clone without it, falls back to the TypeScript source through tsx.
const { existsSync } = require("node:fs");
const { join } = require("node:path");

const bundle = join(__dirname, "../dist/cli/kap.js");
if (existsSync(bundle)) require(bundle).main();
else {
  require("tsx/cjs");
  require("../src/cli/main.ts").main();
}
