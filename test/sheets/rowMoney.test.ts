/**
 * A table whose rows are in different currencies: each row's money cells carry that row's
 * currency format, in the pane's ranges (renderBlock) as in the written file, also when a large
 * block is sent in slices.
 */
import { renderBlock, sliceBlock } from "../../src/excel/renderSheet";
import { layoutOptions, withRowMoney } from "../../src/sheets/options";
import { table } from "../../src/sheets/spec";

const opts = layoutOptions({ asOf: 46326 });

test("each body row's money column takes its currency's format; text and the header keep theirs", () => {
  const b = withRowMoney(
    table(
      "A1",
      "T",
      [{ header: "Account" }, { header: "Revenue 12m", format: opts.money }],
      [
        ["E1", 1751],
        ["N1", 65000],
        ["X1", 12],
      ]
    ),
    opts,
    ["EUR", "INR", ""],
    [1]
  );
  const r = renderBlock(b);
  expect(r.formats[0]).toEqual(["@", "@"]);
  expect(r.formats[1][1]).toBe("€#,##0;-€#,##0");
  expect(r.formats[2][1]).toBe("₹#,##0;-₹#,##0");
  // no currency named: the layout's own (the GBP default the summary states)
  expect(r.formats[3][1]).toBe(opts.money);
  expect(r.formats[1][0]).toBe("@");
  // sent in slices of about one row: each slice keeps its own rows' formats
  const slices = sliceBlock(b, 1);
  expect(slices.map((s) => renderBlock(s).formats.map((f) => f[1]))).toEqual([
    ["@"],
    ["€#,##0;-€#,##0"],
    ["₹#,##0;-₹#,##0"],
    [opts.money],
  ]);
});
