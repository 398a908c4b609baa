/**
 * Lifetime value on the sheets: the Account Health sheet carries the fitted parameters above the
 * lifetime columns and P(alive) / expected 12-month revenue / CLV as live KAP formulas over each row's
 * x, t_x, T and mean value (values in files for people without the add-in); the dashboard lists
 * value × health and silent churn. Checked on the CDNOW sample as of 1997-09-30.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { analyzePortfolio } from "../../src/domain/analysis";
import { ymdToSerial } from "../../src/domain/dates";
import type { OrderLine } from "../../src/domain/types";
import { OrderBook } from "../../src/domain/analysis";
import { healthSheet } from "../../src/sheets/healthSheet";
import { accountNextStep, dashboardSheet } from "../../src/sheets/dashboardSheet";
import { layoutOptions } from "../../src/sheets/options";
import { type CellValue, parseCell, parseRange, type SheetSpec } from "../../src/sheets/spec";
import { finishForPrint } from "../../src/sheets/print";
import { toXlsxBytes } from "../../src/xlsx/writeXlsx";
import ExcelJS from "exceljs";

const asOf = ymdToSerial(1997, 9, 30);
const book = new OrderBook();
readFileSync(resolve(__dirname, "../fixtures/cdnow/cdnow-sample-orders.csv"), "utf8")
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .forEach((l, i) => {
    const [id, iso, units, revenue] = l.split(",");
    const [y, m, d] = iso.split("-").map(Number);
    const line: OrderLine = {
      accountId: id,
      date: ymdToSerial(y, m, d),
      orderId: `r${i}`,
      sku: "CD",
      category: "Music",
      quantity: Number(units),
      revenue: Number(revenue),
      isReturn: false,
      currency: "USD",
    };
    book.add(line);
  });
const p = analyzePortfolio(book, { asOf });

/** The value at an A1 cell of a sheet description (last block written wins, as in Excel). */
function at(spec: SheetSpec, a1: string): CellValue | undefined {
  const { row, col } = parseCell(a1);
  let v: CellValue | undefined;
  for (const b of spec.blocks) {
    const o = parseCell(b.at);
    const r = b.rows[row - o.row];
    if (r && col - o.col >= 0 && col - o.col < r.length) v = r[col - o.col];
  }
  return v;
}

function headerColumn(spec: SheetSpec, header: string): string {
  const t = spec.blocks.find((b) => b.table?.name === "KAP_Health")!;
  const k = t.rows[0].indexOf(header);
  expect(k).toBeGreaterThanOrEqual(0);
  return (
    String.fromCharCode(65 + Math.floor(k / 26) - 1).replace("@", "") +
    String.fromCharCode(65 + (k % 26))
  );
}

describe("Account Health sheet", () => {
  test("the lifetime value and the whole fitted-model block sit right of the printed view, none of it cut at the print area's edge", async () => {
    const spec = finishForPrint(
      healthSheet(p, layoutOptions({ live: false, currency: "USD", asOf })),
      { paper: "A4", asOfText: "As of 30/09/1997" }
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await toXlsxBytes([spec])) as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0];
    const area = parseRange(String(ws.pageSetup.printArea).replace(/\$/g, ""));
    const printed = (r: number, c: number) =>
      r >= area.row && r < area.row + area.rows && c >= area.col && c < area.col + area.cols;
    // every written cell of the header row 7 and of the model block (label row 3, "Fitted" row 4)
    const shown = (n: number) => {
      const out: { text: string; printed: boolean }[] = [];
      ws.getRow(n).eachCell((c, k) =>
        out.push({ text: String(c.value), printed: printed(n - 1, k - 1) })
      );
      return out;
    };
    const header = shown(7);
    for (const h of ["Account", "Health score", "Win-back stage"])
      expect(header.find((x) => x.text === h)?.printed).toBe(true);
    // on the sample every figure is from a fit flagged not reliable: the review prints without them
    for (const h of ["P(alive)", "Expected revenue 12m", "CLV (12 months, 10% a year)"])
      expect(header.find((x) => x.text === h)?.printed).toBe(false);
    // the model block: a label, r α a b p q γ, months and rate — ten cells, none printed (inside
    // the print area it printed "Lifetime model r α a b" and cut p, q, γ, Months and Disc. / yr)
    const model = shown(3).filter((x) => x.text !== String(ws.getCell("A3").value));
    expect(model.map((x) => x.text)).toEqual([
      "Lifetime model",
      "r",
      "α",
      "a",
      "b",
      "p",
      "q",
      "γ",
      "Months",
      "Disc. / yr",
    ]);
    expect(model.filter((x) => x.printed)).toEqual([]);
    expect(shown(4).filter((x) => x.printed)).toEqual([]);
  });

  const live = healthSheet(p, layoutOptions({ live: true, currency: "USD", asOf }));
  const file = healthSheet(p, layoutOptions({ live: false, currency: "USD", asOf }));
  const m = p.lifetimeModels[0];

  test("the fitted parameters sit in Q4:W4 (r, α, a, b, p, q, γ), with the CLV months and rate in X4:Y4, over the lifetime columns (expected revenue, P, on)", () => {
    expect(
      ["P3", "Q3", "R3", "S3", "T3", "U3", "V3", "W3", "X3", "Y3"].map((c) => at(live, c))
    ).toEqual(["Lifetime model", "r", "α", "a", "b", "p", "q", "γ", "Months", "Disc. / yr"]);
    expect(at(live, "P4")).toBe("Fitted");
    expect(["Q4", "R4", "S4", "T4", "U4", "V4", "W4", "X4", "Y4"].map((c) => at(live, c))).toEqual([
      m.bgnbd!.r,
      m.bgnbd!.alpha,
      m.bgnbd!.a,
      m.bgnbd!.b,
      m.gammaGamma!.p,
      m.gammaGamma!.q,
      m.gammaGamma!.gamma,
      12,
      0.1,
    ]);
    // the reliable CDNOW fit needs no note
    expect(at(live, "A5")).toBeUndefined();
  });

  test("live: P(alive), expected 12-month revenue and CLV are KAP formulas over the row and the parameters", () => {
    const [x, tx, T, mean, pa, rev, clv] = [
      "Repeat orders (x)",
      "Weeks first to last order (t_x)",
      "Weeks since first order (T)",
      "Mean repeat order",
      "P(alive)",
      "Expected revenue 12m",
      "CLV (12 months, 10% a year)",
    ].map((h) => headerColumn(live, h));
    // the figures follow the printed view (O–Q, after Win-back stage); the inputs follow the
    // health columns (printed view, inputs, factor scores, details: 35 columns, issue 15)
    expect([x, tx, T, mean, pa, rev, clv]).toEqual(["AJ", "AK", "AL", "AM", "O", "P", "Q"]);
    expect(at(live, "O8")).toEqual({ formula: "=KAP.PALIVE(AJ8,AK8,AL8,$Q$4:$W$4)" });
    expect(at(live, "P8")).toEqual({ formula: "=KAP.CLV(AJ8,AK8,AL8,AM8,$Q$4:$W$4,12,0)" });
    expect(at(live, "Q8")).toEqual({ formula: "=KAP.CLV(AJ8,AK8,AL8,AM8,$Q$4:$W$4,$X$4,$Y$4)" });
  });

  test("in a file: the same figures as values; one-order accounts say so", () => {
    const t = file.blocks.find((b) => b.table?.name === "KAP_Health")!;
    const id = t.rows[0].indexOf("Account ID");
    const col = t.rows[0].indexOf("P(alive)");
    const x = t.rows[0].indexOf("Repeat orders (x)");
    const row4 = t.rows.find((r) => r[id] === "00004")!;
    const a = p.accounts.find((x) => x.accountId === "00004")!.lifetime!;
    expect([...row4.slice(x, x + 4), ...row4.slice(col, col + 3)]).toEqual([
      2,
      a.recency,
      a.T,
      a.meanValue,
      a.pAlive,
      a.expectedRevenue12m,
      a.clv,
    ]);
    expect(row4[col] as number).toBeCloseTo(0.7266, 3);
    const one = t.rows.find((r) => r[x] === 0)!;
    expect(one[col]).toBe("one order only");
  });

  test("a thin portfolio gets its warning on the sheet", () => {
    const small = new OrderBook();
    for (const [id, days] of [
      ["A", [0, 30]],
      ["B", [10]],
    ] as const)
      for (const d of days)
        small.add({
          accountId: id,
          date: asOf - 60 + d,
          orderId: `${id}${d}`,
          sku: "S",
          category: "C",
          quantity: 1,
          revenue: 10,
          isReturn: false,
        });
    const sheet = healthSheet(
      analyzePortfolio(small, { asOf }),
      layoutOptions({ live: true, asOf })
    );
    expect(String(at(sheet, "A5"))).toMatch(
      /^Lifetime value: Not reliable: 2 accounts and 1 repeat buyer/
    );
  });
});

describe("Dashboard", () => {
  const dash = dashboardSheet(p, layoutOptions({ live: false, currency: "USD", asOf }));

  test("value × health: the first rows of the view, worth most and least healthy first", () => {
    const t = dash.blocks.find((b) => b.table?.name === "KAP_Dashboard_ValueHealth")!;
    expect(t.rows[0]).toEqual([
      "Account ID",
      "Account",
      "Value (CLV third)",
      "CLV",
      "Next step",
      "Expected revenue 12m",
      "P(alive)",
      "Score",
      "Status",
    ]);
    expect(t.rows.slice(1).map((r) => r[0])).toEqual(
      p.dashboard.valueHealth.map((v) => v.accountId)
    );
    expect(t.rows.length - 1).toBe(20);
    expect(t.rows.slice(1).every((r) => r[2] === "High")).toBe(true);
  });

  test("value × health: each account's next step, by PRODUCT.md §2.4's win-back stages and §2.3's band actions", () => {
    const t = dash.blocks.find((b) => b.table?.name === "KAP_Dashboard_ValueHealth")!;
    const byId = new Map(p.accounts.map((a) => [a.accountId, a]));
    // days since the last order → the stage (30–44 Stage 1 … 90+ Stage 4); under 30 days the
    // band's action: Healthy "expansion", Stable "growth", At Risk "outreach", Critical "escalate"
    // (the short form: one printed line, so the 20 rows print on one page with their heading)
    const expected = (days: number, band: string): RegExp =>
      days >= 90
        ? /^Stage 4 – Recovery offer$/
        : days >= 60
          ? /^Stage 3 – Critical$/
          : days >= 45
            ? /^Stage 2 – Active concern$/
            : days >= 30
              ? /^Stage 1 – Early warning$/
              : ({
                  Healthy: /expansion/i,
                  Stable: /growth/i,
                  "At Risk": /outreach/i,
                  Critical: /escalat/i,
                }[band] ?? /^$/);
    const seen = new Set<string>();
    for (const row of t.rows.slice(1)) {
      const a = byId.get(String(row[0]))!;
      const days = a.health.inputs.daysSinceLastOrder!;
      expect(String(row[4])).toMatch(expected(days, String(row[8])));
      seen.add(String(row[4]).slice(0, 7));
    }
    // the sample's High-value accounts are not all at one stage: the column says something per row
    expect(seen.size).toBeGreaterThan(1);
    // wrapped in the wide text column E
    expect(dash.styles).toContainEqual({
      range: `E${Number(t.at.slice(1)) + 1}:E${Number(t.at.slice(1)) + 20}`,
      style: { wrap: true },
    });
  });

  test("silent churn: on CDNOW every quiet customer already has an alert, so the list says none", () => {
    // A consumer sample: nearly every customer is past the 30-day silence alert by 1997-09-30.
    expect(p.dashboard.silentChurn).toEqual([]);
    // no empty table: the heading, then the reason as a note under it
    expect(dash.blocks.some((b) => b.table?.name === "KAP_Dashboard_SilentChurn")).toBe(false);
    const k = dash.blocks.findIndex((b) => String(b.rows[0][0]).startsWith("Silent churn:"));
    expect(dash.blocks[k + 1]).toEqual({
      at: `A${Number(dash.blocks[k].at.slice(1)) + 1}`,
      rows: [["No high-revenue account looks lost without an alert."]],
      style: "note",
    });
  });

  test("silent churn rows show the account, its 24-month revenue, P(alive) and forecast", () => {
    const row = {
      key: "X1",
      accountId: "X1",
      name: "Quiet Big Ltd",
      currency: "USD",
      revenuePast24m: 5000,
      pAlive: 0.3,
      daysSinceLastOrder: 20,
      expectedRevenue12m: 400,
      clv: 380,
    };
    const sheet = dashboardSheet(
      { ...p, dashboard: { ...p.dashboard, silentChurn: [row] } },
      layoutOptions({ live: false, currency: "USD", asOf })
    );
    const t = sheet.blocks.find((b) => b.table?.name === "KAP_Dashboard_SilentChurn")!;
    // no next step for an account the portfolio does not hold (X1 is made up here)
    expect(t.rows[1]).toEqual(["X1", "Quiet Big Ltd", 5000, 0.3, "", 20, 400, 380]);
  });
});

describe("the lifetime tables' Next step, one line each", () => {
  const account = p.accounts.find(
    (a) => a.health.finalBand && !(a.winBack && a.winBack.stage > 0)
  )!;
  test("an account with a top opportunity: the offer and its yearly estimate to the cent, as every sheet writes it", () => {
    const opts = {
      ...layoutOptions({ live: false, currency: "USD", asOf }),
      topOpportunity: (key: string) =>
        key === account.key
          ? { offer: "Cable Ties", rank: 1, priority: "High" as const, annualEstimate: 1018.6 }
          : undefined,
    };
    // 1,018.60 a year, as the Whitespace Map and the Cross-Sell sheet write it (not "about $1,019")
    expect(accountNextStep(account, opts)).toBe("Offer Cable Ties, $1,018.60 a year");
  });
  test("without one: the band's action (PRODUCT.md 2.3's words)", () => {
    const opts = layoutOptions({ live: false, currency: "USD", asOf });
    const words = {
      Healthy: /expansion/i,
      Stable: /growth/i,
      "At Risk": /outreach/i,
      Critical: /escalat/i,
    };
    expect(accountNextStep(account, opts)).toMatch(words[account.health.finalBand!]);
  });
});
