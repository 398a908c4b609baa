import fc from "fast-check";
import { IntPairIndex } from "../../../src/domain/analysis/collections";

describe("the order book's hash tables agree with a plain Map", () => {
  it("IntPairIndex gives each (a, b) one dense id, in first-seen order, across growth", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(300), fc.nat(50)), { maxLength: 3000 }), (keys) => {
        const index = new IntPairIndex(4, 2);
        const ref = new Map<string, number>();
        for (const [a, b] of keys) {
          const k = `${a},${b}`;
          const expected = ref.get(k) ?? ref.size;
          const id = index.intern(a, b);
          expect(id).toBe(expected);
          expect(index.isNew).toBe(!ref.has(k));
          ref.set(k, expected);
        }
        // every key again, after all the growth: the same id, nothing new
        for (const [k, id] of ref) {
          const [a, b] = k.split(",").map(Number);
          expect(index.intern(a, b)).toBe(id);
          expect(index.isNew).toBe(false);
        }
        expect(index.size).toBe(ref.size);
      }),
      { numRuns: 50 }
    );
  });

  it("IntPairIndex keeps the caller's per-id ints in the slot through growth", () => {
    const index = new IntPairIndex(2, 1);
    for (let i = 0; i < 1000; i++) {
      index.intern(i, i % 7);
      index.table[index.slot + 3] = i * 10;
    }
    for (let i = 0; i < 1000; i++) {
      index.intern(i, i % 7);
      expect(index.isNew).toBe(false);
      expect(index.table[index.slot + 3]).toBe(i * 10);
    }
  });
});
