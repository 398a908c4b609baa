/**
 * Dates in KAP's sheets follow the culture (the workbook's, or kap --culture): a US user sees
 * 10/31/2026 in the QBR, a German one 31.10.2026, and without a culture nothing changes from
 * the methodology's dd/mm/yyyy. Labels and date cells agree (src/domain/dateText.ts).
 *
 * The data: A orders on 05/07, 05/08, 05/09 and 31/10/2026 (ISO text, which reads one way in every
 * culture); B on 10/08/2026. As of the last order date, 31 Oct 2026; the QBR's default quarter is
 * the last complete one, FY2026 Q3 (Jul–Sep), so its 12-month figures run to 30 Sep 2026; A's
 * partnership starts at its first order, 5 Jul 2026.
 */
import { KapEngine, loadGrids } from "../../src/engine/engine";
import { defaultSettings } from "../../src/engine/settings";
import type { ActionId } from "../../src/engine/actions";
import type { Grid } from "../../src/ingest/grid";
import { isDate } from "../../src/sheets/spec";
import { ymdToSerial } from "../../src/domain/dates";
import { engineIn as engineFor, sheetsOf, texts } from "./cultureEngine";

const grid: Grid = {
  name: "Orders",
  values: [
    ["Customer", "Order Date", "SKU", "Qty", "Revenue"],
    ["A", "2026-07-05", "S1", 1, 100],
    ["A", "2026-08-05", "S1", 1, 100],
    ["A", "2026-09-05", "S1", 1, 100],
    ["A", "2026-10-31", "S1", 1, 100],
    ["B", "2026-08-10", "S1", 1, 50],
  ],
};

const engineIn = (culture?: string) => engineFor(grid, culture);

const cases = [
  // culture, 31 Oct 2026, 30 Sep 2026, 5 Jul 2026 (the data's first order), 5 Jul 2026's cell format
  // and 1 Dec 2026, the day the QBR is made
  {
    culture: "en-US",
    oct31: "10/31/2026",
    sep30: "9/30/2026",
    jul5: "7/5/2026",
    dec1: "12/1/2026",
    cell: "m/d/yyyy",
  },
  {
    culture: "en-GB",
    oct31: "31/10/2026",
    sep30: "30/09/2026",
    jul5: "05/07/2026",
    dec1: "01/12/2026",
    cell: "dd/mm/yyyy",
  },
  {
    culture: "de-DE",
    oct31: "31.10.2026",
    sep30: "30.09.2026",
    jul5: "05.07.2026",
    dec1: "01.12.2026",
    cell: "dd.mm.yyyy",
  },
  // no culture: the methodology's en-GB, as before
  {
    culture: undefined,
    oct31: "31/10/2026",
    sep30: "30/09/2026",
    jul5: "05/07/2026",
    dec1: "01/12/2026",
    cell: "dd/mm/yyyy",
  },
] as const;

describe.each(cases)("culture $culture", ({ culture, oct31, sep30, jul5, dec1, cell }) => {
  test(`the QBR cover: prepared ${dec1} (the day it is made, not the as-of), data to ${oct31}, 12 months to ${sep30}; its page header says As of ${oct31}; the internal sheet's health score as of ${oct31}`, async () => {
    const e = await engineIn(culture);
    const qbr = sheetsOf(e, "qbr", ymdToSerial(2026, 12, 1));
    const cover = qbr.find((s) => s.kind === "qbr-cover")!;
    const t = texts(cover);
    expect(t.some((x) => x.startsWith(`Prepared ${dec1} by `))).toBe(true);
    expect(t.some((x) => x.includes(`data to ${oct31}`))).toBe(true);
    expect(texts(qbr.find((s) => s.kind === "qbr-prep")!)).toContain(
      `Health score (1–5), as of ${oct31}`
    );
    // the data starts 5 Jul 2026, after the 12 months' first month (Oct 2025): the label says so
    expect(t).toContain(`Spend after returns, 12 months to ${sep30} (data from ${jul5})`);
    expect(cover.page?.headerRight).toBe(`As of ${oct31}`);
  });

  test(`the QBR's "Partnership since" is a date cell (5 Jul 2026) formatted ${cell}`, async () => {
    const e = await engineIn(culture);
    const p = sheetsOf(e, "qbr").find((s) => s.kind === "qbr-partnership")!;
    const since = p.blocks.find((b) => b.rows[0]?.some((v) => isDate(v)))!;
    expect(since.rows[0][0]).toEqual({ date: 46208 }); // 2026-07-05: 1 Jan 2026 is 46023, and 5 Jul is 181 + 5 = 186th day: 46023 + 185
    expect(since.formats?.[0]).toBe(cell);
  });

  test(`the Account Health and Portfolio sheets' headers say As of ${oct31}`, async () => {
    const e = await engineIn(culture);
    const [health] = sheetsOf(e, "scoreAll");
    expect(texts(health).some((x) => x.startsWith(`As of ${oct31}`))).toBe(true);
    const [dash] = sheetsOf(e, "dashboard");
    expect(texts(dash)).toContain(
      `As of ${oct31} · revenue is net of returns over the 12 months to ${oct31}`
    );
    expect(health.page?.headerRight).toBe(`As of ${oct31}`);
  });
});

test("en-US: no sheet KAP makes says 31/10/2026 or 30/09/2026, or formats a date dd/mm/yyyy", async () => {
  const e = await engineIn("en-US");
  const actions: ActionId[] = [
    "scoreAll",
    "dashboard",
    "alerts",
    "whitespace",
    "healthReport",
    "breakdown",
    "crossSell",
    "plan",
    "relationships",
    "fiveP",
    "qbr",
  ];
  for (const a of actions)
    for (const s of sheetsOf(e, a)) {
      const all = texts(s).join("\n") + (s.page?.headerRight ?? "");
      expect([s.name, all]).not.toEqual([s.name, expect.stringMatching(/31\/10\/|30\/09\//)]);
      const formats = s.blocks.flatMap((b) => b.formats ?? []);
      expect([s.name, formats]).not.toEqual([s.name, expect.arrayContaining(["dd/mm/yyyy"])]);
    }
});

test("an unknown culture (xx-YY) writes dates as en-GB does, without an error", async () => {
  const e = await engineIn("xx-YY");
  const prep = sheetsOf(e, "qbr").find((s) => s.kind === "qbr-prep")!;
  expect(texts(prep)).toContain("Health score (1–5), as of 31/10/2026");
});

describe("no culture given: the order dates' own order decides", () => {
  const us: Grid = {
    name: "Orders",
    values: [
      ["Customer", "Order Date", "SKU", "Qty", "Revenue"],
      ["A", "7/5/2026", "S1", 1, 100],
      ["A", "10/31/2026", "S1", 1, 100],
    ],
  };
  const either: Grid = {
    name: "Orders",
    values: [
      ["Customer", "Order Date", "SKU", "Qty", "Revenue"],
      ["A", "05/07/2026", "S1", 1, 100],
      ["A", "10/11/2026", "S1", 1, 100],
    ],
  };
  async function dashTitle(g: Grid): Promise<string | undefined> {
    const e = new KapEngine();
    await loadGrids(e, [g], defaultSettings());
    e.analyze(defaultSettings());
    return texts(e.sheets("dashboard", { live: false })[0]).find((x) => x.startsWith("As of "));
  }

  test("dates that read month-first only (10/31/2026): the sheets write them month-first too", async () => {
    // 7/5/2026 is 5 Jul, 10/31/2026 is 31 Oct: as of 31 Oct 2026
    expect(await dashTitle(us)).toBe(
      "As of 10/31/2026 · revenue is net of returns over the 12 months to 10/31/2026"
    );
  });

  test("dates that read both ways (read day-first by default): en-GB, as before", async () => {
    // 05/07/2026 is 5 Jul, 10/11/2026 is 10 Nov: as of 10 Nov 2026
    expect(await dashTitle(either)).toBe(
      "As of 10/11/2026 · revenue is net of returns over the 12 months to 10/11/2026"
    );
  });

  test("a culture wins over the data's order: en-GB writes 31/10/2026 for month-first data", async () => {
    const e = new KapEngine();
    await loadGrids(e, [us], defaultSettings(), { culture: "en-GB" });
    e.analyze(defaultSettings());
    const t = texts(e.sheets("dashboard", { live: false })[0]);
    expect(t.find((x) => x.startsWith("As of "))).toMatch(/^As of 31\/10\/2026 /);
  });
});
