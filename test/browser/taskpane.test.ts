/**
 * The built task pane in headless Chromium, with the in-memory Excel double standing in for
 * office.js: it finds the data, analyses it in its Web Worker, and every button makes what it
 * says — checked in the double's workbook. The whole run is made twice, as Excel on the web and
 * as Excel desktop (the double's two modes); then a hidden start (nothing is read until the pane
 * is shown) and a worker that cannot load (the pane still analyses and writes).
 * Screenshots go to test-artifacts/screenshots/.
 */
import type { Browser, Page } from "playwright-core";
import type { Server } from "node:http";
import { bundleDouble, CHROMIUM, ensureBuild, launch, openPane, serveDist, shot } from "./harness";

const it = CHROMIUM ? test : test.skip;
jest.setTimeout(180_000);

let browser: Browser;
let server: Server;
let url = "";
let officeJs = "";

beforeAll(async () => {
  if (!CHROMIUM) return;
  ensureBuild();
  officeJs = bundleDouble();
  const s = await serveDist();
  server = s.server;
  url = s.url;
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

interface DoubleView {
  sheets: string[];
  created: number;
  syncs: number;
  valueReads: number;
}

const view = (page: Page) =>
  page.evaluate(() => {
    const x = (
      window as unknown as {
        kapDouble: {
          sheetNames(): string[];
          model: { createdWorkbooks: string[] };
          stats: { syncs: number; valueReads: number };
        };
      }
    ).kapDouble;
    return {
      sheets: x.sheetNames(),
      created: x.model.createdWorkbooks.length,
      syncs: x.stats.syncs,
      valueReads: x.stats.valueReads,
    } as DoubleView;
  });

async function runAction(page: Page, label: string, expectMessage: RegExp): Promise<void> {
  const button = page.getByRole("button", { name: label, exact: true });
  await button.waitFor();
  // The pane may still be finishing the analysis (or the previous action): wait for the button, up to a minute.
  for (let t = 0; t < 120 && !(await button.isEnabled()); t++) await page.waitForTimeout(500);
  await expect(button.isEnabled()).resolves.toBe(true);
  await button.click();
  await page.getByText(expectMessage).first().waitFor({ timeout: 60_000 });
}

async function analyzed(page: Page): Promise<void> {
  await page.getByText("Orders", { exact: false }).first().waitFor();
  await page.getByRole("combobox", { name: "Account" }).waitFor();
  await page.waitForFunction(
    () => !document.querySelector('input[role="combobox"]')?.hasAttribute("disabled"),
    undefined,
    { timeout: 90_000 }
  );
}

describe.each(["web", "desktop"] as const)("as Excel %s", (host) => {
  let page: Page;
  let external: string[];
  const shotName = (n: string) => (host === "web" ? n : `${n}-desktop`);

  beforeAll(async () => {
    if (!CHROMIUM) return;
    ({ page, external } = await openPane(browser, url, officeJs, 340, `?host=${host}`));
  });
  afterAll(async () => page?.close());

  it("finds the data, analyses it off the UI thread and lists the accounts", async () => {
    await analyzed(page);
    await shot(page, shotName("01-open"));
    expect(await page.getByText(/order lines|rows/i).count()).toBeGreaterThan(0);
    // no load at document open: the pane clears an earlier "load" and sets nothing else
    expect(
      await page.evaluate(
        () => (window as unknown as { kapStartupBehavior: string[] }).kapStartupBehavior
      )
    ).toEqual(["None"]);
  });

  it("Score all accounts, Portfolio dashboard and Whitespace map make their sheets", async () => {
    await runAction(page, "Score all accounts", /Made sheet 'KAP Account Health'/);
    await shot(page, shotName("02-score-all"));
    await runAction(page, "Portfolio dashboard", /Made sheet 'KAP Dashboard'/);
    await runAction(page, "Whitespace map", /Made sheet 'KAP Whitespace Map'/);
    const v = await view(page);
    expect(v.sheets).toEqual(
      expect.arrayContaining([
        "Orders",
        "Accounts",
        "Catalog",
        "Contacts",
        "KAP Account Health",
        "KAP Dashboard",
        "KAP Whitespace Map",
      ])
    );
  });

  it("picking an account shows its health at a glance, and each account button makes its sheet", async () => {
    const id = await page.evaluate(
      () =>
        (window as unknown as { kapSample: { accounts: { id: string }[] } }).kapSample.accounts[0]
          .id
    );
    const combo = page.getByRole("combobox", { name: "Account" });
    await combo.click();
    await combo.fill(id);
    await page.keyboard.press("Enter"); // Enter on typed text picks the match

    await page
      .getByText(/Recency/)
      .first()
      .waitFor();
    await shot(page, shotName("03-account"));
    await runAction(page, "Purchase breakdown", new RegExp(`Made sheet 'KAP Breakdown – ${id}'`));
    await runAction(page, "Cross-sell", new RegExp(`Made sheet 'KAP Cross-Sell – ${id}'`));
    await runAction(page, "Account plan", new RegExp(`Made sheet 'KAP Plan – ${id}'`));
    await runAction(page, "5P sheet", new RegExp(`Made sheet 'KAP 5P – ${id}'`));
    await runAction(page, "Build QBR workbook", /Opened a new QBR workbook/);
    await shot(page, shotName("04-qbr"));
    const v = await view(page);
    expect(v.sheets).toEqual(
      expect.arrayContaining([
        `KAP Breakdown – ${id}`,
        `KAP Cross-Sell – ${id}`,
        `KAP Plan – ${id}`,
        `KAP 5P – ${id}`,
      ])
    );
    expect(v.created).toBe(1);
  });

  it("re-running an action replaces KAP’s sheet instead of adding another", async () => {
    const before = (await view(page)).sheets.length;
    await runAction(page, "Score all accounts", /Updated sheet 'KAP Account Health'/);
    expect((await view(page)).sheets.length).toBe(before);
  });

  it("works at the narrow task-pane width without horizontal scrolling, and makes no network request but office.js", async () => {
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth
    );
    expect(overflow).toBeLessThanOrEqual(1);
    expect(external).toEqual([]);
  });
});

describe("a hidden start (the runtime started only to calculate KAP.* cells)", () => {
  it("reads nothing from the workbook until the pane is shown, then finds and analyses the data", async () => {
    const { page } = await openPane(browser, url, officeJs, 340, "?host=desktop&start=hidden");
    try {
      await page.waitForTimeout(3000);
      const before = await view(page);
      // the functions read the workbook's decimal mark once (one small request); no cell is read, nothing listed
      expect(before.syncs).toBeLessThanOrEqual(1);
      expect(before.valueReads).toBe(0);
      expect(await page.getByText("Orders").count()).toBe(0);
      await page.evaluate(() => (window as unknown as { kapShowPane: () => void }).kapShowPane());
      await analyzed(page);
      expect((await view(page)).valueReads).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });
});

describe("an analysis worker that cannot load", () => {
  it("the pane analyses on its own thread and the actions still make their sheets", async () => {
    const { page, blocked } = await openPane(
      browser,
      url,
      officeJs,
      340,
      "?host=web",
      /engine-worker/
    );
    try {
      await analyzed(page);
      expect(blocked).toEqual([expect.stringMatching(/engine-worker\.\w+\.js$/)]);
      await runAction(page, "Score all accounts", /Made sheet 'KAP Account Health'/);
      expect((await view(page)).sheets).toContain("KAP Account Health");
    } finally {
      await page.close();
    }
  });
});
