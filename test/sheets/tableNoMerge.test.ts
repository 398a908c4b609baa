/**
 * Text in an Excel table never spills or merges into the next cell: Excel does not allow merged
 * cells in a table (opening the file asks to repair it, and the repair drops the table), and a
 * table is sorted and filtered row by row. An account name longer than its column wraps in its own
 * column, which is made wide enough (up to its cap), as when the cell beside it holds something.
 * Before: a portfolio with no sites (the "Rolled into" column empty on every row) had its Account
 * column narrowed to the header's width (8.25) and each long name merged over "Rolled into"
 * (B8:C8 …) inside the Account Health table.
 */
import { finishForPrint } from "../../src/sheets/print";
import { sheet } from "../../src/sheets/spec";

const o = { paper: "A4" as const, asOfText: "As of 31/10/2026" };

test("a long name beside an empty column of a table stays in its cell; the column fits it", () => {
  const spec = sheet(
    "KAP Account Health",
    "health",
    "",
    [
      {
        at: "A1",
        rows: [
          ["Account ID", "Account", "Rolled into", "Tier"],
          ["N065", "Granite Electrical N065", null, "Gold"],
          ["N084", "Falcon Builders N084", null, "Bronze"],
        ],
        header: true,
        table: { name: "Health" },
      },
    ],
    { widths: [11, 28, 11, 9] }
  );
  const out = finishForPrint(spec, o);
  expect(out.merges ?? []).toEqual([]);
  // "Granite Electrical N065" is about 22 characters of Calibri 11: more than the 8.25 the
  // header alone needs, within the cap of 28
  expect(out.widths![1]).toBeGreaterThan(20);
  expect(out.widths![1]).toBeLessThanOrEqual(28);
});

test("outside a table, a long note still spills over the empty cells beside it", () => {
  const note = "Scores use the order lines and the accounts table, as of 31/10/2026.";
  const spec = sheet(
    "S",
    "t",
    "",
    [
      { at: "A1", rows: [[note]] },
      {
        at: "A3",
        rows: [
          ["Factor", "Source", "Score"],
          ["Recency", "order lines", 5],
        ],
        header: true,
      },
    ],
    { widths: [12, 14, 8] }
  );
  const out = finishForPrint(spec, o);
  // the note is not what sizes column A: it spills to B and C
  expect(out.widths![0]).toBeLessThan(20);
});

test("a message in an empty table spills over the table's empty cells, and wraps in its cell when it still does not fit — never merged", () => {
  const message =
    "P(alive) cannot show lost accounts here: the fit finds almost no dropping out (see the note on the Account Health sheet). The alerts and win-back stages show who has stopped ordering.";
  const spec = sheet(
    "KAP Dashboard",
    "dashboard",
    "",
    [
      {
        at: "A1",
        rows: [
          ["Account ID", "Account", "Revenue 24m", "P(alive)"],
          [null, message, null, null],
        ],
        header: true,
        table: { name: "SilentChurn" },
      },
      { at: "A4", rows: [["Short note", null, null, "x"]] },
      {
        at: "A6",
        rows: [
          ["Account ID", "Account", "CLV"],
          [null, "No account yet.", null],
        ],
        header: true,
        table: { name: "Other" },
      },
    ],
    { widths: [12, 30, 12, 10] }
  );
  const out = finishForPrint(spec, o);
  expect(out.merges ?? []).toEqual([]);
  const wrapped = (a1: string) =>
    (out.styles ?? []).some((x) => x.range === a1 && (x.style as { wrap?: boolean }).wrap);
  expect(wrapped("B2")).toBe(true);
  // "No account yet." fits its cell: nothing to do
  expect(wrapped("B7")).toBe(false);
});
