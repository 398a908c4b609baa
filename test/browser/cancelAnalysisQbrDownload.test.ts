/**
 * In the built pane against the Excel double on the web:
 * - Cancel while the data is read again (a slow Excel): the earlier scores are cleared, not left on
 *   show as if current, and the pane says the analysis was cancelled and nothing changed;
 * - Build QBR workbook when Excel on the web refuses the workbook as too large (the double's
 *   request limit lowered to 20 kB): a warning that says why, and a button that downloads the
 *   .xlsx in the browser (a real download: Chromium's download event, the file a zip).
 * Screenshots: test-artifacts/screenshots/cancel-analysis.png, qbr-too-large.png.
 */
import type { Page } from "playwright-core";
import { readFileSync } from "node:fs";
import { CHROMIUM, paneSuite, shot } from "./harness";

const it = CHROMIUM ? test : test.skip;
jest.setTimeout(300_000);

const pane = paneSuite();

interface Double {
  kapDouble: {
    syncDelayMs?: number;
    payloadLimit?: number;
    model: { createdWorkbooks: string[] };
    sheetNames(): string[];
  };
  kapSample: { accounts: { id: string; name: string }[] };
}

const combo = (page: Page) => page.getByRole("combobox", { name: "Account" });
const outcome = (page: Page) => page.getByRole("status").locator(".ms-MessageBar").first();

/** The accounts are in: the picker can be used. */
async function pickerReady(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelector('input[role="combobox"]')?.getAttribute("aria-disabled") === "false",
    undefined,
    { timeout: 120_000 }
  );
}

describe("on Excel on the web", () => {
  let page: Page;
  beforeAll(async () => {
    if (!CHROMIUM) return;
    ({ page } = await pane.open(320, "?host=web"));
    await page
      .getByRole("button", { name: "Change the data KAP reads" })
      .waitFor({ timeout: 120_000 });
    await pickerReady(page);
  });
  afterAll(async () => page?.close());

  it("Build QBR workbook too large for Excel on the web: a warning says why, and the button downloads the .xlsx", async () => {
    const id = await page.evaluate(() => (window as unknown as Double).kapSample.accounts[0].id);
    await combo(page).click();
    await combo(page).fill(id);
    await page.keyboard.press("Enter");
    const before = await page.evaluate(() => (window as unknown as Double).kapDouble.sheetNames());
    await page.evaluate(() => void ((window as unknown as Double).kapDouble.payloadLimit = 20_000));
    const build = page.getByRole("button", { name: "Build QBR workbook", exact: true });
    for (let t = 0; t < 120 && !(await build.isEnabled()); t++) await page.waitForTimeout(500);
    await build.click();
    const bar = outcome(page);
    await bar.waitFor({ timeout: 120_000 });
    await shot(page, "qbr-too-large");
    await expect(bar.textContent()).resolves.toMatch(
      /^The QBR workbook is too large for Excel on the web to open from an add-in/
    );
    await expect(bar.getAttribute("class")).resolves.toContain("ms-MessageBar--warning");
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 60_000 }),
      page.getByRole("button", { name: "Download the QBR workbook" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^QBR .+\.xlsx$/);
    const file = readFileSync((await download.path())!);
    // an .xlsx is a zip: "PK\x03\x04"
    expect([...file.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const created = await page.evaluate(
      () => (window as unknown as Double).kapDouble.model.createdWorkbooks.length
    );
    expect(created).toBe(0);
    await expect(
      page.evaluate(() => (window as unknown as Double).kapDouble.sheetNames())
    ).resolves.toEqual(before);
    await page.evaluate(
      () => void ((window as unknown as Double).kapDouble.payloadLimit = undefined)
    );
  });

  it("Cancel while the data is read again: the earlier scores are cleared and the pane says so", async () => {
    await page.evaluate(() => void ((window as unknown as Double).kapDouble.syncDelayMs = 1500));
    await page.getByRole("button", { name: "Change the data KAP reads" }).click();
    await page.getByRole("button", { name: "Read the data again" }).click();
    const cancel = page.getByRole("button", { name: "Cancel Analysing" });
    await cancel.waitFor();
    await cancel.click();
    const bar = outcome(page);
    await bar.waitFor({ timeout: 120_000 });
    await page.evaluate(() => void ((window as unknown as Double).kapDouble.syncDelayMs = 0));
    await shot(page, "cancel-analysis");
    await expect(bar.textContent()).resolves.toMatch(
      /^Analysis cancelled\. Nothing in your workbook was changed, and no scores are shown until the data is analysed again\./
    );
    await expect(combo(page).getAttribute("aria-disabled")).resolves.toBe("true");
    await expect(combo(page).getAttribute("placeholder")).resolves.toBe("Analyse the data first");
    // the way back
    await page.getByRole("button", { name: "Read the data again" }).click();
    await pickerReady(page);
  });
});
