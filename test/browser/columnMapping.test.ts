/**
 * The column mapping in the built pane (headless Chromium, the Excel double's sample workbook:
 * order lines with Qty, Unit Price and Line Total). Line revenue is worked out from quantity ×
 * unit price when both are mapped, so the mapping shows it optional and says why; without a unit
 * price it is required again. Screenshots: test-artifacts/screenshots/mapping-*.png.
 */
import type { Page } from "playwright-core";
import { join } from "node:path";
import { CHROMIUM, coveredLabels, layoutProblems, paneSuite, SHOTS } from "./harness";

const it = CHROMIUM ? test : test.skip;
jest.setTimeout(300_000);

const pane = paneSuite();

/** The Columns expander of the order lines, opened from the folded data line. */
async function openOrderColumns(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Change the data KAP reads" }).click({ timeout: 120_000 });
  await page.getByRole("button", { name: "Columns: Order lines" }).click();
}

/** The label Fluent draws above a dropdown, with its required asterisk (a ::after) when required. */
const labelOf = (page: Page, text: string) =>
  page.locator("label", { hasText: new RegExp(`^${text}$`) }).first();

const asterisk = (page: Page, text: string) =>
  labelOf(page, text).evaluate((el) => getComputedStyle(el, "::after").content);

describe("line revenue in the order lines' columns", () => {
  it("is optional, worked out from quantity × unit price; without a unit price it is required again", async () => {
    const { page } = await pane.open(320, "?host=web");
    try {
      await openOrderColumns(page);
      const optional = page.getByRole("combobox", {
        name: "Order lines: Line revenue (optional: worked out from quantity × unit price)",
        exact: true,
      });
      await optional.waitFor();
      await expect(
        page.getByText("Optional: worked out from quantity × unit price.").count()
      ).resolves.toBe(1);
      // no asterisk on "Line revenue"; "Order date" keeps its own
      await expect(asterisk(page, "Line revenue")).resolves.toBe("none");
      await expect(asterisk(page, "Order date")).resolves.toMatch(/\*/);
      await optional.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, "mapping-revenue-optional.png"), fullPage: true });
      expect(await layoutProblems(page)).toEqual({ wider: [], clipped: [], lowContrast: [] });
      expect(await coveredLabels(page)).toEqual([]);

      // Unit price not mapped: revenue can no longer be worked out
      await page.getByRole("combobox", { name: "Order lines: Unit price", exact: true }).click();
      await page.getByRole("option", { name: "(not mapped)", exact: true }).click();
      const required = page.getByRole("combobox", {
        name: "Order lines: Line revenue (required)",
        exact: true,
      });
      await required.waitFor({ timeout: 120_000 });
      // read and analysed again with the new columns: the mapping is enabled once more
      await page.waitForFunction(
        () =>
          document
            .querySelector('[aria-label="Order lines: Line revenue (required)"]')
            ?.getAttribute("aria-disabled") !== "true",
        undefined,
        { timeout: 120_000 }
      );
      await expect(page.getByText(/^Optional: worked out/).count()).resolves.toBe(0);
      await expect(asterisk(page, "Line revenue")).resolves.toMatch(/\*/);
      await required.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, "mapping-revenue-required.png"), fullPage: true });
    } finally {
      await page.close();
    }
  });
});
