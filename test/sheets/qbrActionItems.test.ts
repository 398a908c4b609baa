/**
 * The QBR's action items print Owner and Due as two columns, each with its own value.
 *
 * Before: Due was blank, so the owner's name spilled over it: in the sample's Dragon Construction
 * QBR the Owner column was narrowed to its header (7 wide) and "Sam Reid" printed across Owner
 * and Due (4.5 wide). Now Due reads "to agree" until the review sets a date, and the Owner column
 * is as wide as the name.
 *
 * By hand: "Sam Reid" in Calibri 11 is S 941 + a 981 + m 1636 + space 463 + R 1112 + e 1019 +
 * i 470 + d 1076 = 7,698 units of 1/2048 em = 55.1 px at 11 pt and 96 dpi; with Excel's cell
 * padding (6 px less the column's 5) that is (55.1 + 1) / 7 = 8.0 characters of column width.
 */
import { qbrSheetAsRead } from "./qbrSheetRead";

test("Owner and Due are separate cells: 'Sam Reid' and 'to agree', none merged, Owner 8+ wide", async () => {
  const ws = await qbrSheetAsRead("qbr-planning", (q) => ({ ...q, accountManager: "Sam Reid" }));
  let header = 0;
  ws.eachRow((row, r) => {
    if (!header && row.getCell(2).value === "Owner") header = r;
  });
  expect(header).toBeGreaterThan(0);
  expect(ws.getRow(header).values).toEqual([undefined, "Action", "Owner", "Due", "Status"]);
  // every action row: the owner in B, "to agree" in C, neither merged
  let actions = 0;
  for (let r = header + 1; ws.getCell(`A${r}`).value; r++, actions++) {
    expect(ws.getCell(`B${r}`).value).toBe("Sam Reid");
    expect(ws.getCell(`C${r}`).value).toBe("to agree");
    expect(ws.getCell(`B${r}`).isMerged).toBe(false);
    expect(ws.getCell(`C${r}`).isMerged).toBe(false);
  }
  // at least "Confirm date of next QBR"
  expect(actions).toBeGreaterThanOrEqual(1);
  expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(8);
});
