/**
 * A workbook saved with Excel's 1904 date system (Mac Excel's old default; an option in every
 * Excel) stores each day 1,462 serials lower than the 1900 system. The pane must read its order
 * dates as the days they show, write its dates so they show right, and say it did.
 *
 * Worked by hand (days counted with a calendar, not with KAP's code):
 * - 1904-01-01 is 1900-system serial 1,462 (1900-01-01 = 1, plus Excel's 1900-02-29) and
 *   1904-system serial 0, so a day's 1904 serial = its 1900 serial − 1,462;
 * - 2026-11-01: 46,327 days after 1899-12-30 → 1900 serial 46,327, 1904 serial 44,865
 *   (44,866 in a 1904 workbook is 2026-11-02);
 * - the orders start 2024-11-05 (1900: 45,601; 1904: 44,139); A1's first order is a day later,
 *   2024-11-06; the last is A6's 24th, 2024-11-05 + 23 × 30 + 6 = 696 days = 2026-10-02.
 * - A5's last order is its 21st, 2024-11-05 + 20 × 30 + 5 = 605 days = 2026-07-03; as of
 *   2026-10-02 (the last order date) that is 91 days.
 */
import { ExcelDouble } from "../excel-double/excel";
import { createExcelHost } from "../../src/engine/excelHost";
import { defaultSettings } from "../../src/engine/settings";
import type { KapSettings, Progress } from "../../src/engine/contract";
import { monthlyOrderRows } from "./fixtures/monthlyOrders";

const SERIAL_1900 = { start: 45_601, nov1: 46_327 };
const OFFSET = 1462;

/** The monthly orders (fixtures/monthlyOrders), dates as `system` serials. */
function orderRows(system: 1900 | 1904): (string | number)[][] {
  return monthlyOrderRows(SERIAL_1900.start - (system === 1904 ? OFFSET : 0));
}

function workbook(system: 1900 | 1904, mode: "web" | "desktop" = "web"): ExcelDouble {
  const x = new ExcelDouble(["Orders"], mode);
  x.model.date1904 = system === 1904;
  x.model.fill(x.sheet("Orders"), "A1", orderRows(system));
  (globalThis as unknown as { Excel: unknown }).Excel = x.Excel;
  return x;
}

/** No as-of date set: the analysis runs as of the last order date, which the dates decide. */
const settings = (): KapSettings => ({ ...defaultSettings() });
const signal = () => new AbortController().signal;
const noop = (_p: Progress) => undefined;

async function analysed(system: 1900 | 1904, mode: "web" | "desktop" = "web") {
  const x = workbook(system, mode);
  const host = createExcelHost();
  const list = await host.analyze(settings(), noop, signal());
  const d = await host.discover(settings(), { reuse: true });
  return { x, host, list, summary: d.summary! };
}

const DATE_FORMAT = /[dy]/i;

describe("a workbook in the 1904 date system", () => {
  test.each(["web", "desktop"] as const)(
    "its order dates are read as the days they show: the same analysis as the same dates in a 1900 workbook (%s)",
    async (mode) => {
      const old = await analysed(1900, mode);
      const mac = await analysed(1904, mode);
      expect([mac.summary.firstDate, mac.summary.lastDate]).toEqual(["2024-11-06", "2026-10-02"]);
      expect(mac.summary.asOf).toBe("2026-10-02");
      expect([old.summary.firstDate, old.summary.lastDate]).toEqual(["2024-11-06", "2026-10-02"]);
      expect(mac.list).toEqual(old.list);
      const glance = await mac.host.glance("A5");
      expect(glance?.daysSinceLastOrder).toBe(91);
      expect(glance).toEqual(await old.host.glance("A5"));
    }
  );

  test("the pane says the workbook uses the 1904 date system (and says nothing of it for a 1900 one)", async () => {
    const mac = await analysed(1904);
    // under the order table, and as a note shown with the data line (folded or not)
    expect(mac.summary.assumed).toContain("Date system: 1904 (the workbook's setting)");
    expect(mac.summary.warnings).toContain(
      "This workbook uses the 1904 date system (an option from Excel for Mac): KAP read its dates in it and writes its own dates in it."
    );
    const old = await analysed(1900);
    expect((old.summary.assumed ?? []).join("\n")).not.toMatch(/1904/);
    expect(old.summary.warnings.join("\n")).not.toMatch(/1904/);
  });

  test("knowing the date system costs no round trip of its own: it rides on the culture's", async () => {
    const old = workbook(1900);
    await createExcelHost().analyze(settings(), noop, signal());
    const mac = workbook(1904);
    await createExcelHost().analyze(settings(), noop, signal());
    expect(mac.stats.syncs).toBe(old.stats.syncs);
  });

  test("dates KAP writes show the same days: the 1904 workbook's date cells hold serials 1,462 lower", async () => {
    const sheetOf = async (system: 1900 | 1904) => {
      const x = workbook(system);
      const host = createExcelHost();
      await host.run("breakdown", { accountId: "A5" }, settings(), noop, signal());
      const name = x.sheetNames().find((n) => n !== "Orders")!;
      return x.sheet(name).cells;
    };
    const old = await sheetOf(1900);
    const mac = await sheetOf(1904);
    let dates = 0;
    old.forEach((row, r) =>
      row?.forEach((c, k) => {
        const m = mac[r]?.[k];
        if (
          c &&
          typeof c.value === "number" &&
          c.value > 40_000 &&
          DATE_FORMAT.test(c.numberFormat ?? "")
        ) {
          dates++;
          expect(m?.value).toBe(c.value - OFFSET);
        } else expect(m?.value).toEqual(c?.value);
      })
    );
    expect(dates).toBeGreaterThan(0);
  });

  test("proposed initiatives start the day after the as-of date, written as the 1904 workbook's serial", async () => {
    const x = workbook(1904);
    x.model.addSheet("Initiatives");
    // the user's own row: 2026-09-01 typed in the 1904 workbook (1900 serial 46,266 − 1,462)
    x.model.fill(x.sheet("Initiatives"), "A1", [
      ["Account", "Initiative", "Start Date", "Owner"],
      ["A2", "My own idea", 46_266 - OFFSET, "Me"],
    ]);
    const host = createExcelHost();
    const s = { ...settings(), asOf: "2026-10-31" };
    await host.analyze(s, noop, signal());
    await host.run("proposeInitiatives", { accountId: "A2" }, s, noop, signal());
    // 2026-11-01: 1900 serial 46,327, 1904 serial 44,865
    expect(x.cellAt("Initiatives", "C3")?.value).toBe(SERIAL_1900.nov1 - OFFSET);
    expect(x.cellAt("Initiatives", "C3")?.value).toBe(44_865);
    expect(x.cellAt("Initiatives", "C2")?.value).toBe(46_266 - OFFSET);
  });

  test("the Account Health sheet keeps values, not live KAP.METRICS inputs, and says why", async () => {
    const x = workbook(1904);
    const res = await createExcelHost().run("scoreAll", {}, settings(), noop, signal());
    expect(res.message).toMatch(/not live\), because the workbook uses the 1904 date system/);
    expect(
      x
        .formulaCells("KAP Account Health")
        .some((a) => /METRICS/.test(String(x.cellAt("KAP Account Health", a)?.formula)))
    ).toBe(false);
  });
});
