/**
 * The objection-handling table's responses wrap under their header rather than spill past the
 * table's edge. Before, in the demo QBR's agenda, "That's great to hear. Many of our best
 * customers said the same before trying us. Would a small trial be worth exploring?" ran about
 * 140 px past the header bar over the empty columns to its right, five rows of it.
 *
 * The table is on the QBR's internal preparation sheet (objection scripts are not for the
 * customer). By hand: its Response column (B) is at most 48 characters wide; that response is 104
 * characters, so it cannot fit on one line and needs more: its row is at least two lines of
 * Calibri 11 (15 pt each), 30 pt.
 */
import { qbrSheetAsRead } from "./qbrSheetRead";

test("each response wraps in its own cell (B), the cells to its right left empty, the long one on 2+ lines", async () => {
  const ws = await qbrSheetAsRead("qbr-prep");
  let header = 0;
  ws.eachRow((row, r) => {
    if (row.getCell(1).value === "Objection" && row.getCell(2).value === "Response") header = r;
  });
  expect(header).toBeGreaterThan(0);
  const rows: number[] = [];
  for (let r = header + 1; ws.getCell(`A${r}`).value; r++) rows.push(r);
  expect(rows).toHaveLength(5);
  for (const r of rows) {
    expect(ws.getCell(`B${r}`).alignment?.wrapText).toBe(true);
    expect(ws.getCell(`B${r}`).isMerged).toBe(false);
    expect(ws.getCell(`C${r}`).value ?? null).toBeNull();
  }
  const trial = rows.find((r) => String(ws.getCell(`B${r}`).value).includes("small trial"))!;
  expect(ws.getRow(trial).height).toBeGreaterThanOrEqual(30);
});
