/**
 * A Mac OS Roman CSV (Excel for Mac) whose first 64 KB are plain ASCII: the encoding is sniffed
 * from those bytes as UTF-8, and the first row that is not UTF-8 used to switch the file to
 * Windows-1252 whatever its bytes, so "Café Müller GmbH" read "CafŽ MŸller GmbH" and
 * "Straßenbau Jürgen KG" "Stra§enbau JŸrgen KG". The switch now looks at the bytes from that
 * field on, as the sniff looks at the first ones (looksMacRoman, looksCentralEuropean).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Cell } from "../../src/ingest/grid";
import { decodeText, sniffFile, TextFileReader } from "../../src/cli/textFile";
import { textSource } from "../../src/cli/fileSource";

const dir = mkdtempSync(join(tmpdir(), "kap-macroman-late-"));

/**
 * The header (34 bytes: "Customer,Date,Invoice,SKU,Qty,Net\n"), 1,900 ASCII rows of 38 bytes
 * ("Acme Ltd,2026-10-01,I00001,P1,1,10.00\n"), so the first byte above 0x7F is at
 * 34 + 1,900 × 38 = 72,234, past the 64 KB (65,536) the sniff reads; then three rows whose names
 * hold é ü ß, written in the given bytes.
 */
function file(name: string, e: number, u: number, ss: number): string {
  const ascii = (i: number) => `Acme Ltd,2026-10-01,I${String(i).padStart(5, "0")},P1,1,10.00\n`;
  const parts: Buffer[] = [Buffer.from("Customer,Date,Invoice,SKU,Qty,Net\n")];
  for (let i = 1; i <= 1900; i++) parts.push(Buffer.from(ascii(i)));
  const b = (s: string) => Buffer.from(s, "latin1");
  const cafe = [b("Caf"), Buffer.of(e), b(" M"), Buffer.of(u), b("ller GmbH")];
  const bau = [b("Stra"), Buffer.of(ss), b("enbau J"), Buffer.of(u), b("rgen KG")];
  parts.push(...cafe, b(",2026-10-02,I01901,P2,2,25.50\n"));
  parts.push(...bau, b(",2026-10-03,I01902,P1,3,30.00\n"));
  parts.push(...cafe, b(",2026-10-04,I01903,P1,1,10.00\n"));
  const path = join(dir, name);
  writeFileSync(path, Buffer.concat(parts));
  return path;
}

/** The customers of every row (column A), read in reads of `chunk` bytes. */
function customers(path: string, chunk?: number): string[] {
  const r = new TextFileReader(path, { chunkBytes: chunk });
  const out: string[] = [];
  while (r.next((row: Cell[]) => out.push(String(row[0])))) {
    /* reading */
  }
  return out;
}

// Mac OS Roman: é 0x8E, ü 0x9F, ß 0xA7 (Windows-1252 has Ž, Ÿ and § there)
const MAC = { e: 0x8e, u: 0x9f, ss: 0xa7 };
// Windows-1252: é 0xE9, ü 0xFC, ß 0xDF
const WIN = { e: 0xe9, u: 0xfc, ss: 0xdf };
const NAMES = ["Café Müller GmbH", "Straßenbau Jürgen KG", "Café Müller GmbH"];

describe("a file whose first bytes not in UTF-8 come after 64 KB of ASCII", () => {
  it("Mac OS Roman: the late names read as written, in any size of read", () => {
    const path = file("mac.csv", MAC.e, MAC.u, MAC.ss);
    // the first 64 KB say nothing but UTF-8
    expect(sniffFile(path).encoding).toBe("utf-8");
    // 1 (header) + 1,900 ASCII rows, then rows 1,902–1,904; reads of 1 MB, of 64 KB (the
    // peek's), and of 72,250 bytes, which end inside row 1,902 (it starts at byte 72,234)
    for (const chunk of [undefined, 64 * 1024, 72_250]) {
      const rows = customers(path, chunk);
      expect(rows).toHaveLength(1904);
      expect(rows.slice(1901)).toEqual(NAMES);
    }
    expect(decodeText(readFileSync(path)).split("\n").slice(1901, 1904)).toEqual([
      "Café Müller GmbH,2026-10-02,I01901,P2,2,25.50",
      "Straßenbau Jürgen KG,2026-10-03,I01902,P1,3,30.00",
      "Café Müller GmbH,2026-10-04,I01903,P1,1,10.00",
    ]);
  });

  it("the reading says where the encoding changed, and to which", async () => {
    const prev = process.env.KAP_READ_THREAD;
    process.env.KAP_READ_THREAD = "0";
    try {
      const source = textSource(file("mac-said.csv", MAC.e, MAC.u, MAC.ss));
      const [t] = await source.tables();
      await source.read(t, () => undefined);
      // UTF-8 to row 1,901 (the last ASCII row), Mac OS Roman from row 1,902
      expect(source.describe()).toBe("UTF-8 up to row 1901, then Mac OS Roman, comma-delimited");
    } finally {
      if (prev === undefined) delete process.env.KAP_READ_THREAD;
      else process.env.KAP_READ_THREAD = prev;
    }
  });

  it("Windows-1252 stays Windows-1252", () => {
    const path = file("win.csv", WIN.e, WIN.u, WIN.ss);
    expect(customers(path).slice(1901)).toEqual(NAMES);
  });
});
