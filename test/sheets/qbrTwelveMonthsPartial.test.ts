/**
 * A QBR whose "12 months" start before the data does (an export from 05/01/2026, reviewed for
 * FY2026 Q3: the 12 months to 30/09/2026 run from 1 Oct 2025). The sample's FY2024 Q3 QBR read
 * 'Total spend, 12 months to 30/09/2024 £5,022.70' over a monthly table of £0 from Oct 2023 to
 * Jul 2024, beside 'Partnership since 01/08/2023': the months before the export looked like
 * months without orders. Now every 12-month label says where the data starts, as a partly covered
 * quarter's does ('12 months to 30/09/2026 (data from 05/01/2026)'), and the months before the
 * data read n/a. Numbers worked by hand below.
 */
import { buildPortfolio, qbrData } from "../../src/domain/analysis";
import { qbrSheets } from "../../src/sheets/qbrWorkbook";
import { layoutOptions } from "../../src/sheets/options";
import type { SheetSpec } from "../../src/sheets/spec";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 10, 31);
const Q3 = { year: 2026, q: 3 } as const;

const sheetsOf = (firstOrder: number): SheetSpec[] => {
  const model = buildPortfolio(
    bookOf([
      // the data's first order: B's
      line("B", firstOrder, "P1", 40),
      // W: £100 on 10 Feb 2026, £200 on 15 Aug 2026 → 2 orders, £300 in the 12 months to 30/09/2026
      line("W", d(2026, 2, 10), "P1", 100),
      line("W", d(2026, 8, 15), "P1", 200),
      line("B", d(2026, 10, 31), "P1", 40),
    ]),
    { asOf }
  );
  return qbrSheets(qbrData(model, "W", Q3), layoutOptions({ asOf, currency: "GBP" }));
};
const texts = (s: SheetSpec): string[] =>
  s.blocks.flatMap((b) => b.rows.flat()).filter((v): v is string => typeof v === "string");
const page = (sheets: SheetSpec[], kind: string) => sheets.find((s) => s.kind === kind)!;

describe("data from 05/01/2026, FY2026 Q3 (12 months from 1 Oct 2025)", () => {
  const sheets = sheetsOf(d(2026, 1, 5));
  const Y = "12 months to 30/09/2026 (data from 05/01/2026)";

  test("the cover, partnership and insights label their 12-month figures with the data's start", () => {
    expect(texts(page(sheets, "qbr-cover"))).toContain(`Spend after returns, ${Y}`);
    expect(texts(page(sheets, "qbr-partnership"))).toContain(`Orders, ${Y}`);
    expect(texts(page(sheets, "qbr-insights"))).toContain(`Spend after returns, ${Y}`);
  });

  test("the e-mail: 'Over the 12 months to 30/09/2026 (data from 05/01/2026): 2 orders, £300'", () => {
    expect(texts(page(sheets, "qbr-email")).join("\n")).toContain(
      `- Over the ${Y}: 2 orders, £300 in total after returns`
    );
  });

  test("the monthly table: Oct–Dec 2025 n/a (before the data), Jan 2026 £0, Feb £100, Aug £200, total £300", () => {
    const p = page(sheets, "qbr-partnership");
    expect(texts(p)).toContain("Monthly revenue, Oct 2025 – Sep 2026 (data from 05/01/2026)");
    const table = p.blocks.find((b) => b.at === "A16")!.rows;
    expect(table.slice(1, 6)).toEqual([
      ["Oct 2025", "n/a"],
      ["Nov 2025", "n/a"],
      ["Dec 2025", "n/a"],
      ["Jan 2026", 0],
      ["Feb 2026", 100],
    ]);
    expect(table[table.length - 1]).toEqual(["Total", 300]);
  });
});

test("data from 20/10/2025, in the 12 months' first month: no label, every month a figure", () => {
  const sheets = sheetsOf(d(2025, 10, 20));
  expect(texts(page(sheets, "qbr-cover"))).toContain(
    "Spend after returns, 12 months to 30/09/2026"
  );
  const table = page(sheets, "qbr-partnership").blocks.find((b) => b.at === "A16")!.rows;
  expect(table[1]).toEqual(["Oct 2025", 0]);
});
