import { collectGarbage } from "../../src/cli/gc";

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
