/**
 * The one ingest session: the CLI's source (grids / files) and the task pane's (ranges read
 * from Excel in blocks) give the same report and the same scores on the same data, and the
 * session settles the date order from the order lines before it parses them.
 */
import { ExcelDouble } from "../excel-double/excel";
import { createExcelHost } from "../../src/engine/excelHost";
import { KapEngine, loadGrids } from "../../src/engine/engine";
import {
  type EngineClient,
  type EngineReplies,
  type EngineRequests,
  LocalEngineClient,
} from "../../src/engine/engineClient";
import { defaultSettings } from "../../src/engine/settings";
import type { IngestReport } from "../../src/ingest/orders";
import type { Grid } from "../../src/ingest/grid";
import { isoToSerial, ymdToSerial } from "../../src/domain/dates";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { textSource } from "../../src/cli/fileSource";
import { loadSource } from "../../src/engine/engine";
import { QBO_CUSTOMER_DETAIL_HEADER } from "../ingest/quickbooksReports";

/** Order lines under a title, text and serial dates, a credit note, a totals row, a blank row and a bad quantity. */
function orders(): (string | number)[][] {
  const rows: (string | number)[][] = [
    ["Sales ledger export"],
    [],
    ["Order Date", "Invoice", "Customer ID", "Customer", "SKU", "Category", "Qty", "Line Total"],
  ];
  for (let i = 0; i < 60; i++) {
    const a = `A${(i % 4) + 1}`;
    const date =
      i % 2
        ? ymdToSerial(2026, 1 + (i % 9), 1 + (i % 27))
        : `${String(1 + (i % 27)).padStart(2, "0")}/${String(1 + (i % 9)).padStart(2, "0")}/2026`;
    rows.push([
      date,
      `INV${100 + i}`,
      a,
      `${a} Ltd`,
      `S${i % 5}`,
      ["Fixings", "Tools", "Electrical"][i % 3],
      1 + (i % 4),
      10 + i,
    ]);
  }
  rows.push([ymdToSerial(2026, 9, 15), "CN1", "A1", "A1 Ltd", "S1", "Fixings", -1, -11]);
  rows.push(["", "", "Total", "", "", "", "", 9999]);
  rows.push([]);
  rows.push([ymdToSerial(2026, 9, 16), "INV999", "A2", "A2 Ltd", "S2", "Tools", "lots", 5]);
  return rows;
}

const accounts = [
  ["Account No", "Account Name", "Tier", "Industry"],
  ["A1", "A1 Ltd", "Gold", "Construction"],
  ["A2", "A2 Ltd", "Silver", "Facilities"],
  ["", "", "Gold", "x"],
];

/** An engine client that keeps the replies it passes on. */
function recording(): {
  make: () => EngineClient;
  replies: Partial<{ [K in keyof EngineReplies]: EngineReplies[K] }>;
} {
  const replies: Partial<{ [K in keyof EngineReplies]: EngineReplies[K] }> = {};
  const make = () => {
    const inner = new LocalEngineClient();
    return {
      async call<K extends keyof EngineRequests>(
        op: K,
        args: EngineRequests[K]
      ): Promise<EngineReplies[K]> {
        const r = await inner.call(op, args);
        (replies as Record<string, unknown>)[op] = r;
        return r;
      },
      dispose: () => inner.dispose(),
    };
  };
  return { make, replies };
}

describe("one ingest session for both faces", () => {
  test("the task pane (Excel blocks) and the CLI (grids) give the same report and the same scores", async () => {
    const settings = { ...defaultSettings(), asOf: "2026-10-31" };
    // The pane: the same rows in a workbook, read through the Excel double in blocks.
    const x = new ExcelDouble(["Orders", "Accounts"]);
    x.model.fill(x.sheet("Orders"), "A1", orders());
    x.model.fill(x.sheet("Accounts"), "A1", accounts);
    (globalThis as unknown as { Excel: unknown }).Excel = x.Excel;
    const rec = recording();
    const host = createExcelHost({ makeEngine: rec.make });
    const list = await host.analyze(settings, () => undefined, new AbortController().signal);
    const paneReport = rec.replies.finish as IngestReport;

    // The CLI: the same sheets as grids (the workbook's culture, en-GB, as the pane reads it).
    const engine = new KapEngine();
    const grids: Grid[] = [
      { name: "Orders", values: orders() },
      { name: "Accounts", values: accounts },
    ];
    const cliReport = await loadGrids(engine, grids, settings, { culture: "en-GB" });
    const p = engine.analyze(settings);

    expect(paneReport).toEqual(cliReport);
    // Worked by hand: 60 lines + the credit note; the totals row and the blank row skipped; "lots" rejected on sheet row 67.
    expect(cliReport.accepted).toBe(61);
    expect(cliReport.returns).toBe(1);
    expect(cliReport.skippedTotals).toBe(1);
    expect(cliReport.rejected).toEqual([{ reason: "unreadable quantity", count: 1, rows: [67] }]);
    expect(list.map((a) => [a.id, a.score, a.band]).sort()).toEqual(
      p.accounts.map((a) => [a.key, a.health.score, a.health.finalBand]).sort()
    );
    // The side table reached the engine by both paths: A1 is Gold, the row without an id is noted.
    expect(engine.side.accounts.map((a) => [a.accountId, a.tier])).toEqual([
      ["A1", "Gold"],
      ["A2", "Silver"],
    ]);
    expect(engine.side.notes).toEqual(["Accounts: 1 row skipped (no account id; row 4)."]);
    const d = await host.discover(settings);
    expect(d.summary?.warnings).toContain("Accounts: 1 row skipped (no account id; row 4).");
  });

  test("the CLI reading the same rows from a CSV file gives the pane’s report", async () => {
    const settings = { ...defaultSettings(), asOf: "2026-10-31" };
    const x = new ExcelDouble(["Orders"]);
    x.model.fill(x.sheet("Orders"), "A1", orders());
    (globalThis as unknown as { Excel: unknown }).Excel = x.Excel;
    const rec = recording();
    await createExcelHost({ makeEngine: rec.make }).analyze(
      settings,
      () => undefined,
      new AbortController().signal
    );
    const path = join(mkdtempSync(join(tmpdir(), "kap-session-")), "orders.csv");
    writeFileSync(
      path,
      orders()
        .map((r) =>
          r
            .map((v) =>
              typeof v === "string" && /[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : String(v)
            )
            .join(",")
        )
        .join("\r\n")
    );
    const engine = new KapEngine();
    const fromFile = await loadSource(engine, textSource(path), settings);
    // The same lines, counts and warnings; what each face assumed to read them differs (the pane
    // knows the workbook's culture and sheet, the file has neither), and says so.
    const { read: fileRead, numbers: fileNumbers, ...fileRest } = fromFile;
    const { read: paneRead, numbers: paneNumbers, ...paneRest } = rec.replies.finish!;
    expect(fileRest).toEqual(paneRest);
    expect(fileNumbers.map((n) => [n.field, n.decimal])).toEqual(
      paneNumbers.map((n) => [n.field, n.decimal])
    );
    expect([
      fileRead?.dateOrder,
      fileRead?.sheet,
      paneRead?.dateOrderSource,
      paneRead?.sheet,
    ]).toEqual(["dmy", "orders", "culture", "Orders"]);
    expect(fromFile.accepted).toBe(61);
  });

  test("the date order is settled from the order lines before parsing, reading on while every date is ambiguous", async () => {
    // 1,500 lines on 02/03/2025, then one on 01/13/2025: only month-first reads them all.
    const values: (string | number)[][] = [["Order Date", "Customer", "SKU", "Qty", "Revenue"]];
    for (let i = 0; i < 1500; i++) values.push(["02/03/2025", "A", "S", 1, 1]);
    values.push(["01/13/2025", "A", "S", 1, 1]);
    const report = await loadGrids(
      new KapEngine(),
      [{ name: "Orders", values }],
      defaultSettings(),
      { chunkRows: 100 }
    );
    expect(report.accepted).toBe(1501);
    expect(report.firstDate).toBe(isoToSerial("2025-01-13"));
    expect(report.lastDate).toBe(isoToSerial("2025-02-03"));
  });

  test("a culture settles the date order without looking at the data", async () => {
    const values = [
      ["Order Date", "Customer", "SKU", "Qty", "Revenue"],
      ["02/03/2025", "A", "S", 1, 1],
    ];
    const us = await loadGrids(new KapEngine(), [{ name: "Orders", values }], defaultSettings(), {
      culture: "en-US",
    });
    const gb = await loadGrids(new KapEngine(), [{ name: "Orders", values }], defaultSettings(), {
      culture: "en-GB",
    });
    expect(us.firstDate).toBe(isoToSerial("2025-02-03"));
    expect(gb.firstDate).toBe(isoToSerial("2025-03-02"));
  });

  test("a table and its sheet’s used range both match: the table is read, by the same rule for every face", async () => {
    const x = new ExcelDouble(["Orders"]);
    x.model.fill(x.sheet("Orders"), "A1", orders());
    x.model.addTable(x.sheet("Orders"), { row: 2, col: 0, rows: 62, cols: 8 }, true).name =
      "SalesTable";
    (globalThis as unknown as { Excel: unknown }).Excel = x.Excel;
    const d = await createExcelHost().discover(defaultSettings());
    expect(d.tables.find((t) => t.role === "orders")?.table).toBe("SalesTable");
  });
});

/**
 * While the sample grows past its first 1,000 rows (every date so far ambiguous, or none in
 * d/m/y form at all), the engine already parses it with what those rows settle; the whole
 * sample then confirms that reading or the engine starts again.
 */
describe("the sample is parsed while it grows", () => {
  /** A source that hands over `values` in blocks of `block` rows, logging each block's offset. */
  function blockSource(values: (string | number)[][], block: number, log: string[]) {
    return {
      tables: async () => [
        { peek: { name: "Orders", values: values.slice(0, 30) }, rows: values.length },
      ],
      async read(
        _t: unknown,
        onBlock: (rows: (string | number)[][], offset: number) => void | Promise<void>
      ) {
        for (let i = 0; i < values.length; i += block) {
          log.push(`read ${i}`);
          await onBlock(values.slice(i, i + block), i);
        }
      },
    };
  }
  /** The engine as a sink, logging what the session asks of it. */
  /** `values` loaded in blocks of `block` rows through a loggingEngine. */
  async function loadLogged(values: (string | number)[][], block: number) {
    const log: string[] = [];
    const engine = loggingEngine(log);
    const report = await loadSource(engine, blockSource(values, block, log), defaultSettings());
    return { log, engine, report };
  }

  /** The pushes a loggingEngine logged, as [first row, rows]. */
  function pushesIn(log: readonly string[]): number[][] {
    return log.filter((l) => l.startsWith("push")).map((l) => l.slice(5).split("+").map(Number));
  }

  function loggingEngine(log: string[]): KapEngine {
    const e = new KapEngine();
    const { begin, push, discard } = e;
    e.begin = (plan) => {
      log.push(`begin ${plan.dateOrder}`);
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
  const header = ["Order Date", "Customer", "SKU", "Qty", "Revenue"];

  test("ISO dates: parsing starts at row 1,000, every row once, the same lines as one read at the end", async () => {
    // 3,000 lines, one a day from 2024-01-01, £1 each: the sample reads on to 50,000 rows (no
    // d/m/y date to settle the order) and the file ends first.
    const values: (string | number)[][] = [header];
    for (let i = 0; i < 3000; i++)
      values.push([
        new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10),
        `A${i % 7}`,
        "S",
        1,
        1,
      ]);
    const { log, report } = await loadLogged(values, 500);
    expect(report.accepted).toBe(3000);
    expect(report.revenue).toBe(3000);
    expect(report.firstDate).toBe(isoToSerial("2024-01-01"));
    // 2024-01-01 + 2,999 days
    expect(report.lastDate).toBe(isoToSerial("2032-03-18"));
    expect(log.filter((l) => l.startsWith("begin"))).toEqual(["begin dmy"]);
    expect(log).not.toContain("discard");
    // Rows 2.. (the sheet's row numbers, header on row 1) each pushed once, in order.
    const pushes = pushesIn(log);
    let next = 2;
    for (const [first, n] of pushes) {
      expect(first).toBe(next);
      next += n;
    }
    expect(next).toBe(3002);
    // The first push comes before the block at row 1,500 is read, not after the last.
    const firstPush = log.findIndex((l) => l.startsWith("push"));
    expect(log[firstPush]).toBe("push 2+1499");
    expect(firstPush).toBeLessThan(log.indexOf("read 1500"));
  });

  test("a month-first date after row 1,000: the early reading is dropped and every line read again month-first", async () => {
    // 1,500 lines on 02/03/2025 (ambiguous), then one on 01/13/2025 (only month-first): read as
    // 3 February and 13 January 2025, 1,501 lines and £1,501, none counted twice.
    const values: (string | number)[][] = [header];
    for (let i = 0; i < 1500; i++) values.push(["02/03/2025", "A", "S", 1, 1]);
    values.push(["01/13/2025", "A", "S", 1, 1]);
    const { log, engine, report } = await loadLogged(values, 400);
    expect(log.filter((l) => l.startsWith("begin") || l === "discard")).toEqual([
      "begin dmy",
      "discard",
      "begin mdy",
    ]);
    expect(report.accepted).toBe(1501);
    expect(report.revenue).toBe(1501);
    expect(report.firstDate).toBe(isoToSerial("2025-01-13"));
    expect(report.lastDate).toBe(isoToSerial("2025-02-03"));
    expect(engine.book.accountIds).toEqual(["A"]);
    // as of the year's end every line is in the last 12 months: £1,501, in two orders (one per date)
    engine.analyze({ ...defaultSettings(), asOf: "2025-12-31" });
    expect(engine.portfolio!.accounts[0].revenueLast12).toBe(1501);
    expect(engine.portfolio!.accounts[0].ordersLast12).toBe(2);
  });

  test("a 5,000-column export: the sample stops at 1,000 rows and the chunks after it hold 256 rows, the cells of 20,000 rows of 64 columns", async () => {
    // 3,000 lines of £1, 100 a day from 2024-01-01 (ISO dates: the sample would read on to
    // 50,000 rows), each with 4,995 empty columns after its five. Rows of one day are one
    // array: the test holds 30 rows, whatever the session holds.
    const width = 5000;
    const wide = (cells: (string | number)[]) => [...cells, ...Array<string>(width - 5).fill("")];
    const days = Array.from({ length: 30 }, (_, d) =>
      wide([new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10), "A", "S", 1, 1])
    );
    const values: (string | number)[][] = [wide(header.map((h) => h))];
    for (let i = 0; i < 3000; i++) values.push(days[Math.floor(i / 100)]);
    const { log, report } = await loadLogged(values, 500);
    expect(report.accepted).toBe(3000);
    expect(report.revenue).toBe(3000);
    expect(report.firstDate).toBe(isoToSerial("2024-01-01"));
    expect(report.lastDate).toBe(isoToSerial("2024-01-30"));
    const pushes = pushesIn(log);
    // the sample: sheet rows 2 to 1,001, pushed once it is 1,000 rows (not held to the end)
    expect(pushes[0]).toEqual([2, 1000]);
    // then chunks of 20,000 × 64 / 5,000 = 256 rows (the last one the 208 left): 1,000 + 7 × 256 + 208 = 3,000
    expect(pushes.slice(1).map(([, n]) => n)).toEqual([256, 256, 256, 256, 256, 256, 256, 208]);
  });

  test('a QuickBooks customer detail report whose job\'s "Total for" row is past the first push: read as when the sample was pushed whole', async () => {
    // QuickBooks Online writes a job's heading in the same column as its customer: only the
    // "Total for Quay Street site" row further on (row 1,522, past the first 1,000 rows) tells
    // the job from the next customer. Dates are Excel serials, so the sample reads on.
    const day = ymdToSerial(2026, 9, 1);
    const line = (num: number, amount: number): (string | number | null)[] => [
      null,
      day,
      "Invoice",
      num,
      "Fixings:Cable ties",
      "Cable ties",
      1,
      amount,
      amount,
      amount,
    ];
    // a heading (text in column A, nine blank cells) and a totals row (its amount in column I)
    const blank = (text: string): (string | number | null)[] => [text, ...Array(9).fill(null)];
    const total = (text: string, amount: number) => {
      const row = blank(text);
      row[8] = amount;
      return row;
    };
    const values: (string | number | null)[][] = [
      ["Kestrel Supplies Ltd"],
      ["Sales by Customer Detail"],
      ["January 1 - October 31, 2026"],
      [],
      [...QBO_CUSTOMER_DETAIL_HEADER],
      blank("Northfield Builders"),
    ];
    // Northfield's own 10 lines at £10, then its job's 1,500 lines at £1
    for (let i = 0; i < 10; i++) values.push(line(1000 + i, 10));
    values.push(blank("Quay Street site"));
    for (let i = 0; i < 1500; i++) values.push(line(2000 + i, 1));
    values.push(total("Total for Quay Street site", 1500));
    values.push(total("Total for Northfield Builders", 1600));
    // Brightwell: 2 lines at £5
    values.push(blank("Brightwell Electrical Ltd"));
    values.push(line(5000, 5), line(5001, 5));
    values.push(total("Total for Brightwell Electrical Ltd", 10));
    values.push(total("TOTAL", 1610));
    const log: string[] = [];
    const engine = loggingEngine(log);
    const source = blockSource(values as (string | number)[][], 500, log);
    const report = await loadSource(engine, source, defaultSettings());
    expect(report.read?.layout).toBe("QuickBooks Online sales by customer detail");
    // 10 + 1,500 + 2 lines; £100 + £1,500 + £10 = £1,610, the report's TOTAL
    expect(report.accepted).toBe(1512);
    expect(report.revenue).toBe(1610);
    // the job rolls up to its customer: two accounts, Northfield £1,600 and Brightwell £10
    engine.analyze({ ...defaultSettings(), asOf: "2026-10-31" });
    const revenue = Object.fromEntries(
      engine.portfolio!.accounts.map((a) => [a.name, a.revenueLast12])
    );
    expect(revenue).toEqual({ "Northfield Builders": 1600, "Brightwell Electrical Ltd": 10 });
  });
});
