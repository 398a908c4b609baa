/** Sheet descriptions shared by test/excel and test/xlsx. */
import {
  FORMATS,
  PALETTE,
  date,
  formula,
  moneyFormat,
  sheet,
  table,
  textSparkline,
  title,
  type CellValue,
  type SheetSpec,
} from "../../src/sheets/spec";

/** Customer names that must stay text in every writer. */
export const HOSTILE = [
  '=HYPERLINK("http://x","y")',
  "@SUM(A1)",
  "+1",
  "-2",
  "'quoted",
  "00123",
  "=1+1",
  "-A1",
  "TRUE",
  "+44 20 7946 0958",
  "-1",
  "@x",
];

/**
 * An "Account Health" sheet with `n` accounts: title, a table (Account | Name | Revenue |
 * Last order | Score | Trend | Band) starting at A3, a KAP formula total under it.
 */
export function healthSheet(
  n: number,
  names: string[] = [],
  opts: { name?: string; subject?: string; tag?: string } = {}
): SheetSpec {
  const rows: CellValue[][] = [];
  for (let i = 0; i < n; i++) {
    const rev = 1000 + i;
    rows.push([
      `A${String(i + 1).padStart(5, "0")}`,
      names[i] ?? `Customer ${i + 1}${opts.tag ?? ""}`,
      rev,
      date(45658 + (i % 300)),
      3.25,
      textSparkline([1, 2, 3, i % 5]),
      i % 2 ? "Stable" : "At Risk",
    ]);
  }
  const last = 3 + n; // header on row 3, data rows 4..3+n
  return sheet(
    opts.name ?? "Account Health",
    "health",
    opts.subject ?? "",
    [
      title("A1", "Account Health"),
      table(
        "A3",
        "KAP Health",
        [
          { header: "Account" },
          { header: "Name" },
          { header: "Revenue 12m", format: moneyFormat("£#,##0.00") },
          { header: "Last order", format: FORMATS.date },
          { header: "Score", format: FORMATS.score },
          { header: "Trend" },
          { header: "Band" },
        ],
        rows
      ),
      {
        at: `B${last + 2}`,
        rows: [["Total", formula(`SUM(C4:C${last})`)]],
        style: "total",
        formats: [undefined, moneyFormat("£#,##0.00")],
      },
    ],
    {
      widths: [12, 28, 14, 12, 8, 14, 10],
      freeze: { rows: 3 },
      conditionalFormats: [
        {
          range: `E4:E${last}`,
          rule: {
            type: "cellValue",
            operator: "lessThan",
            values: [2],
            fill: PALETTE.bad,
            fontColor: PALETTE.badFont,
          },
        },
        { range: `C4:C${last}`, rule: { type: "dataBar", color: PALETTE.bar } },
        {
          range: `G4:G${last}`,
          rule: { type: "textContains", text: "At Risk", fill: PALETTE.neutral },
        },
      ],
      charts: [
        {
          type: "column",
          title: "Revenue by account",
          data: `B3:C${Math.min(last, 13)}`,
          from: "I3",
          to: "P18",
        },
      ],
      page: {
        orientation: "landscape",
        fitToWidth: true,
        printTitleRows: "3:3",
        margins: { top: 0.75, bottom: 0.75, left: 0.5, right: 0.5 },
      },
    }
  );
}
