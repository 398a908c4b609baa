/**
 * What the pane says of the reading (the lines under Data, its warnings) groups counts and
 * writes shares the workbook's culture's way, as the pane writes its own numbers beside them
 * ("1.234 rows" in de-DE); without a culture, en-GB as before (the command line's text).
 */
import { readingLines } from "../../src/engine/assumptions";
import { hiddenRowsWarning } from "../../src/engine/hiddenRows";
import { otherOrdersWarning } from "../../src/engine/otherOrders";
import type { SourceTable } from "../../src/engine/session";
import type { IngestReport } from "../../src/ingest/orders";

const NBSP = "\u00a0"; // Intl's de-DE and fr-FR space before %
const NNBSP = "\u202f"; // fr-FR groups thousands with a narrow no-break space

describe("hidden order rows: 1,200 of 1,234 hidden by a filter", () => {
  const said = (culture?: string) =>
    hiddenRowsWarning("Orders", 1234, { rows: 1200, byFilter: true }, culture);
  test("de-DE 1.200 of the 1.234; fr-FR 1 200; none: 1,200 as before", () => {
    const rest = "the results cover every row, not only the rows shown.";
    expect(said("de-DE")).toBe(
      `1.200 of the 1.234 order rows on "Orders" are hidden by a filter. KAP read all 1.234: ${rest}`
    );
    expect(said("fr-FR")).toContain(`1${NNBSP}200 of the 1${NNBSP}234 order rows`);
    expect(said()).toBe(
      `1,200 of the 1,234 order rows on "Orders" are hidden by a filter. KAP read all 1,234: ${rest}`
    );
  });
});

describe("order lines on another sheet: 1,500 rows under its header", () => {
  const sheet = (name: string, rows: number): SourceTable => ({
    peek: {
      name,
      values: [
        ["Customer", "Order Date", "SKU", "Qty", "Revenue"],
        ["A", "2026-01-05", "S1", 1, 100],
        ["B", "2026-02-05", "S1", 2, 200],
      ],
    },
    rows,
  });
  // 1,501 rows on "2025", the header one of them: 1,500 order rows
  const y2025 = sheet("2025", 1501);
  const y2026 = sheet("2026", 3);
  test("de-DE (1.500 rows); none: (1,500 rows) as before", () => {
    expect(otherOrdersWarning([y2025, y2026], y2026, "de-DE")).toContain(
      'Order lines were also found on "2025" (1.500 rows), and were not read'
    );
    expect(otherOrdersWarning([y2025, y2026], y2026)).toContain(
      'Order lines were also found on "2025" (1,500 rows), and were not read'
    );
  });
});

describe("skipped rows in the reading's lines", () => {
  // 1,234 rows with no account, 4.8% of the revenue
  const report = {
    numbers: [],
    currencies: {},
    converted: false,
    skipped: [{ rule: "no account", rows: 1234, revenue: 48, share: 0.048 }],
  } as unknown as IngestReport;
  const skipped = (culture?: string) =>
    readingLines(report, undefined, culture).find((l) => l.startsWith("Skipped:"));
  test("de-DE: 1.234 no account (4,8 % of revenue); none: 1,234 … (4.8% of revenue)", () => {
    expect(skipped("de-DE")).toBe(`Skipped: 1.234 no account (4,8${NBSP}% of revenue)`);
    expect(skipped("fr-FR")).toBe(`Skipped: 1${NNBSP}234 no account (4,8${NBSP}% of revenue)`);
    expect(skipped()).toBe("Skipped: 1,234 no account (4.8% of revenue)");
  });
});
