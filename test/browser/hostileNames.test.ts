/**
 * The pane in headless Chromium over a user's awkward workbook (officeDouble.entry.ts,
 * `names=hostile`): account names that look like a formula or a phone number, a very long name
 * with characters Excel forbids in sheet names, and last year's order lines on a second sheet.
 * Nothing may be cut off or scroll sideways at 320 px, the names stay text in the sheets, sheet
 * names are valid, and the second order sheet is named in a warning.
 * Screenshots: test-artifacts/screenshots/hostile-*.png.
 */
import type { Browser, Page } from "playwright-core";
import type { Server } from "node:http";
import {
  bundleDouble,
  CHROMIUM,
  ensureBuild,
  launch,
  layoutProblems,
  openPane,
  serveDist,
  shot,
} from "./harness";

const it = CHROMIUM ? test : test.skip;
jest.setTimeout(180_000);

let browser: Browser;
let server: Server;
let page: Page;

beforeAll(async () => {
  if (!CHROMIUM) return;
  ensureBuild();
  const officeJs = bundleDouble();
  const s = await serveDist();
  server = s.server;
  browser = await launch();
  ({ page } = await openPane(browser, s.url, officeJs, 320, "?host=web&names=hostile"));
});

afterAll(async () => {
  await page?.close();
  await browser?.close();
  server?.close();
});

const LONG =
  "Southern Electrical Contractors / Facilities [Maintenance]: Kent, Sussex & Surrey *Head Office* Division?";

interface CellView {
  value: unknown;
  formula?: string;
}
const cellsOf = (p: Page, sheet: string) =>
  p.evaluate((name) => {
    const x = (
      window as unknown as {
        kapDouble: { model: { sheetByName(n: string): { cells: (CellView | undefined)[][] } } };
      }
    ).kapDouble;
    return x.model
      .sheetByName(name)
      .cells.flat()
      .filter((c): c is CellView => !!c)
      .map((c) => ({ value: c.value, formula: c.formula }));
  }, sheet);

async function waitAnalysed(p: Page): Promise<void> {
  await p.getByRole("combobox", { name: "Account" }).waitFor({ timeout: 90_000 });
  await p.waitForFunction(
    () => !document.querySelector('input[role="combobox"]')?.hasAttribute("disabled"),
    undefined,
    { timeout: 90_000 }
  );
}

describe("a user's awkward workbook at 320 px", () => {
  it("names the second order sheet in a warning, and nothing is cut off", async () => {
    await waitAnalysed(page);
    const change = page.getByRole("button", { name: "Change the data KAP reads" });
    if (await change.count()) await change.click();
    await page
      .getByText(/Orders 2024/)
      .first()
      .waitFor({ timeout: 30_000 });
    await shot(page, "hostile-01-data");
    const p = await layoutProblems(page);
    expect(p.wider).toEqual([]);
    expect(p.clipped).toEqual([]);
  });

  it("the long, formula-like and phone-like names: the glance fits, the sheets keep them as text", async () => {
    const combo = page.getByRole("combobox", { name: "Account" });
    await combo.click();
    await combo.fill("Southern");
    await page.keyboard.press("Enter");
    await page
      .getByText(/Recency/)
      .first()
      .waitFor();
    await shot(page, "hostile-02-long-name");
    const p = await layoutProblems(page);
    expect(p.wider).toEqual([]);

    const score = page.getByRole("button", { name: "Score all accounts", exact: true });
    for (let t = 0; t < 120 && !(await score.isEnabled()); t++) await page.waitForTimeout(500);
    await score.click();
    await page
      .getByText(/Made sheet 'KAP Account Health'/)
      .first()
      .waitFor({ timeout: 60_000 });
    const breakdown = page.getByRole("button", { name: "Purchase breakdown", exact: true });
    for (let t = 0; t < 120 && !(await breakdown.isEnabled()); t++) await page.waitForTimeout(500);
    await breakdown.click();
    await page
      .getByText(/Made sheet 'KAP Breakdown/)
      .first()
      .waitFor({ timeout: 60_000 });
    await shot(page, "hostile-03-made");

    const health = await cellsOf(page, "KAP Account Health");
    const hostile = health.filter(
      (c) => typeof c.value === "string" && c.value.startsWith("=HYPERLINK")
    );
    expect(hostile.length).toBeGreaterThan(0);
    for (const c of hostile) expect(c.formula).toBeUndefined();
    expect(health.some((c) => c.value === "+44 20 7946 0958")).toBe(true);
    expect(health.some((c) => c.value === LONG)).toBe(true);
  });
});
