/**
 * Large text files are read and parsed on a worker thread (src/cli/csvWorker.ts) and their rows
 * sent back in batches (src/cli/rowWire.ts). The rows, the analysis and the messages must be the
 * same as when the main thread reads the file: `kap` is run both ways (KAP_READ_THREAD=1 / 0).
 * With the reading thread, the book's purchases are folded on a thread of their own too
 * (src/cli/foldThread.ts; KAP_FOLD_THREAD=0 folds them on the main thread).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import fc from "fast-check";
import type { Cell } from "../../src/ingest/grid";
import {
  batchBuffers,
  DICTIONARY_MAX,
  DICTIONARY_TRIAL,
  RowDecoder,
  RowEncoder,
} from "../../src/cli/rowWire";
import { WorkerRows } from "../../src/cli/fileSource";
import { CsvParser, keepSpare } from "../../src/cli/textFile";
import { XlsxFileError, XlsxReader } from "../../src/cli/xlsxReader";
import ExcelJS from "exceljs";

jest.setTimeout(120_000);

const KAP = resolve(__dirname, "../../bin/kap.js");
const dir = mkdtempSync(join(tmpdir(), "kap-thread-"));
const kap = (thread: "0" | "1", ...args: string[]) =>
  spawnSync(process.execPath, [KAP, ...args], {
    encoding: "utf8",
    timeout: 120_000,
    maxBuffer: 64 << 20,
    env: { ...process.env, KAP_READ_THREAD: thread },
  });

/**
 * `kap analyze file …args` with the file read on the worker thread and on the main thread: both
 * succeed with the same JSON, byte for byte; returns it parsed.
 */
function analyzedOnBothThreads(file: string, ...args: string[]) {
  const onWorker = kap("1", "analyze", file, "--json", "--quiet", ...args);
  const onMain = kap("0", "analyze", file, "--json", "--quiet", ...args);
  expect(onWorker.status).toBe(0);
  expect(onMain.status).toBe(0);
  expect(onWorker.stdout).toBe(onMain.stdout);
  return JSON.parse(onWorker.stdout);
}

beforeAll(() => {
  execFileSync(process.execPath, [resolve(__dirname, "../../scripts/build-cli.mjs")]);
});

/** An account's revenue in the last 12 months, from kap analyze --json. */
function revenueOf(
  o: { portfolio: { accounts: { accountId: string; revenueLast12: number }[] } },
  id: string
): number {
  return o.portfolio.accounts.find((a) => a.accountId === id)!.revenueLast12;
}

describe("rows across threads (RowEncoder → RowDecoder)", () => {
  test("any rows of text, numbers, blanks and booleans come back as they went (property)", () => {
    const cell = fc.oneof(
      fc.constantFrom("C001", "Bolt M8", "2026-10-31", "", "Größe", "INV-1"),
      fc.string({ maxLength: 6 }),
      fc.double({ noNaN: true }),
      fc.integer(),
      fc.constant(null),
      fc.boolean()
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 20 }), {
          maxLength: 5,
        }),
        (batches) => {
          const enc = new RowEncoder();
          const dec = new RowDecoder();
          for (const rows of batches) expect(dec.decode(enc.encode(rows))).toEqual(rows);
        }
      )
    );
  });

  test("a batch's buffers handed back are filled again, whatever the next batch's size (property)", () => {
    const row = fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.constant(null)), {
      maxLength: 5,
    });
    fc.assert(
      fc.property(fc.array(fc.array(row, { maxLength: 12 }), { maxLength: 6 }), (batches) => {
        const enc = new RowEncoder();
        const dec = new RowDecoder();
        let back: ArrayBuffer[] | undefined;
        for (const rows of batches) {
          if (back) enc.giveBack(back);
          const batch = enc.encode(rows);
          const bytes = batch.values.length * 8;
          // reused when it had room: the same buffer, holding only this batch's values
          if (back && back[2].byteLength >= bytes) expect(batch.values.buffer).toBe(back[2]);
          expect(dec.decode(batch)).toEqual(rows);
          back = batchBuffers(batch);
        }
      })
    );
  });

  test("past a column's dictionary, new text still arrives (sent with its batch), and old text by number", () => {
    const enc = new RowEncoder();
    const dec = new RowDecoder();
    // while the column is on trial, each new id is followed by two that came before: its texts
    // come back, so it keeps its dictionary, up to DICTIONARY_MAX of them
    const rows: Cell[][] = Array.from({ length: DICTIONARY_MAX + 10 }, (_, i) =>
      i < DICTIONARY_TRIAL
        ? [
            [`ID-${i}`, "A"],
            [`ID-${i >> 1}`, "A"],
            [`ID-${i >> 2}`, "A"],
          ]
        : [[`ID-${i}`, "A"]]
    ).flat();
    const again: Cell[][] = [
      ["ID-3", "A"],
      [`ID-${DICTIONARY_MAX + 5}`, "A"],
    ];
    expect(dec.decode(enc.encode(rows))).toEqual(rows);
    const batch = enc.encode(again);
    expect(batch.inline).toEqual([`ID-${DICTIONARY_MAX + 5}`]);
    expect(dec.decode(batch)).toEqual(again);
  });

  test("a column whose texts never come back (order ids) stops using its dictionary after DICTIONARY_TRIAL of them", () => {
    const enc = new RowEncoder();
    const dec = new RowDecoder();
    const rows: Cell[][] = Array.from({ length: DICTIONARY_TRIAL + 100 }, (_, i) => [
      `INV${i}`,
      `C${i % 7}`,
    ]);
    const batch = enc.encode(rows);
    // the first DICTIONARY_TRIAL ids are numbered as met, the other 100 sent with the batch;
    // the customers (7 of them, met again and again) keep their dictionary
    expect(batch.added.filter(([c]) => c === 0).length).toBe(DICTIONARY_TRIAL);
    expect(batch.added.filter(([c]) => c === 1).length).toBe(7);
    expect(batch.inline).toEqual(
      Array.from({ length: 100 }, (_, i) => `INV${DICTIONARY_TRIAL + i}`)
    );
    expect(dec.decode(batch)).toEqual(rows);
  });

  test("text sent with its batch goes once per run down a column: repeats of the row above come back as the same text (property)", () => {
    const cell = fc.oneof(
      fc.constantFrom("INV100001", "Granite Property Maintenance (Hull 1)", "", "x"),
      fc.integer(),
      fc.constant(null)
    );
    const unnumbered = new Int32Array(8).fill(-1);
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 10 }), { maxLength: 5 }),
        (batches) => {
          const enc = new RowEncoder();
          const dec = new RowDecoder();
          let above: Cell[] = [];
          for (const rows of batches) {
            for (const r of rows) enc.add(r, unnumbered);
            const batch = enc.take();
            // a string is sent unless the row above (in this batch or the last) had it in that column
            let expected = 0;
            for (const r of rows) {
              r.forEach((v, c) => {
                if (typeof v === "string" && above[c] !== v) expected++;
              });
              above = r;
            }
            expect(batch.inline.length).toBe(expected);
            expect(dec.decode(batch)).toEqual(rows);
          }
        }
      )
    );
  });

  test("a parser writing straight into the encoder sends the rows it would emit, however the bytes are cut (property)", () => {
    // fields as exports write them: codes, long names past the parser's table of values, numbers,
    // blanks, quoted delimiters, doubled quotes and line breaks, text after a closing quote,
    // non-ASCII and a byte that is not UTF-8 (0x96: the switch to Windows-1252)
    const field = fc.oneof(
      fc.constantFrom("C0199", "INV100001", "2024-08-01", "", " padded ", "12.50", "-3", "007"),
      fc.constantFrom("Granite Property Maintenance (Hull 1) Ltd", "Wall Plugs (100), Blue 10mm"),
      fc.constantFrom('"a,b"', '"say ""hi"""', '"two\nlines"', '"q"tail', "Größe", "<0x96>dash"),
      fc.stringMatching(/^[A-Za-z0-9 .-]{0,40}$/)
    );
    const line = fc.array(field, { minLength: 1, maxLength: 6 }).map((f) => f.join(","));
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 8 }),
        (lines, cuts) => {
          // "<0x96>" stands for that one byte (an en dash in Windows-1252, not UTF-8)
          const bytes = Buffer.concat(
            lines
              .join("\r\n")
              .split("<0x96>")
              .flatMap((part, i) => [
                ...(i ? [Buffer.from([0x96])] : []),
                Buffer.from(part, "utf8"),
              ])
          );
          const feed = (parser: CsvParser, emit: (row: Cell[]) => void) => {
            for (let at = 0, i = 0; at < bytes.length; i++) {
              const to = Math.min(bytes.length, at + cuts[i % cuts.length]);
              parser.feed(bytes.subarray(at, to), false, emit);
              at = to;
            }
            parser.feed(Buffer.alloc(0), true, emit);
          };
          const rows: Cell[][] = [];
          feed(new CsvParser({ delimiter: ",", encoding: "utf-8" }), (r) => rows.push([...r]));
          const enc = new RowEncoder();
          feed(new CsvParser({ delimiter: ",", encoding: "utf-8", wire: enc }), () => {
            throw new Error("a parser writing to an encoder emits no rows");
          });
          expect(new RowDecoder().decode(enc.take())).toEqual(rows);
        }
      ),
      { numRuns: Number(process.env.KAP_RUNS) || 100 }
    );
  });

  test("a parser told to project sends rows whose date cell looks like a whole date (1–9 or 0 and 1–9 first; three runs of digits, or five digits or more) with the kept columns only, every other row whole (property)", () => {
    const field = fc.oneof(
      fc.constantFrom("C0199", "INV100001", "2024-08-01", "", " padded ", "12.50", "-3", "007"),
      fc.constantFrom(" 2024-08-02", "Total", "Invoice Date", "45123", '"a,b"', '"say ""hi"""'),
      fc.constantFrom('"two\nlines"', '"q"tail', "Größe", "<0x96>dash"),
      fc.stringMatching(/^[A-Za-z0-9 .-]{0,12}$/)
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 1, maxLength: 7 }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.integer({ min: 1, max: 48 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 4 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 7 }), { maxLength: 5 }),
        (given, cuts, dateColumn, kept) => {
          // blank lines aside (a last one makes no row)
          const lines = given.filter((f) => f.join(",") !== "");
          const bytes = Buffer.concat(
            lines
              .map((f) => f.join(","))
              .join("\r\n")
              .split("<0x96>")
              .flatMap((part, i) => [
                ...(i ? [Buffer.from([0x96])] : []),
                Buffer.from(part, "utf8"),
              ])
          );
          const feed = (parser: CsvParser) => {
            for (let at = 0, i = 0; at < bytes.length; i++) {
              const to = Math.min(bytes.length, at + cuts[i % cuts.length]);
              parser.feed(bytes.subarray(at, to), false, () => undefined);
              at = to;
            }
            parser.feed(Buffer.alloc(0), true, () => undefined);
          };
          const whole = new RowEncoder();
          feed(new CsvParser({ delimiter: ",", encoding: "utf-8", wire: whole }));
          const rows = new RowDecoder().decode(whole.take());
          const projected = new RowEncoder();
          const parser = new CsvParser({ delimiter: ",", encoding: "utf-8", wire: projected });
          parser.project(kept, dateColumn);
          feed(parser);
          // by hand: the date field as written, unquoted, starting after spaces with a digit
          // 1–9 or 0 and one, and with three runs of digits or all digits, five or more
          // ("007", "0", "12.50", "2024" come whole: a zero date, a period, no serial)
          const expected = rows.map((row, i) => {
            const date = lines[i]?.[dateColumn];
            const t = date?.replace(/^[ \t]+|[ \t]+$/g, "");
            const digit =
              t !== undefined &&
              !t.startsWith('"') &&
              /^0?[1-9]/.test(t) &&
              ((t.match(/[0-9]+/g) ?? []).length >= 3 || /^[0-9]{5,}$/.test(t));
            return digit
              ? row.map((v, c) => (c === dateColumn || kept.includes(c) ? v : null))
              : row;
          });
          expect(rows).toHaveLength(lines.length);
          expect(new RowDecoder().decode(projected.take())).toEqual(expected);
        }
      ),
      { numRuns: Number(process.env.KAP_RUNS) || 200 }
    );
  });

  test("thousands of codes differing in one byte come back each as written, through the encoder as when emitted", () => {
    // 4,000 account codes C00001…C04000 and 4,000 names, met in a scattered order with repeats:
    // the parser's tables of values grow many times, and codes alike but for one byte (in any of
    // a word's four bytes) must stay apart; numbers and blanks between them
    const lines: string[] = [];
    const expected: Cell[][] = [];
    for (let i = 0; i < 12_000; i++) {
      const n = ((i * 7919) % 4000) + 1;
      const code = `C${String(n).padStart(5, "0")}`;
      const name = `Account ${n} Ltd`;
      const qty = i % 5 === 0 ? "" : String(i % 13);
      lines.push(`${code},${name},${qty}`);
      expected.push([code, name, qty === "" ? null : i % 13]);
    }
    const bytes = Buffer.from(lines.join("\n"), "utf8");
    const feed = (parser: CsvParser, emit: (row: Cell[]) => void) => {
      for (let at = 0; at < bytes.length; at += 4096)
        parser.feed(bytes.subarray(at, Math.min(bytes.length, at + 4096)), false, emit);
      parser.feed(Buffer.alloc(0), true, emit);
    };
    const rows: Cell[][] = [];
    feed(new CsvParser({ delimiter: ",", encoding: "utf-8" }), (r) => rows.push([...r]));
    expect(rows).toEqual(expected);
    const enc = new RowEncoder();
    feed(new CsvParser({ delimiter: ",", encoding: "utf-8", wire: enc }), () => {
      throw new Error("a parser writing to an encoder emits no rows");
    });
    const batch = enc.take();
    expect(new RowDecoder().decode(batch)).toEqual(expected);
    // each code and name sent once, then by its number
    expect(batch.added.filter(([c]) => c === 0)).toHaveLength(4000);
    expect(batch.added.filter(([c]) => c === 1)).toHaveLength(4000);
  });

  test("a workbook's rows come back with their shared strings, each sent once (property)", () => {
    // a shared-string table of 6 texts; cells name one by index, or hold other values
    const table = ["C001", "Bolt M8", "INV-1", "Größe", "", "far right"];
    const cell = fc.oneof(
      fc.integer({ min: 0, max: table.length - 1 }).map((i): [Cell, number] => [table[i], i]),
      fc.string({ maxLength: 4 }).map((t): [Cell, number] => [t, -1]),
      fc.double({ noNaN: true }).map((v): [Cell, number] => [v, -1]),
      fc.constantFrom<[Cell, number]>([null, -1], [true, -1], [false, -1])
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 12 }), { maxLength: 4 }),
        (batches) => {
          const enc = new RowEncoder();
          const dec = new RowDecoder();
          const sent = new Set<number>();
          for (const rows of batches) {
            for (const r of rows)
              enc.addShared(
                r.map(([v]) => v),
                r.map(([, id]) => id)
              );
            const batch = enc.take();
            // each shared string crosses once, in the batch that first uses it
            for (const id of batch.sharedIndex) {
              expect(sent.has(id)).toBe(false);
              sent.add(id);
            }
            expect(dec.decode(batch)).toEqual(rows.map((r) => r.map(([v]) => v)));
          }
        }
      )
    );
  });

  test("refilled row arrays keep nothing of what they held", () => {
    const enc = new RowEncoder();
    const dec = new RowDecoder();
    const spare: Cell[][] = [["old", "old", "old"]];
    expect(dec.decode(enc.encode([["new"]]), spare)).toEqual([["new"]]);
  });
});

describe("kap on the worker thread and on the main thread", () => {
  test("the same JSON, byte for byte, on a file with quotes, CRLF, blank rows and a switch to Windows-1252", () => {
    const lines = ["Date,Invoice,Customer,SKU,Description,Qty,Line Total"];
    for (let i = 0; i < 12_000; i++)
      lines.push(
        `2026-${String(1 + (i % 10)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")},INV${i >> 1},C${i % 37},SKU-${i % 53},"Bolts, ""M${i % 9}""",${1 + (i % 4)},${(i % 97) + 0.25}`
      );
    lines.splice(5000, 0, "");
    const head = Buffer.from(lines.join("\r\n") + "\r\n");
    // a Windows-1252 "€" late in the file: read as UTF-8 up to there
    const tail = Buffer.concat([
      Buffer.from("2026-10-30,INV9999,C1,SKU-1,Caf"),
      Buffer.from([0xe9]),
      Buffer.from(" ,1,5\r\n"),
    ]);
    const file = join(dir, "orders.csv");
    writeFileSync(file, Buffer.concat([head, tail]));
    const read = analyzedOnBothThreads(file).file.read as string;
    expect(read).toBe("UTF-8 up to row 12002, then Windows-1252, comma-delimited");
  });

  test("70,000 lines out of date order: their purchases folded on the fold thread give the JSON of the book folding its own", () => {
    // 10 accounts × 7,000 lines of one unit at £2.50, dated Feb–Nov 2026 in a scrambled order
    // (so the fold's entries arrive out of date order and freeze sorts them): two posts to the
    // fold thread (65,536 purchases, then 4,464), folded in 18 batches of up to 4,096
    const lines = ["Date,Invoice,Customer,SKU,Qty,Line Total"];
    for (let i = 0; i < 70_000; i++) {
      const k = (i * 7919) % 70_000;
      const month = 2 + (k % 10);
      const day = 1 + ((k >> 4) % 28);
      lines.push(
        `2026-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")},INV${k},C${i % 10},P${k % 61},1,2.50`
      );
    }
    const file = join(dir, "scrambled.csv");
    writeFileSync(file, lines.join("\n") + "\n");
    const args = ["--as-of", "2026-12-31"];
    const o = analyzedOnBothThreads(file, ...args);
    // every account: 7,000 lines × £2.50 = £17,500 in the 12 months to 31 Dec 2026
    for (let c = 0; c < 10; c++) expect(revenueOf(o, `C${c}`)).toBe(17_500);
    // the reading thread without the fold thread: the same JSON again
    const noFold = spawnSync(
      process.execPath,
      [KAP, "analyze", file, "--json", "--quiet", ...args],
      {
        encoding: "utf8",
        timeout: 120_000,
        maxBuffer: 64 << 20,
        env: { ...process.env, KAP_READ_THREAD: "1", KAP_FOLD_THREAD: "0" },
      }
    );
    expect(noFold.status).toBe(0);
    expect(JSON.parse(noFold.stdout)).toEqual(o);
  });

  test("a wide export read on the worker (its extra columns skipped) gives the JSON of the same lines without them", () => {
    // 30,000 lines with three columns KAP does not read; late in the file a repeated header, a
    // totals row labelled in an unread column, and a Windows-1252 byte in an unread column: the
    // next customer's UTF-8 "é" is read as Windows-1252 on both threads, as a whole row would be
    const wide = ["Date,Invoice,Customer,Email,SKU,Billing City,Qty,Line Total,Notes"];
    const narrow = ["Date,Invoice,Customer,SKU,Qty,Line Total"];
    for (let i = 0; i < 30_000; i++) {
      // day first, a day over 12 among the first lines: the sample settles at its first 1,000
      // rows, and the worker is told the columns from there
      const date = `${String(1 + (i % 28)).padStart(2, "0")}/${String(1 + (i % 10)).padStart(2, "0")}/2026`;
      const [inv, cust, sku, qty, total] = [
        `INV${i >> 1}`,
        `C${i % 37}`,
        `SKU-${i % 53}`,
        1 + (i % 4),
        (i % 97) + 0.25,
      ];
      wide.push(
        `${date},${inv},${cust},c${i % 37}@example.com,${sku},Leeds,${qty},${total},note ${i}`
      );
      narrow.push(`${date},${inv},${cust},${sku},${qty},${total}`);
    }
    wide.push("Date,Invoice,Customer,Email,SKU,Billing City,Qty,Line Total,Notes", ",,,,,,,,Total");
    const tail = (cols: "wide" | "narrow") =>
      Buffer.concat([
        Buffer.from(
          cols === "wide" ? "30/10/2026,INV9998,C1,x@example.com,SKU-1,Leeds,1,5,caf" : ""
        ),
        Buffer.from(cols === "wide" ? [0x96] : []),
        Buffer.from(cols === "wide" ? "\n" : ""),
        Buffer.from(
          cols === "wide"
            ? "31/10/2026,INV9999,Café Ltd,y@example.com,SKU-2,Leeds,1,7,n\n"
            : "31/10/2026,INV9999,Café Ltd,SKU-2,1,7\n"
        ),
      ]);
    const wideFile = join(dir, "wide-export.csv");
    writeFileSync(wideFile, Buffer.concat([Buffer.from(wide.join("\n") + "\n"), tail("wide")]));
    const w = analyzedOnBothThreads(wideFile, "--as-of", "2026-10-31");
    expect(w.ingest.skippedHeaders).toBe(1);
    expect(w.ingest.skippedTotals).toBe(1);
    // 30,000 lines and the two at the end
    expect(w.ingest.accepted).toBe(30_002);
    expect(w.file.read).toBe("UTF-8 up to row 30003, then Windows-1252, comma-delimited");
    const names = (w.portfolio.accounts as { name: string }[]).map((a) => a.name);
    expect(names).toContain("CafÃ© Ltd");
    // the narrow file's portfolio, but for the line of "caf–" (C1, 5.00) and the name read two ways
    const narrowFile = join(dir, "narrow-export.csv");
    writeFileSync(
      narrowFile,
      Buffer.concat([Buffer.from(narrow.join("\n") + "\n"), tail("narrow")])
    );
    const n = JSON.parse(
      kap("0", "analyze", narrowFile, "--json", "--quiet", "--as-of", "2026-10-31").stdout
    );
    expect(revenueOf(w, "C2")).toBe(revenueOf(n, "C2"));
    expect(revenueOf(w, "C1")).toBeCloseTo(revenueOf(n, "C1") + 5, 2);
  });

  test("a DATEV-like ;-export whose date is its fifth column, skipped columns left of it: the same JSON on both threads, and the narrow file's figures", () => {
    // Region, Kostenstelle and Notiz (left of Belegdatum) and Bemerkung are not read: the
    // reading thread holds a row's first four fields until its date cell says whether to skip
    // them. In those columns: quoted ';' and line breaks, doubled quotes, a row that ends before
    // the date, and near the end a Windows-1252 'ü' (0xFC) in Kostenstelle: from that row on
    // both threads read the file as Windows-1252, so the next row's UTF-8 "Müller" is "MÃ¼ller".
    const head = "Region;Kostenstelle;Notiz;Kunde;Belegdatum;Artikel;Menge;Betrag;Bemerkung";
    const wide: string[] = [head];
    const narrow: string[] = ["Kunde;Belegdatum;Artikel;Menge;Betrag"];
    let k7 = 0;
    for (let i = 0; i < 30_000; i++) {
      // day first, a day over 12 in the first lines: the sample settles at its first 1,000 rows
      const date = `${String(1 + (i % 28)).padStart(2, "0")}.${String(1 + (i % 10)).padStart(2, "0")}.2026`;
      const kunde = `Kunde ${i % 41}`;
      const betrag = `${i % 97},25`;
      if (i % 41 === 7) k7 += (i % 97) + 0.25;
      const notiz =
        i % 13 === 0 ? '"Lieferung; Tor 2\r\nbitte ""klingeln"""' : i % 7 === 0 ? "Größe" : "";
      wide.push(`R${i % 5};KST ${i % 9};${notiz};${kunde};${date};A-${i % 61};1;${betrag};b ${i}`);
      narrow.push(`${kunde};${date};A-${i % 61};1;${betrag}`);
      if (i % 4_999 === 4_998) wide.push(`R1;KST 1;"nur; eine Notiz"`);
    }
    wide.push(head, "Summe;;;;;;;999,00;");
    const tail = (cols: "wide" | "narrow") =>
      cols === "wide"
        ? Buffer.concat([
            Buffer.from("R1;KST M"),
            Buffer.from([0xfc]),
            Buffer.from("ller;;Kunde 1;30.10.2026;A-1;1;5,00;b\r\n"),
            Buffer.from("R1;KST 1;;Müller GmbH;31.10.2026;A-2;1;7,00;b\r\n"),
          ])
        : Buffer.from("Müller GmbH;31.10.2026;A-2;1;7,00\r\n");
    const wideFile = join(dir, "datev-export.csv");
    writeFileSync(wideFile, Buffer.concat([Buffer.from(wide.join("\r\n") + "\r\n"), tail("wide")]));
    const w = analyzedOnBothThreads(wideFile, "--as-of", "2026-10-31");
    expect(w.ingest.skippedHeaders).toBe(1);
    expect(w.ingest.skippedTotals).toBe(1);
    // 30,000 lines and the two at the end; the 6 rows that end in Notiz have no date
    expect(w.ingest.accepted).toBe(30_002);
    // header, 30,000 lines, 6 short rows, header, Summe: 30,009 rows of UTF-8, the 0xFC on the next
    expect(w.file.read).toBe("UTF-8 up to row 30009, then Windows-1252, semicolon-delimited");
    const names = (w.portfolio.accounts as { name: string }[]).map((a) => a.name);
    expect(names).toContain("MÃ¼ller GmbH");
    const narrowDir = mkdtempSync(join(tmpdir(), "kap-narrow-"));
    const narrowFile = join(narrowDir, "datev-export.csv");
    writeFileSync(
      narrowFile,
      Buffer.concat([Buffer.from(narrow.join("\r\n") + "\r\n"), tail("narrow")])
    );
    const n = JSON.parse(
      kap("0", "analyze", narrowFile, "--json", "--quiet", "--as-of", "2026-10-31").stdout
    );
    // Kunde 7's lines, summed here from the rows written: the same read from either file
    expect(revenueOf(w, "Kunde 7")).toBeCloseTo(k7, 2);
    expect(revenueOf(n, "Kunde 7")).toBeCloseTo(k7, 2);
    // the narrow file lacks the line in the row of the 0xFC (Kunde 1, 5,00)
    expect(revenueOf(w, "Kunde 1")).toBeCloseTo(revenueOf(n, "Kunde 1") + 5, 2);
  });

  test("a totals row with a zero date (SAP's 00.00.0000, a database's 0000-00-00, 0) or a period (01/2026, 1. Quartal 2026, 2026-01) and its label in an unread column is a totals row on the worker too", () => {
    // 80,000 lines: past the sample and the batches the worker reads ahead. Before, a date cell starting with any digit sent the row without its unread columns: the
    // worker lost the label "Summe" and reported the row as a line with no customer (its
    // 999,00 as revenue skipped), where the main thread skipped it as a totals row.
    const lines = ["Region;Kunde;Belegdatum;Artikel;Menge;Betrag;Bemerkung"];
    for (let i = 0; i < 80_000; i++) {
      const date = `${String(1 + (i % 28)).padStart(2, "0")}.${String(1 + (i % 10)).padStart(2, "0")}.2026`;
      lines.push(`R${i % 5};Kunde ${i % 41};${date};A-${i % 61};1;${i % 97},25;b ${i}`);
    }
    lines.push(
      "Summe;;00.00.0000;;;999,00;",
      "Gesamtsumme;;0000-00-00;;;1.999,00;",
      "Total;;0;;;2.999,00;",
      "Summe;;01/2026;;;3.999,00;",
      "Total;;1. Quartal 2026;;;4.999,00;",
      "Summe;;2026-01;;;5.999,00;"
    );
    const file = join(dir, "sap-zero-dates.csv");
    writeFileSync(file, lines.join("\n") + "\n");
    const w = analyzedOnBothThreads(file, "--as-of", "2026-10-31");
    expect(w.ingest.accepted).toBe(80_000);
    expect(w.ingest.skippedTotals).toBe(6);
    expect(w.ingest.rejected).toEqual([]);
  });

  test("an ISO-dated file whose credit-note prefix first shows past the rows let go is read again from its start: the same JSON on both threads, the credit note read as one", () => {
    // 30,000 lines with numeric order ids, then 2,000 invoices FA00001–FA02000, then the credit
    // note AV00001 written positive: the FA ids (from row 30,002) could change the plan made on
    // the first 5,001 rows, after the sample's rows past those were parsed and let go, so the
    // session reads the file again (on the worker: a second reading thread) holding them all.
    // Every line £10 but the credit note's £50, one customer.
    const lines = ["Order Date,Order No,Customer,SKU,Qty,Revenue"];
    const iso = (i: number) =>
      new Date(Date.UTC(2024, 0, 1 + (i % 366))).toISOString().slice(0, 10);
    for (let i = 0; i < 30_000; i++) lines.push(`${iso(i)},${100_001 + i},A,S,1,10`);
    for (let i = 0; i < 2000; i++)
      lines.push(`${iso(30_000 + i)},FA${String(i + 1).padStart(5, "0")},A,S,1,10`);
    lines.push(`${iso(32_000)},AV00001,A,S,1,50`);
    const file = join(dir, "iso-credit-late.csv");
    writeFileSync(file, lines.join("\n") + "\n");
    const w = analyzedOnBothThreads(file, "--as-of", "2025-12-31");
    // 32,000 × £10 − £50 = £319,950, one return
    expect(w.ingest.accepted).toBe(32_001);
    expect(w.ingest.returns).toBe(1);
    expect(w.ingest.revenue).toBe(319_950);
  });

  test("a switch to Windows-1252 in a row that the reading thread's first 128 KB read cuts: the row's UTF-8 customer reads the same on both threads", () => {
    // Customer "Café Ltd" in UTF-8, then 0x96 (an en dash in Windows-1252, not UTF-8), then a
    // quoted note over two lines that runs across byte 131,072 (where the reading thread's first
    // read ends; the main thread reads 1 MB at once). Python: b"Caf\xc3\xa9 Ltd".decode("utf-8").
    const line = (i: number, customer = `C${i % 37}`, desc = `Bolts M${i % 9}`, note = "n") =>
      Buffer.from(
        `2026-0${1 + (i % 9)}-1${i % 9},INV${i >> 1},${customer},SKU-${i % 53},${desc},${1 + (i % 4)},${(i % 97) + 0.25},${note}\r\n`
      );
    const parts = [Buffer.from("Date,Invoice,Customer,SKU,Description,Qty,Line Total,Notes\r\n")];
    let size = parts[0].length;
    let i = 0;
    for (; size + 300 < 131_072; i++) {
      parts.push(line(i));
      size += parts[i + 1].length;
    }
    const row = Buffer.concat([
      Buffer.from(`2026-10-01,INV${i >> 1},Café Ltd,SKU-1,Dash `),
      Buffer.from([0x96]),
      Buffer.from(` x,2,10.50,"first line\r\n${"x".repeat(400)}"\r\n`),
    ]);
    // the note's opening quote is before byte 131,072, its closing quote after
    expect(size + row.indexOf('"') < 131_072 && size + row.length > 131_072 + 100).toBe(true);
    parts.push(row);
    for (let j = i + 1; j < i + 2000; j++) parts.push(line(j));
    const file = join(dir, "switch-in-cut-row.csv");
    writeFileSync(file, Buffer.concat(parts));
    const names = (
      analyzedOnBothThreads(file, "--as-of", "2026-10-31").portfolio.accounts as { name: string }[]
    ).map((a) => a.name);
    expect(names).toContain("Café Ltd");
    expect(names).not.toContain("CafÃ© Ltd");
  });

  test("an .xlsx sheet read on the worker: the rows the reader gives on this thread, gaps, rich text, formulas, booleans and errors included", async () => {
    const path = join(dir, "thread.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Notes").getCell("A1").value = "not this sheet";
    const ws = wb.addWorksheet("Sales");
    ws.getCell("A1").value = "Sales ledger & <co>";
    ws.getRow(3).values = ["Customer ID", "Customer", "Order Date", "SKU", "Qty", "Paid"];
    for (let i = 0; i < 3000; i++)
      ws.getRow(4 + i).values = [
        `A${i % 40}`,
        i % 7 === 0 ? { richText: [{ text: "Acme " }, { text: "Ltd" }] } : `Customer ${i % 40}`,
        new Date(Date.UTC(2025, 0, 1 + (i % 300))),
        `SKU-${i % 90}`,
        i % 11 === 0
          ? { formula: "1/0", result: { error: "#DIV/0!" } }
          : { formula: "2*3", result: 6 },
        i % 2 === 0,
      ];
    ws.getCell("J10").value = "far right";
    await wb.xlsx.writeFile(path);

    const expected: Cell[][] = [];
    const reader = await XlsxReader.open(path);
    await reader.readSheet(1, (row) => expected.push(row) > 0);
    reader.close();
    const got: Cell[][] = [];
    const rows = new WorkerRows(resolve(__dirname, "../../dist/cli/csvWorker.js"), {
      kind: "xlsx",
      path,
    });
    rows.start();
    await rows.read((block) => {
      for (const r of block) got.push([...r]);
    }, 1);
    expect(got.length).toBe(3003);
    // 2025-01-01 is Excel serial 45658; 2 × 3 = 6; the error as its text, as range.values gives it
    expect(got[3]).toEqual(["A0", "Acme Ltd", 45658, "SKU-0", "#DIV/0!", true]);
    expect(got[4]).toEqual(["A1", "Customer 1", 45659, "SKU-1", 6, false]);
    expect(got).toEqual(expected);
  });

  test("an .xlsx the worker cannot open rejects with the reader's own sentence", async () => {
    const fake = join(dir, "fake.xlsx");
    writeFileSync(fake, "just text");
    const rows = new WorkerRows(resolve(__dirname, "../../dist/cli/csvWorker.js"), {
      kind: "xlsx",
      path: fake,
    });
    const error = await rows.read(() => undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XlsxFileError);
    expect((error as Error).message).toBe(
      "fake.xlsx is not an Excel workbook (.xlsx): it may be damaged or have the wrong extension."
    );
  });

  test("the same JSON, byte for byte, on the sample workbook read on the worker and on this thread", () => {
    const sample = resolve(__dirname, "../../assets/sample-workbook.xlsx");
    const a = kap("0", "analyze", sample, "--json", "--as-of", "2026-10-31");
    const b = kap("1", "analyze", sample, "--json", "--as-of", "2026-10-31");
    expect(a.status).toBe(0);
    expect(b.stdout).toBe(a.stdout);
  });

  /** A CSV of `n` lines of one date, 50 customers and revenue 0, 1, … n − 1. */
  const revenueFile = (name: string, n: number) => {
    const file = join(dir, name);
    let text = "Date,Customer,Revenue\n";
    for (let i = 0; i < n; i++) text += `2026-10-01,C${i % 50},${i}\n`;
    writeFileSync(file, text);
    return file;
  };
  /** The reading thread over a UTF-8, comma-delimited file. */
  const workerOver = (file: string) =>
    new WorkerRows(resolve(__dirname, "../../dist/cli/csvWorker.js"), {
      kind: "text",
      path: file,
      dialect: { encoding: "utf-8", bom: 0, delimiter: ",", skip: 0 },
    });

  test("a consumer that stops at the first block stops the worker, which was waiting for room", async () => {
    const rows = workerOver(revenueFile("many.csv", 60_000));
    let blocks = 0;
    await expect(
      rows.read(async () => {
        blocks++;
        // let the worker fill its batches ahead and wait for room
        await new Promise((r) => setTimeout(r, 200));
        throw new Error("stop here");
      })
    ).rejects.toThrow("stop here");
    expect(blocks).toBe(1);
  });

  test("started before it is read (while the columns are detected), the worker hands over every row once, in order", async () => {
    const rows = workerOver(revenueFile("early.csv", 30_000));
    rows.start();
    // the worker reads ahead and waits for room meanwhile
    await new Promise((r) => setTimeout(r, 200));
    rows.start();
    const revenue: unknown[] = [];
    await rows.read((block) => {
      for (const r of block) revenue.push(r[2]);
    });
    // the header, then 0, 1, … 29,999
    expect(revenue.length).toBe(30_001);
    expect(revenue[0]).toBe("Revenue");
    expect(revenue.slice(1).every((v, i) => v === i)).toBe(true);
  });

  test("told the columns it reads, the worker sends later rows dated with a digit with those columns only; rows with other dates come whole", async () => {
    const file = join(dir, "project.csv");
    let text = "Date,Customer,Email,Revenue,Notes\n";
    for (let i = 0; i < 30_000; i++)
      text +=
        i === 25_000
          ? "Date,Customer,Email,Revenue,Notes\n"
          : i === 25_001
            ? ",,,,Total\n"
            : `2026-10-01,C${i % 50},c${i % 50}@example.com,${i},note ${i}\n`;
    writeFileSync(file, text);
    const rows = workerOver(file);
    const seen: Cell[][] = [];
    let told = false;
    await rows.read((block) => {
      for (const r of block) seen.push([...r]);
      if (!told) rows.project([0, 1, 3], 0);
      told = true;
    });
    expect(seen.length).toBe(30_001);
    // the first rows came whole; later ones (after the batches already read ahead) without Email and Notes
    expect(seen[1]).toEqual(["2026-10-01", "C0", "c0@example.com", 0, "note 0"]);
    expect(seen[29_000]).toEqual(["2026-10-01", "C49", null, 28_999, null]);
    // a repeated header and a totals row (no date) come whole
    expect(seen[25_001]).toEqual(["Date", "Customer", "Email", "Revenue", "Notes"]);
    expect(seen[25_002]).toEqual([null, null, null, null, "Total"]);
    // every row's kept columns as written
    expect(
      seen.filter((r) => r[0] === "2026-10-01").every((r) => r[1] === `C${(r[3] as number) % 50}`)
    ).toBe(true);
  });

  test("a 16,000-column file comes in batches of a few dozen rows, not 1,024 and more: every row once, in order", async () => {
    // 600 rows of 16,000 fields (about 16 KB each): a batch is cut at 1,024 × 64 cells (4 rows)
    // or more, to the end of the read that passed it (128 KB reads: 8 rows; then 1 MB: 64)
    const file = join(dir, "wide.csv");
    const rest = ",".repeat(16_000 - 3);
    let text = `Date,Customer,Revenue${rest}\n`;
    for (let i = 0; i < 600; i++) text += `2026-10-01,C${i % 50},${i}${rest}\n`;
    writeFileSync(file, text);
    const revenue: unknown[] = [];
    let most = 0;
    await workerOver(file).read((block) => {
      most = Math.max(most, block.length);
      for (const r of block) revenue.push(r[2]);
    });
    expect(revenue.length).toBe(601);
    expect(revenue.slice(1).every((v, i) => v === i)).toBe(true);
    expect(most).toBeLessThanOrEqual(128);
  });

  test("spare row arrays are kept up to 16,384 rows, or as many cells as 16,384 rows of 64 columns", () => {
    const narrow: Cell[][] = Array.from({ length: 20_000 }, () => new Array<Cell>(12).fill(null));
    const pool: Cell[][] = [];
    keepSpare(pool, narrow);
    expect(pool.length).toBe(16_384);
    // 16,384 × 64 / 16,000 = 65.5: 65 rows of Excel's width
    const wide: Cell[][] = Array.from({ length: 100 }, () => new Array<Cell>(16_000).fill(null));
    const widePool: Cell[][] = [];
    keepSpare(widePool, wide);
    expect(widePool.length).toBe(65);
  });

  test("a file the worker cannot read rejects with its error, and the worker is stopped", async () => {
    const rows = workerOver(join(dir, "gone.csv"));
    await expect(rows.read(() => undefined)).rejects.toThrow(/ENOENT/);
  });
});
