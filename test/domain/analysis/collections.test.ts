import fc from "fast-check";
import { GrowI32, IntPairIndex, ScopedStringIndex } from "../../../src/domain/analysis/collections";

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

  it("ScopedStringIndex treats the same text in another scope as another key, and colliding texts apart", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ maxLength: 6 }), fc.nat(5)), { maxLength: 3000 }),
        (keys) => {
          const index = new ScopedStringIndex(2);
          const ref = new Map<string, number>();
          for (const [text, scope] of keys) {
            const k = `${scope}\u0000${text}`;
            const expected = ref.get(k) ?? ref.size;
            expect(index.intern(text, scope)).toBe(expected);
            expect(index.isNew).toBe(!ref.has(k));
            ref.set(k, expected);
          }
          expect(index.size).toBe(ref.size);
        }
      ),
      { numRuns: 50 }
    );
  });

  it("ScopedStringIndex reads the caller's scope column when given one (the order book's order keys)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ maxLength: 4 }), fc.nat(3)), { maxLength: 2000 }),
        (keys) => {
          const index = new ScopedStringIndex(2);
          const scopes = new GrowI32(1);
          const ref = new Map<string, number>();
          for (const [text, scope] of keys) {
            const k = `${scope}\u0000${text}`;
            const expected = ref.get(k) ?? ref.size;
            expect(index.intern(text, scope, scopes.a)).toBe(expected);
            if (index.isNew) scopes.push(scope);
            ref.set(k, expected);
          }
          expect(index.size).toBe(ref.size);
        }
      ),
      { numRuns: 50 }
    );
  });

  it("ScopedStringIndex keeps texts with any characters apart: ÿ (255), €, accents, surrogates, prefixes and the empty text", () => {
    const chars = fc.constantFrom(
      "a",
      "b",
      "ÿ",
      "\u00ff\u0000",
      "€",
      "é",
      "\u0100",
      "😀",
      "\u00ff\u00ff"
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.array(chars, { maxLength: 4 }).map((cs) => cs.join("")),
            fc.nat(2)
          ),
          {
            maxLength: 500,
          }
        ),
        (keys) => {
          const index = new ScopedStringIndex(2);
          const ref = new Map<string, number>();
          for (const [text, scope] of keys) {
            const k = `${scope}\u0001${text}`;
            const expected = ref.get(k) ?? ref.size;
            expect(index.intern(text, scope)).toBe(expected);
            ref.set(k, expected);
          }
        }
      ),
      { numRuns: 200 }
    );
    // a text and the same text with one more character that is encoded in three bytes
    const index = new ScopedStringIndex(2);
    expect(index.intern("A", 0)).toBe(0);
    expect(index.intern("A€", 0)).toBe(1);
    expect(index.intern("A", 0)).toBe(0);
    expect(index.intern("", 0)).toBe(2);
    expect(index.intern("A€", 0)).toBe(1);
  });
});
