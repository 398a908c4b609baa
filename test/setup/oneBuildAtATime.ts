/**
 * One build of a kind at a time per checkout. Jest runs test files in parallel workers: two
 * browser suites that both find dist/ out of date would otherwise run webpack into it at once
 * (each cleaning what the other wrote), two manifest suites would each build the same bundle,
 * and a browser and a manifest suite would build side by side on two cores instead of the
 * second one building from the cache the first one filled.
 * The lock is a folder (mkdir is atomic); a waiting worker sleeps, then checks again whether
 * the build it wanted is there.
 */
import { createHash } from "node:crypto";
import { mkdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Longer than any build is allowed (their timeouts are 4–5 min): a lock this old was left by a killed run. */
const STALE_MS = 8 * 60_000;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Runs `build` holding the lock named `kind` for the checkout at `root`; returns what it returns. */
export function oneBuildAtATime<T>(kind: string, root: string, build: () => T): T {
  const checkout = createHash("sha256").update(root).digest("hex").slice(0, 12);
  const lock = join(tmpdir(), `kap-${kind}-${checkout}.lock`);
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      try {
        if (Date.now() - statSync(lock).mtimeMs > STALE_MS) rmSync(lock, { recursive: true });
      } catch {
        // released meanwhile
      }
      sleep(500);
    }
  }
  try {
    return build();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
