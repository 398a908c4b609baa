/**
 * The pane's own numbers follow the workbook's culture (Excel's cultureInfo, on the double):
 * de-DE groups thousands with "." and writes decimals with ",", the currency after the amount
 * ("6.088 rows", "3,45", "12.345 €"); en-US "6,088 rows", "3.45", "$12,345". The cells KAP
 * writes keep Excel number formats ("#,##0"), which Excel shows in its own culture.
 * Screenshots: test-artifacts/screenshots/culture-*.png.
 */
import type { Page } from "playwright-core";
import { join } from "node:path";
import { CHROMIUM, layoutProblems, paneSuite, SHOTS } from "./harness";

const it = CHROMIUM ? test : test.skip;
jest.setTimeout(300_000);

const pane = paneSuite();

/** n with a separator every three digits from the right, written out (not by Intl): 6088 → "6.088". */
function grouped(n: number, sep: string): string {
  const d = String(n);
  let out = "";
  for (let i = 0; i < d.length; i++) {
    if (i > 0 && (d.length - i) % 3 === 0) out += sep;
    out += d[i];
  }
  return out;
}

interface Double {
  kapDouble: {
    sheet(n: string): { cells: ({ value: unknown; numberFormat?: string } | undefined)[][] };
  };
  kapSample: { accounts: { id: string }[] };
}

/** Order rows under the header on the double's Orders sheet, counted from its cells. */
const orderRows = (page: Page) =>
  page.evaluate(() => (window as unknown as Double).kapDouble.sheet("Orders").cells.length - 1);

async function analysedAndPicked(page: Page): Promise<string> {
  await page
    .getByRole("button", { name: "Change the data KAP reads" })
    .waitFor({ timeout: 120_000 });
  const id = await page.evaluate(() => (window as unknown as Double).kapSample.accounts[0].id);
  const combo = page.getByRole("combobox", { name: "Account" });
  await page.waitForFunction(
    () => !document.querySelector('input[role="combobox"]')?.hasAttribute("disabled"),
    undefined,
    { timeout: 120_000 }
  );
  await combo.click();
  await combo.fill(id);
  await page.keyboard.press("Enter");
  return id;
}

describe.each([
  // culture, group separator, score like 3,45, money like 12.345 € / $12,345
  ["de-DE", ".", /^\d,\d\d$/, /12-month revenue (\d{1,3}(\.\d{3})*)\u00a0€;/],
  ["en-US", ",", /^\d\.\d\d$/, /12-month revenue \$(\d{1,3}(,\d{3})*);/],
] as const)("a %s workbook", (culture, sep, score, revenue) => {
  it("the data line, the score and the money are written its way; the sheets' number formats are Excel's", async () => {
    const { page } = await pane.open(320, `?host=web&culture=${culture}`);
    try {
      const id = await analysedAndPicked(page);
      const card = page.getByRole("region", { name: `Account ${id} at a glance` });
      await card.waitFor();
      const rows = await orderRows(page);
      expect(rows).toBeGreaterThan(999); // a group separator to see
      await page.getByRole("button", { name: "Change the data KAP reads" }).click();
      await page
        .getByText(`(Orders!A1:L${rows + 1}): ${grouped(rows, sep)} rows`, { exact: false })
        .waitFor();
      const big = await card.getByText(score).first().textContent();
      expect(big).toMatch(score);
      const text = (await card.textContent()) ?? "";
      expect(text).toMatch(revenue);
      expect(text).toMatch(new RegExp(`Health over 12 months: ${score.source.slice(1, -1)} → `));
      await page.screenshot({ path: join(SHOTS, `culture-${culture}.png`), fullPage: true });
      await card.screenshot({ path: join(SHOTS, `culture-${culture}-glance.png`) });
      expect(await layoutProblems(page)).toEqual({ wider: [], clipped: [], lowContrast: [] });

      // the sheet's money column keeps Excel's own format: Excel shows it in the culture
      await page.getByRole("button", { name: "Done" }).click();
      const button = page.getByRole("button", { name: "Score all accounts", exact: true });
      await button.click();
      await page.getByText(/Made sheet 'KAP Account Health'/).waitFor({ timeout: 120_000 });
      const formats = await page.evaluate(() => {
        const cells = (window as unknown as Double).kapDouble.sheet("KAP Account Health").cells;
        return [...new Set(cells.flat().map((c) => c?.numberFormat ?? "General"))];
      });
      expect(formats.some((f) => f.includes("#,##0"))).toBe(true);
      expect(formats.filter((f) => /#\.##0|0,00/.test(f))).toEqual([]);

      // the settings: a half typed with the culture's decimal mark stays as typed, the arrow steps on
      const mark = sep === "." ? "," : ".";
      await page.getByRole("button", { name: "Settings" }).click();
      const cut = page.getByRole("spinbutton", { name: "High engagement from (1–5)" });
      await cut.fill(`3${mark}5`);
      await cut.press("Tab");
      await expect(cut.inputValue()).resolves.toBe(`3${mark}5`);
      await page.getByRole("button", { name: "Decrease engagement cut" }).click();
      await expect(cut.inputValue()).resolves.toBe("3"); // 3.5 − 0.5
      await cut.scrollIntoViewIfNeeded();
      await page.screenshot({
        path: join(SHOTS, `culture-${culture}-settings.png`),
        fullPage: true,
      });
      expect(await layoutProblems(page)).toEqual({ wider: [], clipped: [], lowContrast: [] });
    } finally {
      await page.close();
    }
  });
});
