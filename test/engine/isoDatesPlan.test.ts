/**
 * ISO dates (2024-01-01) need no day-month order, so the order lines are planned from the first
 * 5,001 rows (engine/session PLAN_ROWS) rather than 50,000; a later row of the 50,000 that could
 * change the plan (a credit-note prefix, a number that leaves its decimal mark open, a date
 * written day and month first) makes the session plan from all of them, as before. Each file's
 * figures are worked out by hand from its rows.
 */
import { gridSource, KapEngine, loadGrids, loadSource } from "../../src/engine/engine";
import type { IngestSource } from "../../src/engine/session";
import type { Cell } from "../../src/ingest/grid";
import { defaultSettings } from "../../src/engine/settings";

jest.setTimeout(120_000);

const HEADER = ["Order Date", "Order No", "Customer", "SKU", "Qty", "Revenue"];

/** 2024-01-01 plus `i` days, as an ISO date: the year's 366 days again and again. */
const iso = (i: number) => new Date(Date.UTC(2024, 0, 1 + (i % 366))).toISOString().slice(0, 10);

/** The engine as a sink, logging the plans it is given and the rows it is given them with. */
function loggingEngine(log: string[]): KapEngine {
  const e = new KapEngine();
  const { begin, push, discard } = e;
  e.begin = (plan) => {
    log.push("begin");
    begin.call(e, plan);
  };
  e.push = (rows, first) => {
    log.push(`push ${first}+${rows.length}`);
    push.call(e, rows, first);
  };
  e.discard = () => {
    log.push("discard");
    discard.call(e);
  };
  return e;
}

test("8,000 lines of ISO dates: one plan, every row pushed once, in order", async () => {
  // one line of £10 per order, order numbers 100001–108000
  const values: (string | number)[][] = [HEADER];
  for (let i = 0; i < 8000; i++)
    values.push([iso(i), String(100_001 + i), `A${i % 7}`, "S", 1, 10]);
  const log: string[] = [];
  const report = await loadGrids(
    loggingEngine(log),
    [{ name: "Orders", values }],
    defaultSettings()
  );
  // 8,000 × £10
  expect(report.accepted).toBe(8000);
  expect(report.revenue).toBe(80_000);
  expect(report.returns).toBe(0);
  expect(log.filter((l) => l === "begin" || l === "discard")).toEqual(["begin"]);
  let next = 2;
  for (const l of log.filter((x) => x.startsWith("push"))) {
    const [first, n] = l.slice(5).split("+").map(Number);
    expect(first).toBe(next);
    next += n;
  }
  // rows 2–8,001 of the sheet (the header on row 1)
  expect(next).toBe(8002);
});

test.each([1_500, 12_000])(
  "a credit-note prefix first seen after row %i is still read as a credit note",
  async (from) => {
    // `from` lines numbered 100001…, then 2,000 invoices FA00001–FA02000, then one credit
    // note AV00001 written positive, every line £10 but the credit note's £50
    const values: (string | number)[][] = [HEADER];
    for (let i = 0; i < from; i++) values.push([iso(i), String(100_001 + i), "A", "S", 1, 10]);
    for (let i = 0; i < 2000; i++)
      values.push([iso(from + i), `FA${String(i + 1).padStart(5, "0")}`, "A", "S", 1, 10]);
    values.push([iso(from + 2000), "AV00001", "A", "S", 1, 50]);
    const report = await loadGrids(
      new KapEngine(),
      [{ name: "Orders", values }],
      defaultSettings()
    );
    // AV beside 2,000 FA ids is a credit note: (from + 2,000) × £10 − £50, one return
    expect(report.accepted).toBe(from + 2001);
    expect(report.returns).toBe(1);
    expect(report.revenue).toBe((from + 2000) * 10 - 50);
  }
);

test.each([3_000, 15_000])(
  'a "1.234" first seen on row %i still leaves the column\'s decimal mark open, and says so',
  async (at) => {
    // 20,000 lines of £10 but the one on sheet row `at`, whose revenue is the text "1.234"
    const values: (string | number)[][] = [HEADER];
    for (let i = 0; i < 20_000; i++)
      values.push([iso(i), String(100_001 + i), "A", "S", 1, i + 2 === at ? "1.234" : 10]);
    const report = await loadGrids(
      new KapEngine(),
      [{ name: "Orders", values }],
      defaultSettings()
    );
    // no cell proves a mark: read with the decimal point, 19,999 × £10 + 1.234 = 199,991.234
    expect(report.accepted).toBe(20_000);
    expect(report.revenue).toBe(199_991.23);
    expect(report.numbers.find((n) => n.field === "revenue")).toEqual({
      field: "revenue",
      header: "Revenue",
      decimal: ".",
      source: "default",
      ambiguous: 1,
      readings: { example: "1.234", thousands: 1234, decimals: 1.234 },
    });
    expect(report.warnings.join("\n")).toContain(
      'Column "Revenue": 1 value such as "1.234" could be read two ways'
    );
  }
);

/**
 * The grid read in blocks of 1,000 rows, as the CLI reads a file (its reading thread's batches
 * are 4,096 rows): the session lets go of the sample's rows past the first 5,001 once they are
 * parsed under the guess, and reads the file again from its start when a later row could change
 * the plan. Rows handed back (`recycle`) are counted, and must never be handed out again.
 */
function blockSource(values: (string | number)[][], reads: { n: number; recycled: number }) {
  const grid = gridSource([{ name: "Orders", values }]);
  const source: IngestSource = {
    tables: grid.tables,
    async read(table, onBlock) {
      reads.n++;
      const v = table.peek.values as Cell[][];
      for (let i = 0; i < v.length; i += 1000)
        await onBlock(
          v.slice(i, i + 1000).map((r) => r.slice()),
          i
        );
    },
    recycle: (rows) => {
      reads.recycled += rows.length;
      // a row handed back is the reader's to fill again: any later read of it is wrong
      for (const r of rows) r.fill("recycled");
    },
  };
  return source;
}

test("8,000 lines of ISO dates read in blocks: one plan, one reading, every row pushed once, in order", async () => {
  // one line of £10 per order, order numbers 100001–108000
  const values: (string | number)[][] = [HEADER];
  for (let i = 0; i < 8000; i++)
    values.push([iso(i), String(100_001 + i), `A${i % 7}`, "S", 1, 10]);
  const log: string[] = [];
  const reads = { n: 0, recycled: 0 };
  const report = await loadSource(
    loggingEngine(log),
    blockSource(values, reads),
    defaultSettings()
  );
  // 8,000 × £10
  expect(report.accepted).toBe(8000);
  expect(report.revenue).toBe(80_000);
  expect(log.filter((l) => l === "begin" || l === "discard")).toEqual(["begin"]);
  expect(reads.n).toBe(1);
  let next = 2;
  for (const l of log.filter((x) => x.startsWith("push"))) {
    const [first, n] = l.slice(5).split("+").map(Number);
    expect(first).toBe(next);
    next += n;
  }
  // rows 2–8,001 of the sheet (the header on row 1)
  expect(next).toBe(8002);
  // the sample's rows past its first 5,001 (data rows 5,002–8,000: 2,999) were let go once parsed
  expect(reads.recycled).toBeGreaterThanOrEqual(2999);
});

test.each([12_000, 30_000])(
  "read in blocks, a credit-note prefix first seen after row %i: the file is read again and the credit note still read as one",
  async (from) => {
    // as above: `from` lines numbered 100001…, 2,000 invoices FA00001–FA02000, one credit note
    // AV00001 written positive; every line £10 but the credit note's £50
    const values: (string | number)[][] = [HEADER];
    for (let i = 0; i < from; i++) values.push([iso(i), String(100_001 + i), "A", "S", 1, 10]);
    for (let i = 0; i < 2000; i++)
      values.push([iso(from + i), `FA${String(i + 1).padStart(5, "0")}`, "A", "S", 1, 10]);
    values.push([iso(from + 2000), "AV00001", "A", "S", 1, 50]);
    const log: string[] = [];
    const reads = { n: 0, recycled: 0 };
    const report = await loadSource(
      loggingEngine(log),
      blockSource(values, reads),
      defaultSettings()
    );
    // (from + 2,000) × £10 − £50, one return
    expect(report.accepted).toBe(from + 2001);
    expect(report.returns).toBe(1);
    expect(report.revenue).toBe((from + 2000) * 10 - 50);
    // the first FA id (data row from + 1) could change the plan after rows were let go: read again
    expect(reads.n).toBe(2);
    expect(log).toContain("discard");
  }
);

test('read in blocks, a "1.234" on row 15,000 still leaves the decimal mark open, and says so', async () => {
  // 20,000 lines of £10 but the one on sheet row 15,000, whose revenue is the text "1.234"
  const values: (string | number)[][] = [HEADER];
  for (let i = 0; i < 20_000; i++)
    values.push([iso(i), String(100_001 + i), "A", "S", 1, i + 2 === 15_000 ? "1.234" : 10]);
  const reads = { n: 0, recycled: 0 };
  const report = await loadSource(new KapEngine(), blockSource(values, reads), defaultSettings());
  // 19,999 × £10 + 1.234 = 199,991.234
  expect(report.accepted).toBe(20_000);
  expect(report.revenue).toBe(199_991.23);
  expect(report.numbers.find((n) => n.field === "revenue")?.ambiguous).toBe(1);
  expect(reads.n).toBe(2);
});
