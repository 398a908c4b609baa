/**
 * The pane as a British and a German user see it, at Excel's narrowest task pane (320 px) and a
 * wide one (450 px), through each step: the data found, its columns, a sheet made, a QBR built,
 * the settings with the as-of date's calendar. At each step nothing may be wider than the pane,
 * cut off, too faint or drawn over a label. Screenshots: test-artifacts/screenshots/tour-*.png.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { CHROMIUM, coveredLabels, layoutProblems, paneSuite, shot, SHOTS } from "./harness";

const it = CHROMIUM ? test : test.skip;
jest.setTimeout(600_000);

const pane = paneSuite();

async function analysed(page: Page): Promise<void> {
  await page
    .getByRole("button", { name: "Change the data KAP reads" })
    .waitFor({ timeout: 180_000 });
  await page.waitForFunction(
    () => !document.querySelector('input[role="combobox"]')?.hasAttribute("disabled"),
    undefined,
    { timeout: 180_000 }
  );
}

async function run(page: Page, label: string, done: RegExp): Promise<void> {
  const button = page.getByRole("button", { name: label, exact: true });
  for (let t = 0; t < 240 && !(await button.isEnabled()); t++) await page.waitForTimeout(500);
  await button.click();
  await page.getByText(done).first().waitFor({ timeout: 180_000 });
}

/** The whole pane, and the same in parts 800 px high (tour-…-a.png, -b…): a reviewer reads them at full size. */
async function shots(page: Page, name: string): Promise<void> {
  await shot(page, name);
  const { width, height } = await page.evaluate(() => ({
    width: document.documentElement.clientWidth,
    height: document.documentElement.scrollHeight,
  }));
  for (let y = 0, k = 0; y < height; y += 800, k++)
    await page.screenshot({
      path: join(SHOTS, "parts", `${name}-${String.fromCharCode(97 + k)}.png`),
      fullPage: true,
      clip: { x: 0, y, width, height: Math.min(800, height - y) },
    });
}

/** What is wrong on screen now, by kind; empty lists when nothing is. */
async function problems(page: Page): Promise<Record<string, string[]>> {
  const p = await layoutProblems(page);
  return { ...p, covered: await coveredLabels(page) };
}

/**
 * The glance's drawing as a reader lines it up: the trend's last month under the chart's last
 * point (not at the pane's edge past a chart that stopped growing), and every factor's bar
 * starting where the others do whatever the label ("Engagement" is the widest).
 */
function glanceGeometry(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out = { misaligned: [] as string[] };
    const svg = document.querySelector<SVGElement>("figure svg[role='img']");
    const axis = svg?.nextElementSibling;
    if (svg && axis) {
      const chart = svg.getBoundingClientRect().right;
      const month = axis.lastElementChild!.getBoundingClientRect().right;
      if (Math.abs(chart - month) > 2)
        out.misaligned.push(`last month ends at ${month} px, the chart at ${chart} px`);
    }
    const tracks = Array.from(document.querySelectorAll("[data-kap-bar]")).map(
      (b) => b.parentElement!.getBoundingClientRect().left
    );
    if (tracks.some((x) => Math.abs(x - tracks[0]) > 1))
      out.misaligned.push(`factor bars start at ${tracks.map(Math.round).join(", ")} px`);
    return out;
  });
}

const CLEAN = { wider: [], clipped: [], lowContrast: [], covered: [] };

describe.each([
  ["en-GB", 320],
  ["en-GB", 450],
  ["de-DE", 320],
  ["de-DE", 450],
] as const)("a %s user at %i px", (culture, width) => {
  it("every step fits the pane and reads the culture's way", async () => {
    const { page } = await pane.open(width, `?host=web&culture=${culture}`);
    const name = (step: string) => `tour-${culture}-${width}-${step}`;
    const seen: Record<string, Record<string, string[]>> = {};
    try {
      await analysed(page);
      // 1. the data KAP found
      await page.getByRole("button", { name: "Change the data KAP reads" }).click();
      await shots(page, name("1-data"));
      seen.data = await problems(page);
      // 2. the columns it matched
      await page.getByRole("button", { name: "Columns: Order lines" }).click();
      await shots(page, name("2-columns"));
      seen.columns = await problems(page);
      await page.getByRole("button", { name: "Done" }).click();
      // 3. a sheet
      await run(page, "Score all accounts", /Made sheet 'KAP Account Health'/);
      await shots(page, name("3-sheet"));
      seen.sheet = await problems(page);
      // 4. the QBR of the first account
      const combo = page.getByRole("combobox", { name: "Account" });
      await combo.click();
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("Enter");
      await page.getByRole("region", { name: /at a glance$/ }).waitFor();
      seen.glance = await glanceGeometry(page);
      await run(page, "Build QBR workbook", /Opened a new QBR workbook/);
      await shots(page, name("4-qbr"));
      seen.qbr = await problems(page);
      // 5. the settings, the as-of date's calendar open
      await page.getByRole("button", { name: "Settings" }).click();
      const asOf = page.getByRole("combobox", { name: /As-of date/ });
      await asOf.scrollIntoViewIfNeeded();
      await shots(page, name("5-settings"));
      seen.settings = await problems(page);
      await page.getByRole("button", { name: "Pick the as-of date from a calendar" }).click();
      await page.getByRole("dialog").waitFor();
      await page.waitForTimeout(600); // Fluent fades a callout in: see it drawn, not half
      // the calendar floats over the pane (a fixed layer): seen in the window, not the whole page
      await page.screenshot({ path: join(SHOTS, `${name("6-calendar")}.png`) });
      // the calendar floats over the settings by design, and hides its sliding weeks: only its width counts
      const calendarWider = (await layoutProblems(page)).wider;
      expect(seen.glance).toEqual({ misaligned: [] });
      expect(calendarWider).toEqual([]);
      delete seen.glance;
      for (const [, p] of Object.entries(seen)) expect(p).toEqual(CLEAN);
    } finally {
      await page.close();
    }
  });
});
