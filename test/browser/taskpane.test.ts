/**
 * The built task pane in headless Chromium, with the in-memory Excel double standing in for
 * office.js: it finds the data, analyses it in its Web Worker, and every button makes what it
 * says — checked in the double's workbook. The whole run is made twice, as Excel on the web and
 * as Excel desktop (the double's two modes); then a hidden start (nothing is read until the pane
 * is shown) and a worker that cannot load (the pane still analyses and writes).
 * Screenshots go to test-artifacts/screenshots/.
 */
import type { Page } from "playwright-core";
import { CHROMIUM, coveredLabels, layoutProblems, paneSuite, shot, SHOTS } from "./harness";
import { join } from "node:path";

const it = CHROMIUM ? test : test.skip;
jest.setTimeout(180_000);

const pane = paneSuite();

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
  // Analysed and confirmed: the data folds to one line with "Change".
  await page
    .getByRole("button", { name: "Change the data KAP reads" })
    .waitFor({ timeout: 90_000 });
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
    ({ page, external } = await pane.open(340, `?host=${host}`));
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

describe.each(["light", "dark"] as const)(
  "at 320 px, the narrowest task pane, in Office's %s theme",
  (theme) => {
    let page: Page;
    let missingIcons: string[];
    beforeAll(async () => {
      if (!CHROMIUM) return;
      ({ page, missingIcons } = await pane.open(320, `?host=web&theme=${theme}`));
    });
    afterAll(async () => page?.close());

    it("the confirmed data is one line, the actions come first, and nothing is cut off or too faint", async () => {
      await analyzed(page);
      const data = page.getByRole("region", { name: "Data" });
      await expect(data.textContent()).resolves.toMatch(
        /^Order lines: Orders!A1:L\d+ \+ 3 more tables · all columns matched · Change$/
      );
      // the first screen: the data line, then the portfolio actions
      const dataBox = (await data.boundingBox())!;
      const first = (await page
        .getByRole("button", { name: "Score all accounts", exact: true })
        .boundingBox())!;
      expect(first.y).toBeGreaterThan(dataBox.y);
      expect(first.y + first.height).toBeLessThan(900);
      await page.screenshot({ path: join(SHOTS, `pane-320-${theme}-top.png`) });
      expect(await layoutProblems(page)).toEqual({ wider: [], clipped: [], lowContrast: [] });
    });

    it("an account at a glance: the 12-month trend as a line and each factor as a bar", async () => {
      const id = await page.evaluate(
        () =>
          (window as unknown as { kapSample: { accounts: { id: string }[] } }).kapSample.accounts[0]
            .id
      );
      const combo = page.getByRole("combobox", { name: "Account" });
      await combo.click();
      await combo.fill(id);
      await page.keyboard.press("Enter");
      const card = page.getByRole("region", { name: `Account ${id} at a glance` });
      await card.waitFor();
      await expect(
        card.getByRole("img", { name: /^Health score by month: / }).count()
      ).resolves.toBe(1);
      // six factors, each a bar as wide as its score of 5 (n/a: empty)
      const bars = await card.locator("[data-kap-bar]").evaluateAll((els) =>
        els.map((e) => {
          const score = e.getAttribute("data-kap-bar");
          const track = e.parentElement!.getBoundingClientRect().width;
          return { score, share: e.getBoundingClientRect().width / track };
        })
      );
      expect(bars).toHaveLength(6);
      for (const b of bars)
        expect(b.share).toBeCloseTo(b.score === "n/a" ? 0 : Number(b.score) / 5, 1);
      // each factor's name on one line ("Engagemen" / "t" at 320 px)
      const lines = await card
        .locator("li > span:first-child > span:first-child")
        .evaluateAll((els) =>
          els.map((e) => {
            const r = document.createRange();
            r.selectNodeContents(e);
            const tops = new Set(Array.from(r.getClientRects()).map((x) => Math.round(x.top)));
            return `${e.textContent} ${tops.size}`;
          })
        );
      expect(lines).toEqual(lines.map((l) => l.replace(/\d+$/, "1")));
      await card.screenshot({ path: join(SHOTS, `pane-320-${theme}-glance.png`) });
      await shot(page, `pane-320-${theme}`);
      // the README's picture (scripts/readme-images.sh): the pane from the top to the factor bars
      const bottom = await card
        .getByRole("region", { name: "Health factors" })
        .evaluate((el) => el.getBoundingClientRect().bottom + window.scrollY);
      await page.screenshot({
        path: join(SHOTS, `pane-320-${theme}-readme.png`),
        fullPage: true,
        clip: { x: 0, y: 0, width: 320, height: Math.floor(bottom) },
      });
      expect(await layoutProblems(page)).toEqual({ wider: [], clipped: [], lowContrast: [] });
    });

    it("with the data and the settings open, still nothing cut off or too faint", async () => {
      await page.getByRole("button", { name: "Change the data KAP reads" }).click();
      await page.getByRole("button", { name: "Settings" }).click();
      await page.getByRole("button", { name: "Columns: Order lines" }).click();
      await shot(page, `pane-320-${theme}-data`);
      expect(await layoutProblems(page)).toEqual({ wider: [], clipped: [], lowContrast: [] });
      // every label whole, none under its input ("High engagement from (1–5)" runs to two lines)
      expect(await coveredLabels(page)).toEqual([]);
      // every icon drawn: the ticked "Keep Account Health inputs live" box showed no tick
      expect(missingIcons).toEqual([]);
      await page.getByRole("button", { name: "Done" }).click();
      await page.getByRole("button", { name: "Change the data KAP reads" }).waitFor();
    });

    it("a finished action's message and the account actions", async () => {
      await runAction(page, "Portfolio dashboard", /Made sheet 'KAP Dashboard'/);
      await page.screenshot({ path: join(SHOTS, `pane-320-${theme}-made.png`) });
      expect(await layoutProblems(page)).toEqual({ wider: [], clipped: [], lowContrast: [] });
    });
  }
);

describe("a hidden start (the runtime started only to calculate KAP.* cells)", () => {
  it("reads nothing from the workbook until the pane is shown, then finds and analyses the data", async () => {
    const { page } = await pane.open(340, "?host=desktop&start=hidden");
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
    const { page, blocked } = await pane.open(340, "?host=web", /engine-worker/);
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

describe("a workbook in the 1904 date system, its orders filtered to one customer", () => {
  it("reads every row and the dates as the days they show, and says both where the data is shown", async () => {
    const { page } = await pane.open(340, "?host=web&dates=1904&filter=one");
    try {
      await analyzed(page);
      // counted from the double's own cells, not by KAP: the rows the filter hides, the order
      // rows under the header, and the last order date (a 1904 serial: days after 1904-01-01)
      const truth = await page.evaluate(() => {
        const x = (
          window as unknown as {
            kapDouble: {
              sheet(n: string): { hiddenRows: Set<number>; cells: { value: unknown }[][] };
            };
          }
        ).kapDouble;
        const s = x.sheet("Orders");
        const dates = s.cells
          .slice(1)
          .map((r) => r[0]?.value)
          .filter((v): v is number => typeof v === "number");
        return { hidden: s.hiddenRows.size, rows: s.cells.length - 1, last: Math.max(...dates) };
      });
      const d = new Date(Date.UTC(1904, 0, 1) + truth.last * 86_400_000);
      const last = `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;
      const n = (v: number) => v.toLocaleString("en-GB");
      const data = page.getByRole("region", { name: "Data" });
      const folded = (await data.textContent()) ?? "";
      expect(folded).toContain(
        `${n(truth.hidden)} of the ${n(truth.rows)} order rows on "Orders" are hidden by a filter. KAP read all ${n(truth.rows)}: the results cover every row, not only the rows shown.`
      );
      expect(folded).toContain("This workbook uses the 1904 date system");
      await shot(page, "1904-filtered");
      expect(await layoutProblems(page)).toEqual({ wider: [], clipped: [], lowContrast: [] });
      await page.getByRole("button", { name: "Change the data KAP reads" }).click();
      await page.getByText(`to ${last}`, { exact: false }).first().waitFor();
      await expect(
        page.getByText("Date system: 1904 (the workbook's setting)").count()
      ).resolves.toBe(1);
      await shot(page, "1904-filtered-data");
    } finally {
      await page.close();
    }
  });
});

describe("an en-US workbook (Excel's culture en-US)", () => {
  it("the pane and the sheets it writes give dates month-first, m/d/yyyy", async () => {
    const { page } = await pane.open(320, "?host=desktop&culture=en-US");
    try {
      await analyzed(page);
      // the first and last order dates, from the double's own cells (1900 serials), written m/d/yyyy by hand
      const [first, last] = await page.evaluate(() => {
        const x = (
          window as unknown as {
            kapDouble: { sheet(n: string): { cells: { value: unknown }[][] } };
          }
        ).kapDouble;
        const dates = x
          .sheet("Orders")
          .cells.slice(1)
          .map((r) => r[0]?.value)
          .filter((v): v is number => typeof v === "number");
        return [Math.min(...dates), Math.max(...dates)];
      });
      const us = (serial: number) => {
        const d = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
        return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`;
      };
      await page.getByRole("button", { name: "Change the data KAP reads" }).click();
      await page
        .getByText(`order lines from ${us(first)} to ${us(last)}`, { exact: false })
        .first()
        .waitFor();
      await shot(page, "en-US-data");
      await page.getByRole("button", { name: "Done" }).click();
      await runAction(page, "Score all accounts", /Made sheet 'KAP Account Health'/);
      const asOf = await page.evaluate(
        () =>
          (
            window as unknown as {
              kapDouble: { cellAt(s: string, a: string): { value: unknown } | undefined };
            }
          ).kapDouble.cellAt("KAP Account Health", "A2")?.value
      );
      expect(String(asOf)).toMatch(new RegExp(`^As of ${us(last).replace(/\//g, "\\/")} `));
    } finally {
      await page.close();
    }
  });
});

describe("order lines under headers KAP does not know (Inv. Dt, Acct Ref, Nett (ex VAT)…)", () => {
  it("the user names their sheet, picks the date column, and the actions make their sheets", async () => {
    const { page } = await pane.open(320, "?host=web&data=odd");
    try {
      await page.getByText(/^No order lines were found\./).waitFor({ timeout: 60_000 });
      await shot(page, "odd-headers-none");
      expect(await layoutProblems(page)).toEqual({ wider: [], clipped: [], lowContrast: [] });
      await page.getByRole("combobox", { name: "Order lines are on" }).click();
      await page.getByRole("option", { name: "Orders", exact: true }).click();
      // that sheet's columns, open at the one missing
      await page
        .getByText(
          'The order lines on "Orders" have no column for "order date". Choose it under Columns.'
        )
        .waitFor();
      const date = page.getByRole("combobox", { name: "Order lines: Order date (required)" });
      await shot(page, "odd-headers-columns");
      expect(await layoutProblems(page)).toEqual({ wider: [], clipped: [], lowContrast: [] });
      await date.click();
      await page.getByRole("option", { name: "Inv. Dt", exact: true }).click();
      // read, analysed and confirmed: the data folds to one line
      await page
        .getByRole("button", { name: "Change the data KAP reads" })
        .waitFor({ timeout: 90_000 });
      await runAction(page, "Score all accounts", /Made sheet 'KAP Account Health'/);
      expect((await view(page)).sheets).toContain("KAP Account Health");
      await shot(page, "odd-headers-made");
    } finally {
      await page.close();
    }
  });
});

describe("an empty workbook", () => {
  it("says there is no data yet and what to do, once", async () => {
    const { page } = await pane.open(320, "?host=desktop&data=empty");
    try {
      await page.getByText(/^This workbook has no data yet\./).waitFor({ timeout: 60_000 });
      await expect(page.getByText(/no data yet|No tables/).count()).resolves.toBe(1);
      await shot(page, "empty-workbook");
    } finally {
      await page.close();
    }
  });
});
