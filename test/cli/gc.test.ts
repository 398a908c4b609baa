import { collectGarbage, collectIfBuffersGrew } from "../../src/cli/gc";

test("collectGarbage frees what nothing holds any more (V8 lets the CLI ask at run time)", async () => {
  let held: Float64Array | null = new Float64Array(1 << 20);
  const ref = new WeakRef(held);
  held = null;
  // a WeakRef's target is kept until the current job ends
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
  expect(ref.deref()).toBeUndefined();
  expect(held).toBeNull();
});

// The buffer sizes are given, not read from V8: V8 may collect on its own between two readings
// (it did on CI once), which would make a test on real buffers pass or fail by chance.
describe("collectIfBuffersGrew collects once the array buffers have grown by its step", () => {
  const MB = 1024 * 1024;
  let buffers = 0;
  let collections = 0;
  const measure = (): number => buffers;
  const collect = (): void => {
    collections += 1;
    buffers -= 10 * MB; // a collection frees 10 MB of dead buffers
  };
  const check = (): boolean => collectIfBuffersGrew(64 * MB, measure, collect);

  test("growth under the step: no collection; at the step: one, and the baseline moves", () => {
    buffers = 100 * MB;
    expect(check()).toBe(true); // 100 MB over the starting baseline of 0
    expect(collections).toBe(1);
    // baseline now 90 MB (what was left after the collection)
    buffers = 90 * MB + 63 * MB;
    expect(check()).toBe(false);
    buffers = 90 * MB + 64 * MB;
    expect(check()).toBe(true);
    expect(collections).toBe(2);
  });

  test("when the buffers shrink on their own, the step counts from the lower figure", () => {
    // baseline after the last test: 144 MB; V8 then frees buffers down to 50 MB by itself
    buffers = 50 * MB;
    expect(check()).toBe(false);
    buffers = 50 * MB + 63 * MB; // 113 MB: under 144 + 64, but 63 MB over the new baseline
    expect(check()).toBe(false);
    buffers = 50 * MB + 64 * MB;
    expect(check()).toBe(true);
    expect(collections).toBe(3);
  });
});
