/**
 * GSTR-1's section sheets in the built pane (headless Chromium, officeDouble.entry.ts `data=gstr1`:
 * b2b,sez,de, cdnr, b2ba and cdnra as the GST offline tool writes them): the order lines are the
 * four sheets read as one table, the note says so, no sheet is named "not read", and at 320 px
 * nothing is cut off. Figures as test/engine/gstr1SectionsPane.test.ts (by hand): 4 + 1 + 1 + 1 = 7
 * rows. Screenshots: test-artifacts/screenshots/gstr1-*.png.
 */
import { CHROMIUM, layoutProblems, paneSuite, shot } from "./harness";

const it = CHROMIUM ? test : test.skip;
jest.setTimeout(300_000);

const pane = paneSuite();

describe("GSTR-1's section sheets in the pane", () => {
  it("are read as one table, the sheets named, nothing cut off at 320 px", async () => {
    const { page } = await pane.open(320, "?host=web&data=gstr1");
    try {
      await page
        .getByText(/GSTR-1's sections on 4 sheets are read as one table/)
        .first()
        .waitFor({ timeout: 120_000 });
      await shot(page, "gstr1-01-folded");
      await page.getByRole("button", { name: "Change the data KAP reads" }).click();
      // the order lines' card: the lead sheet, the others named, 7 data rows
      await page
        .getByText(/Sheet b2b,sez,de \(.*\+ "cdnr", "b2ba", "cdnra"\): 7 rows/)
        .first()
        .waitFor({ timeout: 30_000 });
      await shot(page, "gstr1-02-data");
      // no "Order lines were also found on … and were not read"
      expect(await page.getByText(/were not read/).count()).toBe(0);
      const p = await layoutProblems(page);
      expect(p.wider).toEqual([]);
      expect(p.clipped).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
