// Preloaded into `kap` (node -r) by readEarly.test.ts: says on stderr, at exit, how many threads
// the process started ("threads started: 1").
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS preload (node -r)
const threads = require("node:worker_threads");
const { isMainThread } = threads;
if (isMainThread) {
  const Worker = threads.Worker;
  let started = 0;
  threads.Worker = class extends Worker {
    constructor(...args) {
      super(...args);
      started++;
    }
  };
  process.on("exit", () => process.stderr.write(`threads started: ${started}\n`));
}
