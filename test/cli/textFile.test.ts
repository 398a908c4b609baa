/**
 * Text files as people save them: encodings (bytes built here), delimiters, RFC 4180 quoting
 * with line breaks, chunk boundaries anywhere, and the limits of the reader.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { textSource } from "../../src/cli/fileSource";
import {
  CsvParser,
  decode1252,
  decodeText,
  sniffDelimiter,
  TextFileReader,
  TextLimitError,
} from "../../src/cli/textFile";
import type { Cell } from "../../src/ingest/grid";
import { readWorkbookFile } from "../../src/cli/workbookFile";
import { KapEngine, loadGrids } from "../../src/engine/engine";
import { IngestSession, type OrderSink } from "../../src/engine/session";
import { defaultSettings } from "../../src/engine/settings";

const dir = mkdtempSync(join(tmpdir(), "kap-text-"));

function rowsOf(path: string): { rows: Cell[][]; reader: TextFileReader } {
  const reader = new TextFileReader(path);
  const rows: Cell[][] = [];
  while (reader.next((r) => rows.push(r)));
  return { rows, reader };
}

/** UTF-8 CSV bytes fed in two reads cut at `cut`, then the end: the rows and the parser. */
function readCutAt(bytes: Buffer, cut: number): { out: Cell[][]; parser: CsvParser } {
  const parser = new CsvParser({ delimiter: ",", encoding: "utf-8" });
  const out: Cell[][] = [];
  parser.feed(bytes.subarray(0, cut), false, (r) => out.push([...r]));
  parser.feed(bytes.subarray(cut), false, (r) => out.push([...r]));
  parser.feed(Buffer.alloc(0), true, (r) => out.push([...r]));
  return { out, parser };
}

/** The published Windows-1252 table for the bytes KAP users meet in old exports. */
const CP1252 = [
  [0x80, "€"],
  [0x82, "‚"],
  [0x84, "„"],
  [0x85, "…"],
  [0x91, "‘"],
  [0x92, "’"],
  [0x93, "“"],
  [0x94, "”"],
  [0x96, "–"],
  [0x97, "—"],
  [0xa3, "£"],
  [0xe9, "é"],
] as const;

describe("encodings", () => {
  test("Windows-1252: its own characters for 0x80–0x9F, not Latin-1 control codes", () => {
    const bytes = Buffer.from(CP1252.map(([b]) => b));
    expect(decode1252(bytes)).toBe(CP1252.map(([, c]) => c).join(""));
    expect(decodeText(bytes)).toBe("€‚„…‘’“”–—£é");
  });

  test("a Windows-1252 CSV file reads with its € and quotes", () => {
    const path = join(dir, "w1252.csv");
    // Customer;Note;Amount / Caf<e9>;<93>best<94> <96> <85>;<80>12,50
    writeFileSync(
      path,
      Buffer.concat([
        Buffer.from("Customer;Note;Amount\r\nCaf"),
        Buffer.from([0xe9]),
        Buffer.from(";"),
        Buffer.from([0x93]),
        Buffer.from("best"),
        Buffer.from([0x94, 0x20, 0x96, 0x20, 0x85]),
        Buffer.from(";"),
        Buffer.from([0x80]),
        Buffer.from("12,50\r\n"),
      ])
    );
    const { rows, reader } = rowsOf(path);
    expect(reader.encoding).toBe("windows-1252");
    expect(rows).toEqual([
      ["Customer", "Note", "Amount"],
      ["Café", "“best” – …", "€12,50"],
    ]);
  });

  test("UTF-8 with a BOM: the BOM is not part of the first header", () => {
    const path = join(dir, "bom.csv");
    writeFileSync(
      path,
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from("Customer,Qty\nCafé,3\n", "utf8"),
      ])
    );
    const { rows, reader } = rowsOf(path);
    expect(reader.encoding).toBe("utf-8");
    expect(rows).toEqual([
      ["Customer", "Qty"],
      ["Café", 3],
    ]);
  });

  test.each(["utf-16le", "utf-16be"] as const)(
    "Excel's Unicode text (%s with a BOM, tab-delimited)",
    (enc) => {
      const text = 'Customer\tNote\tQty\r\nCafé £\t"tab\there"\t4\r\nZoë\t—\t-2\r\n';
      const le = Buffer.from(text, "utf16le");
      const body = enc === "utf-16le" ? le : Buffer.from(le).swap16();
      const path = join(dir, `${enc}.txt`);
      writeFileSync(
        path,
        Buffer.concat([Buffer.from(enc === "utf-16le" ? [0xff, 0xfe] : [0xfe, 0xff]), body])
      );
      const { rows, reader } = rowsOf(path);
      expect(reader.dialect.delimiter).toBe("\t");
      expect(reader.encoding).toBe(enc);
      expect(rows).toEqual([
        ["Customer", "Note", "Qty"],
        ["Café £", "tab\there", 4],
        ["Zoë", "—", -2],
      ]);
    }
  );

  test.each(["utf-16le", "utf-16be"] as const)(
    "%s: a character outside the BMP cut by the reader's 1 MB chunk keeps both halves (not two U+FFFD)",
    (enc) => {
      // after the 2-byte BOM the first chunk is 1,048,576 bytes = 524,288 units: put 𝔸's high
      // surrogate (U+D835) at unit 524,287 and its low one (U+DD38) at unit 524,288, the next chunk
      const head = "Customer\tQty\r\n";
      const row = "Acme Ltd\t1\r\n"; // 13 units
      const rows = Math.floor((524_287 - head.length - 20) / row.length);
      const pad = 524_287 - head.length - rows * row.length;
      const text = head + row.repeat(rows) + "x".repeat(pad) + "\u{1D538} Co\t2\r\n";
      expect(text.indexOf("\u{1D538}")).toBe(524_287);
      const le = Buffer.from(text, "utf16le");
      const path = join(dir, `${enc}-split.txt`);
      writeFileSync(
        path,
        Buffer.concat([
          Buffer.from(enc === "utf-16le" ? [0xff, 0xfe] : [0xfe, 0xff]),
          enc === "utf-16le" ? le : Buffer.from(le).swap16(),
        ])
      );
      const { rows: read } = rowsOf(path);
      expect(read).toHaveLength(rows + 2);
      expect(read[rows + 1]).toEqual(["x".repeat(pad) + "\u{1D538} Co", 2]);
    }
  );

  test("a UTF-8 file with a Windows-1252 byte past the first 64 KB is read as Windows-1252 from that row, and says so", async () => {
    const path = join(dir, "mixed.csv");
    const head = "Customer,Amount\n" + "Café,1\n".repeat(10_000);
    writeFileSync(
      path,
      Buffer.concat([
        Buffer.from(head),
        Buffer.from("Bolt,"),
        Buffer.from([0x80]),
        Buffer.from("5\n"),
      ])
    );
    const { rows, reader } = rowsOf(path);
    expect(rows[1]).toEqual(["Café", 1]);
    expect(rows[10_001]).toEqual(["Bolt", "€5"]);
    expect(reader.encoding).toBe("windows-1252");
    expect(reader.fellBackAt).toBe(10_002);
    const src = textSource(path);
    await src.tables();
    await src.read((await src.tables())[0], () => undefined);
    expect(src.describe()).toBe("UTF-8 up to row 10001, then Windows-1252, comma-delimited");
  });
});

describe("values that come back down a column", () => {
  const parse = (text: string | Buffer): Cell[][] => {
    const rows: Cell[][] = [];
    new CsvParser({ delimiter: ",", encoding: "utf-8" }).feed(
      typeof text === "string" ? Buffer.from(text) : text,
      true,
      (r) => rows.push(r)
    );
    return rows;
  };

  test("a value that comes back rows later reads the same; one that differs by a byte does not", () => {
    expect(parse("Bolt M8,A\nNut M8,B\nBolt M8,A\nBolt M9,A\n")).toEqual([
      ["Bolt M8", "A"],
      ["Nut M8", "B"],
      ["Bolt M8", "A"],
      ["Bolt M9", "A"],
    ]);
  });

  test("after the switch to Windows-1252, a value first read as UTF-8 is read as Windows-1252", () => {
    const rows = parse(
      Buffer.concat([
        Buffer.from("Café,1\nTea,2\n"),
        Buffer.from([0x80]),
        Buffer.from(",3\nCafé,4\n"),
      ])
    );
    expect(rows).toEqual([
      ["Café", 1],
      ["Tea", 2],
      ["€", 3],
      // the bytes C3 A9 as Windows-1252, as the file is read from the third row on
      ["CafÃ©", 4],
    ]);
  });

  test("after the switch to Windows-1252, a value equal to the row above's (read as UTF-8 before the switch) is read as Windows-1252, however the bytes are cut", () => {
    // Python: b"Caf\xc3\xa9".decode("utf-8") = "Café" before the 0x96 (row 3, second field),
    // b"Caf\xc3\xa9".decode("cp1252") = "CafÃ©" after it, b"Dash \x96".decode("cp1252") = "Dash –"
    const bytes = Buffer.concat([
      Buffer.from("Customer,Note\nCafé,a\nCafé,Dash "),
      Buffer.from([0x96]),
      Buffer.from("\nCafé,b\n"),
    ]);
    const expected = [
      ["Customer", "Note"],
      ["Café", "a"],
      ["Café", "Dash –"],
      ["CafÃ©", "b"],
    ];
    expect(parse(bytes)).toEqual(expected);
    for (let cut = 1; cut < bytes.length; cut++)
      expect({ cut, out: readCutAt(bytes, cut).out }).toEqual({ cut, out: expected });
  });

  test("a column of 70,000 distinct ids, then the first ones again, reads every value", () => {
    let text = "";
    for (let i = 0; i < 70_000; i++) text += `ID-${i},x\n`;
    for (let i = 0; i < 5; i++) text += `ID-${i},y\n`;
    const rows = parse(text);
    expect(rows).toHaveLength(70_005);
    expect(rows[69_999]).toEqual(["ID-69999", "x"]);
    expect(rows.slice(70_000)).toEqual([0, 1, 2, 3, 4].map((i) => [`ID-${i}`, "y"]));
  });

  test("more repeating values than a column remembers, long ones and accented ones, read as written", () => {
    // 6,000 codes over 4,096 remembered places: codes overwrite each other's places and come back.
    const codes = Array.from({ length: 6_000 }, (_, i) => `SKU-${(i * 7919) % 6_000}`);
    const long = "A description longer than thirty-two bytes and repeated";
    let text = "";
    const want: Cell[][] = [];
    for (let pass = 0; pass < 3; pass++)
      for (let i = 0; i < codes.length; i += pass + 1) {
        const name = i % 3 === 0 ? long : i % 3 === 1 ? "Größe 12" : `N${i % 50}`;
        text += `${codes[i]},${name}\n`;
        want.push([codes[i], name]);
      }
    expect(parse(text)).toEqual(want);
  });

  test("rows handed back are filled again: a shorter row keeps none of the longer row's values", () => {
    const parser = new CsvParser({ delimiter: ",", encoding: "utf-8" });
    const first: Cell[][] = [];
    parser.feed(Buffer.from("a,b,c\n1,2,3\n"), false, (r) => first.push(r));
    const copies = first.map((r) => [...r]);
    parser.recycle(first);
    const next: Cell[][] = [];
    parser.feed(Buffer.from("x\ny,,\n"), true, (r) => next.push(r));
    expect(next).toEqual([["x"], ["y", null, null]]);
    // the arrays are the same ones, written over
    expect(next.every((r) => first.includes(r))).toBe(true);
    expect(copies).toEqual([
      ["a", "b", "c"],
      [1, 2, 3],
    ]);
  });

  test("a session hands pushed rows back, never the sample's (up to 50,000 rows while ISO dates leave the date order open), and every row reaches the sink as written", async () => {
    const path = join(dir, "recycled.csv");
    let text = "Date,Invoice,Customer,SKU,Qty,Line Total\n";
    for (let i = 0; i < 60_000; i++)
      text += `2026-0${1 + (i % 9)}-1${i % 10},INV${i >> 1},C${i % 7},SKU-${i % 13},${1 + (i % 4)},${i}.25\n`;
    writeFileSync(path, text);
    const src = textSource(path);
    const handedBack = new Set<unknown>();
    const recycle = src.recycle!.bind(src);
    src.recycle = (rows) => {
      rows.forEach((r) => handedBack.add(r));
      recycle(rows);
    };
    const seen: string[] = [];
    let first: readonly (readonly Cell[])[] | undefined;
    const sink: OrderSink = {
      begin: () => undefined,
      push: (rows) => {
        first ??= rows;
        for (const r of rows) seen.push(r.join(","));
      },
      finish: () => ({}) as ReturnType<OrderSink["finish"]> as never,
    };
    await new IngestSession(src, defaultSettings(), { chunkRows: 4096 }).run(sink);
    expect(seen).toEqual(text.trim().split("\n").slice(1));
    expect(handedBack.size).toBeGreaterThan(0);
    expect(first!.some((r) => handedBack.has(r))).toBe(false);
  });

  test("values that differ from the row above's in any one byte read as written (property)", () => {
    // two letters, lengths 1–13: many values of one length and last byte that differ inside,
    // in the first four bytes, the middle ones or the last one to three
    const value = fc.stringMatching(/^[ab]{1,13}$/);
    fc.assert(
      fc.property(fc.array(fc.tuple(value, value), { minLength: 1, maxLength: 80 }), (rows) => {
        const text = rows.map((r) => r.join(",")).join("\n") + "\n";
        expect(parse(text)).toEqual(rows);
      }),
      { numRuns: 300 }
    );
  });

  test("any rows of a few repeating values read as written (property)", () => {
    const word = fc.constantFrom("Bolt", "Nut", "Bolt ", "bolt", "Wașher", "Ø12", "A", "AB", "BA");
    fc.assert(
      fc.property(
        fc.array(fc.array(word, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 60 }),
        (rows) => {
          const text = rows.map((r) => r.map((w) => `x${w}`).join(",")).join("\n") + "\n";
          expect(parse(text)).toEqual(rows.map((r) => r.map((w) => `x${w}`.trim())));
        }
      )
    );
  });
});

describe("long digit strings (ids past a double's 15 exact digits)", () => {
  test("stay text, so two ids differing in the 20th digit stay two; 15 digits still read as a number", () => {
    const rows: Cell[][] = [];
    new CsvParser({ delimiter: ",", encoding: "utf-8" }).feed(
      Buffer.from("12345678901234567890,12345678901234567891,123456789012345,-1234567890123456\n"),
      true,
      (r) => rows.push(r)
    );
    expect(rows[0]).toEqual([
      "12345678901234567890",
      "12345678901234567891",
      123456789012345,
      "-1234567890123456",
    ]);
  });

  test("an order file with two 20-digit invoice numbers of one account and day counts two orders (pandas: 2)", async () => {
    const path = join(dir, "long-ids.csv");
    writeFileSync(
      path,
      "Invoice No,Invoice Date,Customer,SKU,Qty,Line Total\n" +
        "12345678901234567890,2026-10-01,Acme,P1,1,10\n" +
        "12345678901234567891,2026-10-01,Acme,P1,1,20\n"
    );
    const { grids } = await readWorkbookFile(path);
    const engine = new KapEngine();
    await loadGrids(engine, grids, defaultSettings());
    const p = engine.analyze(defaultSettings());
    expect(p.accounts[0].health.inputs.ordersLastQuarter).toBe(2);
  });
});

describe("delimiters", () => {
  test.each([
    ["A,B,C\n1,2,3\n", ","],
    ["A;B;C\n1;2;3\n", ";"],
    ["A\tB\tC\n1\t2\t3\n", "\t"],
    ["A|B|C\n1|2|3\n", "|"],
    // decimal commas outnumber the semicolons on data lines, but only ; splits every line alike
    ["Betrag;Menge\n12,50;3,5\n1.234,50;2,25\n", ";"],
    // commas inside quotes do not count
    ['"a,b,c";d\n"x,y";2\n', ";"],
    ["sep=|\nA|B\n", "|"],
  ])("%j → %j", (text, delim) => {
    expect(sniffDelimiter(text).delimiter).toBe(delim);
  });
});

describe("quoting", () => {
  const parse = (text: string, delimiter = ",", raw = true) => {
    const out: Cell[][] = [];
    new CsvParser({ delimiter, encoding: "utf-8", raw }).feed(
      Buffer.from(text, "utf8"),
      true,
      (r) => out.push(r)
    );
    return out;
  };

  test("line breaks, delimiters and doubled quotes inside quotes; CRLF, LF and lone CR line ends", () => {
    expect(
      parse(
        'Customer,Note,Qty\r\n"Bolt, Nut & Co","He said ""hi""\r\nthen left",3\r\n"Acme","two\nlines",4\r\n'
      )
    ).toEqual([
      ["Customer", "Note", "Qty"],
      ["Bolt, Nut & Co", 'He said "hi"\r\nthen left', "3"],
      ["Acme", "two\nlines", "4"],
    ]);
    expect(parse("A,B\r1,2\r3,4")).toEqual([
      ["A", "B"],
      ["1", "2"],
      ["3", "4"],
    ]);
  });

  test("typed cells: trimmed, empty → null, plain numbers → numbers, ids and ambiguous groups stay text", () => {
    expect(parse('id,a,b,c,d,e,f\n00123, 12 ,-3.5,1.200,0.125,,"7"\n', ",", false)[1]).toEqual([
      "00123",
      12,
      -3.5,
      "1.200",
      0.125,
      null,
      7,
    ]);
  });

  test("a row cut by a chunk's end after its switch to Windows-1252 reads as it does whole: its fields before the byte that is not UTF-8 stay UTF-8", () => {
    // Customer "Café Ltd" in UTF-8 (C3 A9), then 0x96 (not UTF-8: an en dash in Windows-1252),
    // then a quoted note over two lines, which a chunk's end can cut after the switch.
    // Python: b"Caf\xc3\xa9 Ltd".decode("utf-8"), b"Dash \x96 x".decode("cp1252"); csv.reader
    // splits the rows as below.
    const bytes = Buffer.concat([
      Buffer.from("Customer,Description,Note\nCafé Ltd,Dash "),
      Buffer.from([0x96]),
      Buffer.from(' x,"two\nlines"\nTea,1,"x"\n'),
    ]);
    const expected = [
      ["Customer", "Description", "Note"],
      ["Café Ltd", "Dash – x", "two\nlines"],
      ["Tea", 1, "x"],
    ];
    for (let cut = 1; cut < bytes.length; cut++) {
      const { out, parser } = readCutAt(bytes, cut);
      expect({ cut, out }).toEqual({ cut, out: expected });
      expect({ cut, fellBackAt: parser.fellBackAt }).toEqual({ cut, fellBackAt: 2 });
    }
  });

  test("any chunking of the bytes gives the same rows (quotes, CRLF and multi-byte characters cut anywhere)", () => {
    const text =
      'Kunde;Notiz;Menge\r\n"Müller ""&"" Söhne";"zwei\r\nZeilen; mit €";3\r\nZoë;"";-1\r\n;;\r\nlast;"x";2';
    const bytes = Buffer.from(text, "utf8");
    const whole = parse(text, ";", false);
    expect(whole).toEqual([
      ["Kunde", "Notiz", "Menge"],
      ['Müller "&" Söhne', "zwei\r\nZeilen; mit €", 3],
      ["Zoë", null, -1],
      [null, null, null],
      ["last", "x", 2],
    ]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: bytes.length }), { maxLength: 8 }), (cuts) => {
        const at = [...new Set(cuts)].sort((a, b) => a - b);
        const p = new CsvParser({ delimiter: ";", encoding: "utf-8" });
        const out: Cell[][] = [];
        let from = 0;
        for (const c of [...at, bytes.length]) {
          p.feed(bytes.subarray(from, c), c === bytes.length, (r) => out.push(r));
          from = c;
        }
        expect(out).toEqual(whole);
      }),
      { numRuns: 300 }
    );
  });

  test("an unclosed quote that would swallow the lines after it stops with a message naming its row; on the last line it runs to the end", () => {
    const rowsOfText = (text: string) => {
      const out: Cell[][] = [];
      new CsvParser({ delimiter: ",", encoding: "utf-8" }).feed(Buffer.from(text), true, (r) =>
        out.push([...r])
      );
      return out;
    };
    // row 3 opens a quote; rows 4 and 5 (30 of revenue) would be one cell with it
    expect(() => rowsOfText('A,B\nx,10\n"y,10\nz,10\nw,20\n')).toThrow(
      /^row 3 opens a quote \("\) that is never closed/
    );
    // on the last line: read as before (its text to the end of the file, one cell)
    const last = rowsOfText('A,B\nx,10\n"y,10\n');
    expect(last).toHaveLength(3);
    expect(String(last[2][0]).trim()).toBe("y,10");
  });

  test("a closed row longer than 64 MB stops with the limit's message, however the file is read (128 KB or 1 MB reads, or whole); one just under it reads", () => {
    const MB = 1024 * 1024;
    // header, then one row whose quoted note (line breaks in it) is `noteBytes` long, then a last row
    const file = (noteBytes: number) =>
      Buffer.concat([
        Buffer.from('A,Note\n1,"'),
        Buffer.alloc(noteBytes, "x\n"),
        Buffer.from('"\n2,y\n'),
      ]);
    const read = (bytes: Buffer, piece: number) => {
      const p = new CsvParser({ delimiter: ",", encoding: "utf-8" });
      let rows = 0;
      for (let at = 0; at < bytes.length; at += piece)
        p.feed(bytes.subarray(at, at + piece), false, () => rows++);
      p.feed(Buffer.alloc(0), true, () => rows++);
      return rows;
    };
    // the row: "1," + quote + note + quote = noteBytes + 4 bytes
    const over = file(64 * MB + 1024);
    for (const piece of [128 * 1024, MB, over.length])
      expect(() => read(over, piece)).toThrow(/a row is longer than 64 MB \(an unclosed quote\?\)/);
    const under = file(64 * MB - 1024);
    for (const piece of [128 * 1024, MB, under.length]) expect(read(under, piece)).toBe(3);
  });

  test("a row wider than Excel's 16,384 columns stops with the limit's message; one of 16,384 fields reads, in little memory", () => {
    const rowOf = (fields: number) => Array.from({ length: fields }, (_, i) => `v${i}`).join(",");
    const read = (parser: CsvParser, text: string) => {
      const rows: Cell[][] = [];
      parser.feed(Buffer.from(text), true, (r) => rows.push([...r]));
      return rows;
    };
    const parser = () => new CsvParser({ delimiter: ",", encoding: "utf-8" });
    const used = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    const before = used();
    const p = parser();
    const wide = read(p, [rowOf(16_384), rowOf(16_384), ""].join("\n"));
    expect(wide[1]).toHaveLength(16_384);
    expect(wide[1][16_383]).toBe("v16383");
    // while the parser lives: a table of values per column, small until its column has many
    // values (at first 80 KB each: 1.3 GB for these columns)
    expect(used() - before).toBeLessThan(200 * 1024 * 1024);
    expect(p.rows).toBe(2);
    // row 2 of the file (the first is the header) has one field too many
    expect(() => read(parser(), [rowOf(3), rowOf(16_385), ""].join("\n"))).toThrow(
      "row 2 has more than 16,384 fields, Excel's column limit: check it is a table export and its delimiter"
    );
  });

  test("an unclosed quote that runs past the row limit stops with a message naming the limit", () => {
    const p = new CsvParser({ delimiter: ",", encoding: "utf-8" });
    const block = Buffer.alloc(8 * 1024 * 1024, 0x61);
    p.feed(Buffer.from('A,B\n1,"'), false, () => undefined);
    expect(() => {
      for (let i = 0; i < 10; i++) p.feed(block, false, () => undefined);
    }).toThrow(TextLimitError);
    expect(() => {
      for (let i = 0; i < 10; i++) p.feed(block, false, () => undefined);
    }).toThrow(/a row is longer than 64 MB \(an unclosed quote\?\)/);
  });
});

describe("a row longer than the reads (a multi-line note of megabytes)", () => {
  // 4 MB of note over 65,536 lines, in quotes, between ordinary rows
  const note = "pallet to gate 3, call before arrival\n".repeat(110_000);
  const text = `Date,Customer,Note,Qty\n2024-08-01,Acme,"${note}",2\n2024-08-02,Bolt Co,ok,3\n`;
  const bytes = Buffer.from(text, "latin1");

  it("is read whole, once, with the rows after it, and parsed again only as often as it doubles", () => {
    const parser = new CsvParser({ delimiter: ",", encoding: "utf-8" });
    const parse = jest.spyOn(
      CsvParser.prototype as unknown as { parse: (...a: unknown[]) => number },
      "parse"
    );
    const out: Cell[][] = [];
    const chunk = 16 * 1024;
    for (let at = 0; at < bytes.length; at += chunk)
      parser.feed(bytes.subarray(at, at + chunk), false, (r) => out.push([...r]));
    parser.feed(Buffer.alloc(0), true, (r) => out.push([...r]));
    const calls = parse.mock.calls.length;
    parse.mockRestore();
    expect(out).toEqual([
      ["Date", "Customer", "Note", "Qty"],
      ["2024-08-01", "Acme", note, 2],
      ["2024-08-02", "Bolt Co", "ok", 3],
    ]);
    // 4.18 MB in 16 KB reads is 256 reads; the note is tried again each time its carried bytes
    // double: 16 KB → 4 MB is 8 doublings (log2 256), not 256 re-parses
    const reads = Math.ceil(bytes.length / chunk);
    expect(reads).toBe(256);
    expect(calls).toBeLessThanOrEqual(2 * Math.log2(reads) + 4);
  });
});
