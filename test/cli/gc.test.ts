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

test("collectIfBuffersGrew collects once the array buffers have grown by its step", async () => {
  collectIfBuffersGrew(0); // the baseline: buffers now
  let dropped: Float64Array | null = new Float64Array(1 << 21); // 16 MB
  const ref = new WeakRef(dropped);
  const kept = new Float64Array(1 << 21); // 16 MB more
  dropped = null;
  await new Promise((resolve) => setImmediate(resolve));
  collectIfBuffersGrew(8 * 1024 * 1024);
  expect(ref.deref()).toBeUndefined();
  expect(kept.length).toBe(1 << 21);
});
