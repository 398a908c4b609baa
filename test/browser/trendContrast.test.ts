/**
 * The account glance's 12-month health chart (src/taskpane/HealthTrend.tsx, an inline SVG: the
 * only chart the pane draws; the dashboard's charts are Excel charts on the sheet, a pie and
 * columns, with no dashed lines) has dashed band lines at 4, 3 and 2. As drawn in Chromium they
 * must stand out from the pane's background by WCAG 1.4.11's 3:1 for graphical objects.
 *
 * Measured on the pixels Chromium draws, not the stroke colour: a line thinner than a pixel is
 * blended with the background (anti-aliasing), so a colour that passes can draw a line that fails.
 * Worked by hand for the dark theme (background #262626, lines #c8c8c8, WCAG relative luminance
 * L = 0.2126 R + 0.7152 G + 0.0722 B of the linearised channels, ratio (L1 + 0.05) / (L2 + 0.05)):
 *   #262626: 38/255 = 0.149 → ((0.149 + 0.055) / 1.055)^2.4 = 0.0194
 *   #c8c8c8: 200/255 = 0.784 → ((0.784 + 0.055) / 1.055)^2.4 = 0.578   → 0.628 / 0.0694 = 9.0:1
 *   the old line, 0.5 of 240 viewBox units drawn 272 px wide = 0.57 px, centred on a pixel edge
 *   covers 0.28 of each of two rows: 0.28 × 200 + 0.72 × 38 = 83 → L 0.087 → 0.137 / 0.0694 = 2.0:1
 *   a 1.5 px line covers at worst 0.75 of a row: 0.75 × 200 + 0.25 × 38 = 159.5 → L 0.349 → 5.7:1
 * Light theme (#ffffff, lines #605e5c): L 0.111; 1.5 px at worst 0.75 × 96 + 0.25 × 255 = 136
 *   → L 0.246 → 1.05 / 0.296 = 3.5:1.
 * Screenshots: test-artifacts/screenshots/trend-<theme>.png (the chart, enlarged ×4 in trend-<theme>-x4.png).
 */
import type { Page } from "playwright-core";
import { join } from "node:path";
import { CHROMIUM, paneSuite, SHOTS } from "./harness";

const it = CHROMIUM ? test : test.skip;
jest.setTimeout(300_000);

const pane = paneSuite();

/**
 * Each dashed band line's contrast as drawn: the chart's own pixels (a screenshot decoded on a
 * canvas), per line the rows it touches; in each row the 80th-percentile pixel along the line (the
 * dashes are 2 of every 5 units: their pixels are the top 40 %), the best row's against the
 * background (the chart's corner pixel).
 */
async function bandLineContrasts(page: Page, chart: string): Promise<number[]> {
  const svg = page.locator(chart);
  const png = (await svg.screenshot()).toString("base64");
  return page.evaluate(
    async ({ png, chart }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${png}`;
      await img.decode();
      const c = document.createElement("canvas");
      c.width = img.width;
      c.height = img.height;
      const g = c.getContext("2d")!;
      g.drawImage(img, 0, 0);
      const px = g.getImageData(0, 0, c.width, c.height).data;
      const lum = (i: number) => {
        const f = (v: number) => {
          const s = v / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * f(px[i]) + 0.7152 * f(px[i + 1]) + 0.0722 * f(px[i + 2]);
      };
      const bg = lum(0);
      const ratio = (l: number) => (Math.max(l, bg) + 0.05) / (Math.min(l, bg) + 0.05);
      const el = document.querySelector(chart)!;
      const box = el.getBoundingClientRect();
      const scale = img.width / box.width; // device pixels per CSS pixel
      return Array.from(el.querySelectorAll("line")).map((line) => {
        const r = line.getBoundingClientRect();
        const mid = Math.round((r.top + r.height / 2 - box.top) * scale);
        const x0 = Math.ceil((r.left - box.left) * scale) + 2;
        const x1 = Math.floor((r.right - box.left) * scale) - 2;
        let best = 1;
        for (let y = mid - 2; y <= mid + 2; y++) {
          const row: number[] = [];
          for (let x = x0; x < x1; x++) row.push(ratio(lum((y * c.width + x) * 4)));
          row.sort((a, b) => a - b);
          best = Math.max(best, row[Math.floor(row.length * 0.8)]);
        }
        return Math.round(best * 100) / 100;
      });
    },
    { png, chart }
  );
}

describe.each(["dark", "light"] as const)("the health chart in Office's %s theme", (theme) => {
  it("draws its dashed band lines at 3:1 or more against the pane's background", async () => {
    const { page } = await pane.open(320, `?host=web&theme=${theme}`);
    try {
      await page
        .getByRole("button", { name: "Change the data KAP reads" })
        .waitFor({ timeout: 120_000 });
      const id = await page.evaluate(
        () =>
          (window as unknown as { kapSample: { accounts: { id: string }[] } }).kapSample.accounts[0]
            .id
      );
      await page.waitForFunction(
        () => !document.querySelector('input[role="combobox"]')?.hasAttribute("disabled"),
        undefined,
        { timeout: 120_000 }
      );
      const combo = page.getByRole("combobox", { name: "Account" });
      await combo.click();
      await combo.fill(id);
      await page.keyboard.press("Enter");
      const chart = 'svg[aria-label^="Health score by month"]';
      await page.locator(chart).waitFor();
      const figure = page.locator("figure", { has: page.locator(chart) });
      await figure.screenshot({ path: join(SHOTS, `trend-${theme}.png`) });
      // the chart's own pixels enlarged ×4 (each pixel a 4 × 4 block), to look at the lines
      const shot = (await figure.screenshot()).toString("base64");
      const zoom = await pane.browser.newPage({ viewport: { width: 1280, height: 800 } });
      try {
        await zoom.setContent(
          `<body style="margin:0"><img id="x" src="data:image/png;base64,${shot}" style="image-rendering:pixelated"></body>`
        );
        await zoom.locator("#x").evaluate(async (img: HTMLImageElement) => {
          await img.decode();
          img.style.width = `${img.naturalWidth * 4}px`;
        });
        await zoom.locator("#x").screenshot({ path: join(SHOTS, `trend-${theme}-x4.png`) });
      } finally {
        await zoom.close();
      }
      const ratios = await bandLineContrasts(page, chart);
      expect(ratios).toHaveLength(3);
      for (const r of ratios) expect(r).toBeGreaterThanOrEqual(3);
    } finally {
      await page.close();
    }
  });
});
