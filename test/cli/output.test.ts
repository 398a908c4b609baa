/** Output.writeAll: the pieces arrive whole and in order, as UTF-8, however they fall across the 64 KB blocks. */
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

describe("Output.writeWhole: all or nothing", () => {
  /** 3,000 pieces of 100 characters (300,000 bytes, 5 blocks), then, when `failAt` is given, an error at that piece. */
  function* text(failAt?: number): Generator<string> {
    for (let i = 0; i < 3_000; i++) {
      if (i === failAt) throw new Error("failed while making piece 2,500");
      yield `${String(i).padStart(5, "0")}${"é".repeat(95)}`;
    }
  }
  const whole = [...text()].join("");

  it("writes the text whole when it is made without error, held or made twice", async () => {
    for (const hold of [32 << 20, 100_000]) {
      const c = collector();
      await new Output(c.stream, hold).writeWhole(() => text());
      expect(c.bytes().toString("utf8")).toBe(whole);
    }
  });

  it("writes nothing when making the text fails part-way, held or past the hold", async () => {
    for (const hold of [32 << 20, 100_000]) {
      const c = collector();
      await expect(new Output(c.stream, hold).writeWhole(() => text(2_500))).rejects.toThrow(
        "failed while making piece 2,500"
      );
      expect(c.bytes().length).toBe(0);
    }
  });
});

describe("Output.writeWhole to a regular file (standard output redirected with > or >>)", () => {
  const dir = mkdtempSync(join(tmpdir(), "kap-output-"));
  let n = 0;
  /**
   * A file holding `before`, and a stream writing to it at once, as process.stdout does for a
   * file (each block is written before write() returns, so writeWhole makes the next block in
   * the same memory).
   */
  function fileStream(before: string) {
    const path = join(dir, `out-${n++}.json`);
    writeFileSync(path, before);
    const fd = openSync(path, "a");
    const stream = Object.assign(
      new Writable({
        write(chunk: Buffer, _enc, done) {
          writeSync(fd, chunk);
          done();
        },
      }),
      { fd }
    );
    return {
      stream,
      text: () => readFileSync(path, "utf8"),
      close: () => closeSync(fd),
    };
  }

  it("writes pieces of every length, across many blocks, as their UTF-8 bytes after what the file held", async () => {
    const piece = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 40 }),
      fc.string({ unit: "grapheme", minLength: 20_000, maxLength: 30_000 }),
      fc.constantFrom("", "é", "€", "😀", "a".repeat(21_845), "€".repeat(21_846))
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 12 }), async (pieces) => {
        const f = fileStream("before\n");
        try {
          await new Output(f.stream).writeWhole(() => pieces);
          expect(f.text()).toBe(`before\n${pieces.join("")}`);
        } finally {
          f.close();
        }
      }),
      { numRuns: 40 }
    );
  });

  it("cuts the file back to what it held when making the text fails part-way", async () => {
    // 3,000 pieces of 100 characters (300,000 bytes: 4 full blocks written) before the error
    function* text(): Generator<string> {
      for (let i = 0; i < 3_500; i++) {
        if (i === 3_000) throw new Error("failed while making piece 3,000");
        yield `${String(i).padStart(5, "0")}${"x".repeat(95)}`;
      }
    }
    const f = fileStream("earlier output\n");
    const out = new Output(f.stream);
    await expect(out.writeWhole(() => text())).rejects.toThrow("failed while making piece 3,000");
    // what main() does after a failure
    out.abandon();
    expect(f.text()).toBe("earlier output\n");
    f.close();
  });
});
