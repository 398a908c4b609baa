/**
 * Cancel while an action runs, in the built pane against a slow Excel (the double's syncDelayMs:
 * every round trip takes 1.5 s, so the action is still running when Cancel is pressed). What a
 * user checks: the pane says the action was cancelled, the workbook holds nothing half-written
 * (no KAP sheet, none of the temporary "~KAP …" sheets a write starts with) — or the pane says
 * what was made — and the action's button works again.
 * Screenshots: test-artifacts/screenshots/cancel-*.png.
 */
import type { Page } from "playwright-core";
import { join } from "node:path";
import { CHROMIUM, paneSuite, SHOTS } from "./harness";

const it = CHROMIUM ? test : test.skip;
jest.setTimeout(300_000);

const pane = paneSuite();

interface Double {
  kapDouble: {
    syncDelayMs?: number;
    sheetNames(): string[];
    stats: { syncs: number; requestBytes: number[] };
  };
}

const slowExcel = (page: Page, ms: number) =>
  page.evaluate((ms) => void ((window as unknown as Double).kapDouble.syncDelayMs = ms), ms);
const sheets = (page: Page) =>
  page.evaluate(() => (window as unknown as Double).kapDouble.sheetNames());
const syncs = (page: Page) =>
  page.evaluate(() => (window as unknown as Double).kapDouble.stats.syncs);

async function analysed(page: Page): Promise<void> {
  await page
    .getByRole("button", { name: "Change the data KAP reads" })
    .waitFor({ timeout: 120_000 });
  await page.waitForFunction(
    () => !document.querySelector('input[role="combobox"]')?.hasAttribute("disabled"),
    undefined,
    { timeout: 120_000 }
  );
}

/** The pane's status line: the outcome of the last job once it has ended. */
const outcome = (page: Page) => page.getByRole("status").locator(".ms-MessageBar-text").first();

describe("Cancel while an action runs, against a slow Excel", () => {
  let page: Page;
  beforeAll(async () => {
    if (!CHROMIUM) return;
    ({ page } = await pane.open(320, "?host=web"));
    await analysed(page);
  });
  afterAll(async () => page?.close());

  it("Score all accounts, cancelled before its sheet is written: said, nothing left, the button works again", async () => {
    const before = await sheets(page);
    await slowExcel(page, 1500);
    const button = page.getByRole("button", { name: "Score all accounts", exact: true });
    await button.click();
    const cancel = page.getByRole("button", { name: "Cancel Score all accounts" });
    await cancel.waitFor();
    // the write has started talking to Excel (its first round trip is on its way)
    const s0 = await syncs(page);
    await page.waitForFunction(
      (s0) => (window as unknown as Double).kapDouble.stats.syncs > s0,
      s0,
      { timeout: 60_000 }
    );
    await page.screenshot({ path: join(SHOTS, "cancel-running.png") });
    await cancel.click();
    // until Excel has finished the step it is on, the pane says it is cancelling
    await page
      .getByText("Cancelling Score all accounts: waiting for Excel to finish its current step…")
      .waitFor();
    await page.screenshot({ path: join(SHOTS, "cancel-cancelling.png") });
    await outcome(page).waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(SHOTS, "cancel-done.png") });
    const said = (await outcome(page).textContent()) ?? "";
    const after = await sheets(page);
    // nothing half-written: no temporary sheet of KAP's write is left
    expect(after.filter((n) => n.startsWith("~KAP"))).toEqual([]);
    expect({ said, sheets: after }).toEqual({
      said: expect.stringMatching(/^Cancelled\. Nothing was changed\./),
      sheets: before,
    });
    // the button works again: with Excel quick again it makes the sheet
    await slowExcel(page, 0);
    await expect(button.isEnabled()).resolves.toBe(true);
    await button.click();
    await page.getByText(/Made sheet 'KAP Account Health'/).waitFor({ timeout: 60_000 });
    expect(await sheets(page)).toEqual([...before, "KAP Account Health"]);
  });

  it("Cancel pressed once the sheet's last round trip is with Excel: too late, and the pane says what was made", async () => {
    await slowExcel(page, 1500);
    const button = page.getByRole("button", { name: "Whitespace map", exact: true });
    await button.click();
    const cancel = page.getByRole("button", { name: "Cancel Whitespace map" });
    await cancel.waitFor();
    // the request that writes the sheet (tens of kB; the reads before it are a few hundred bytes)
    await page.waitForFunction(
      () => {
        const b = (window as unknown as Double).kapDouble.stats.requestBytes;
        return b[b.length - 1] > 10_000;
      },
      undefined,
      { timeout: 60_000 }
    );
    await cancel.click();
    await outcome(page).waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(SHOTS, "cancel-too-late.png") });
    await expect(outcome(page).textContent()).resolves.toMatch(
      /^Cancel came too late: Made sheet 'KAP Whitespace Map'/
    );
    const after = await sheets(page);
    expect(after).toContain("KAP Whitespace Map");
    expect(after.filter((n) => n.startsWith("~KAP"))).toEqual([]);
    await slowExcel(page, 0);
    await expect(button.isEnabled()).resolves.toBe(true);
  });
});
