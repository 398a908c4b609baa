import fc from "fast-check";
import { utf8Length } from "../../src/excel/bytes";

test("utf8Length is the UTF-8 byte count TextEncoder gives, for any text (ASCII, £/€, CJK, emoji)", () => {
  const encoder = new TextEncoder();
  fc.assert(
    fc.property(fc.string({ unit: "binary", maxLength: 200 }), (s) =>
      expect(utf8Length(s)).toBe(encoder.encode(s).length)
    ),
    { numRuns: 1000 }
  );
  // by hand: "£" 2 bytes, "€" 3, "😀" 4
  expect(utf8Length("a£€😀")).toBe(1 + 2 + 3 + 4);
  expect(utf8Length("\ud800\u00e9")).toBe(encoder.encode("\ud800\u00e9").length); // a lone surrogate, then é
});
