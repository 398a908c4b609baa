/**
 * ISO dates (2024-01-01) need no day-month order, so the order lines are planned from the first
 * 5,001 rows (engine/session PLAN_ROWS) rather than 50,000; a later row of the 50,000 that could
 * change the plan (a credit-note prefix, a number that leaves its decimal mark open, a date
 * written day and month first) makes the session plan from all of them, as before. Each file's
 * figures are worked out by hand from its rows.
 */
import { KapEngine, loadGrids } from "../../src/engine/engine";
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
