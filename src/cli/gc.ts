/**
 * A full garbage collection between reading a large file and analysing it.
 *
 * Reading 10,000,000 lines lets go of about 150 MB of typed arrays at its end (the pair index,
 * the order ids, the reading thread's buffers). V8 frees an ArrayBuffer only when it collects the
 * small object holding it, and the analysis' first arrays do not always prompt a collection: the
 * dead buffers and the new ones then peak together. One collection here (about 25 ms with the
 * CLI's heap) frees them first. `--expose-gc` is set at run time, the way V8 allows for it.
 */
import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** Inputs smaller than this are not worth a collection. */
export const COLLECT_AFTER_BYTES = 64 * 1024 * 1024;

let collect: (() => void) | undefined | null = null;

/** Collects garbage now, if V8 lets the CLI ask for it (else does nothing). */
export function collectGarbage(): void {
  if (collect === null) {
    try {
      setFlagsFromString("--expose-gc");
      collect = runInNewContext("gc") as () => void;
    } catch {
      collect = undefined;
    }
  }
  collect?.();
}

/** Array buffers at the last collection asked for by collectIfBuffersGrew. */
let buffersAtLastCollection = 0;

/** Bytes held by ArrayBuffers outside V8's heap, as V8 counts them. */
function externalMemory(): number {
  return getHeapStatistics().external_memory;
}

/**
 * Collects garbage when the array buffers have grown by `step` bytes since the last collection
 * asked for here: called as a large file is read, so the old copies of the lists the order book
 * grows (each growth leaves one: up to 100 MB at 10,000,000 lines) are freed soon, rather than
 * whenever V8 next collects on its own, which may come after the read's peak. `measure` and
 * `collect` are V8's by default; tests pass their own, since V8 may collect on its own at any time.
 * Returns whether it collected.
 */
export function collectIfBuffersGrew(
  step = 64 * 1024 * 1024,
  measure: () => number = externalMemory,
  collect: () => void = collectGarbage
): boolean {
  const buffers = measure();
  if (buffers < buffersAtLastCollection + step) {
    if (buffers < buffersAtLastCollection) buffersAtLastCollection = buffers;
    return false;
  }
  collect();
  buffersAtLastCollection = measure();
  return true;
}
