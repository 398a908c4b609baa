#!/usr/bin/env node
// `kap`: runs the prebuilt bundle (dist/cli/kap.js, made by `npm run build:cli`, `npm run build`
// and on install). In a clone without it, the bundle is built first (esbuild, a dev dependency):
// one build path, so the command never runs differently from its tests.
const { existsSync } = require("node:fs");
const { join } = require("node:path");
const { execFileSync } = require("node:child_process");

const bundle = join(__dirname, "../dist/cli/kap.js");
if (!existsSync(bundle)) {
  try {
    execFileSync(process.execPath, [join(__dirname, "../scripts/build-cli.mjs")], {
      stdio: ["ignore", "ignore", "inherit"],
    });
  } catch {
    process.stderr.write(
      "kap: dist/cli/kap.js is missing and could not be built: run npm run build:cli\n"
    );
    process.exit(1);
  }
}
require(bundle).main();
