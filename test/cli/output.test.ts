/** Output.writeAll: the pieces arrive whole and in order, as UTF-8, however they fall across the 64 KB blocks. */
import { Writable } from "node:stream";
import fc from "fast-check";
import { Output } from "../../src/cli/output";

/** A stream that keeps what it is given, slowly (each write completes on a later turn), with a small buffer. */
function collector(): { stream: Writable; bytes: () => Buffer; writes: () => number } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _enc, done) {
      chunks.push(Buffer.from(chunk));
      setImmediate(done);
    },
  });
  return { stream, bytes: () => Buffer.concat(chunks), writes: () => chunks.length };
}

test("pieces of every length, with 2-, 3- and 4-byte characters, arrive as their UTF-8 bytes in order", async () => {
  const piece = fc.oneof(
    fc.string({ unit: "grapheme", maxLength: 40 }),
    fc.string({ unit: "grapheme", minLength: 20_000, maxLength: 30_000 }),
    fc.constantFrom("", "é", "€", "😀", "a".repeat(21_845), "€".repeat(21_846))
  );
  await fc.assert(
    fc.asyncProperty(fc.array(piece, { maxLength: 12 }), async (pieces) => {
      const c = collector();
      await new Output(c.stream).writeAll(pieces);
      expect(c.bytes().equals(Buffer.from(pieces.join(""), "utf8"))).toBe(true);
    }),
    { numRuns: 60 }
  );
});

test("many small pieces go out in a few writes of at most 64 KB", async () => {
  // 10,000 pieces of 100 bytes = 1,000,000 bytes: at least 16 blocks of 65,536 bytes
  const pieces = Array.from(
    { length: 10_000 },
    (_, i) => `${String(i).padStart(5, "0")}${"x".repeat(95)}`
  );
  const c = collector();
  await new Output(c.stream).writeAll(pieces);
  expect(c.bytes().toString("utf8")).toBe(pieces.join(""));
  expect(c.writes()).toBeGreaterThanOrEqual(16);
  expect(c.writes()).toBeLessThanOrEqual(20);
});
