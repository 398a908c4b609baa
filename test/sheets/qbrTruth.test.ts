/**
 * One truth per workbook (issue 15): a written QBR is read back with ExcelJS and every figure
 * that repeats (cover, partnership, quarter at a glance, insights, agenda, e-mail) is checked
 * against the others and against sums worked out here straight from the generated order lines
 * (not through KAP's engine). And one ranked opportunity list: Breakdown, Cross-Sell, the plan
 * and the QBR show the same items in the same order with the same priority.
 */
import { join } from "node:path";
import ExcelJS from "exceljs";
import { edate, ymdToSerial } from "../../src/domain/dates";
import { KapEngine, loadGrids } from "../../src/engine/engine";
import { completeSettings } from "../../src/engine/settings";
import { readWorkbookFile } from "../../src/cli/workbookFile";
import type { SheetSpec } from "../../src/sheets/spec";
import { writeXlsxFile } from "../../src/xlsx/writeFile";
import { smallWorkbook } from "../sample/fixture";
import { ACCOUNT_HEADERS, ORDER_HEADERS } from "../sample/generate";

const EPOCH = Date.UTC(1899, 11, 30);
const serial = (x: unknown) => Math.round(((x as Date).getTime() - EPOCH) / 86_400_000);
const oc = (h: (typeof ORDER_HEADERS)[number]) => ORDER_HEADERS.indexOf(h);
const ac = (h: (typeof ACCOUNT_HEADERS)[number]) => ACCOUNT_HEADERS.indexOf(h);

let wb: Awaited<ReturnType<typeof smallWorkbook>>;
let engine: KapEngine;
let accountId: string;
let ids: Set<string>;
beforeAll(async () => {
  wb = await smallWorkbook(16, 11);
  const { grids, culture } = await readWorkbookFile(wb.path);
  engine = new KapEngine();
  const settings = completeSettings({ asOf: "2026-10-31" });
  await loadGrids(engine, grids, settings, { culture });
  engine.analyze(settings);
  // A parent with sites if the sample has one (its figures include theirs), else the biggest account.
  const accounts = wb.data.accounts.slice(1);
  const parent = accounts.find((a) =>
    accounts.some((c) => c[ac("Parent Account")] === a[ac("Account No")])
  );
  accountId = String((parent ?? accounts[0])[ac("Account No")]);
  ids = new Set([
    accountId,
    ...accounts
      .filter((c) => c[ac("Parent Account")] === accountId)
      .map((c) => String(c[ac("Account No")])),
  ]);
}, 60_000);

/** Orders (distinct invoices of purchases, per customer) and net revenue of the account's lines in (from, to]. */
function fromLines(from: number, to: number): { orders: number; orderValue: number; net: number } {
  const invoices = new Set<string>();
  let orderValue = 0;
  let net = 0;
  for (const l of wb.data.orders.slice(1)) {
    const id = String(l[oc("Customer ID")]);
    if (!ids.has(id)) continue;
    const dt = serial(l[oc("Invoice Date")]);
    if (dt <= from || dt > to) continue;
    const v = l[oc("Line Total")] as number;
    net += v;
    if (v >= 0 && (l[oc("Qty")] as number) >= 0) {
      invoices.add(`${id}|${l[oc("Invoice No")]}`);
      orderValue += v;
    }
  }
  return { orders: invoices.size, orderValue, net };
}

/** Label (column A) → value (column B) of a sheet, and every text in it. */
function read(ws: ExcelJS.Worksheet): {
  byLabel: Map<string, ExcelJS.CellValue[]>;
  texts: string[];
} {
  const byLabel = new Map<string, ExcelJS.CellValue[]>();
  const texts: string[] = [];
  ws.eachRow((row) => {
    const vals = (row.values as ExcelJS.CellValue[]).slice(1);
    for (const v of vals) if (typeof v === "string") texts.push(v);
    if (typeof vals[0] === "string") byLabel.set(vals[0], vals.slice(1));
  });
  return { byLabel, texts };
}

const money = (text: string, re: RegExp): number => Number(re.exec(text)![1].replace(/,/g, ""));

test("every repeated QBR figure agrees with the others and with the order lines", async () => {
  const specs = engine.sheets("qbr", { accountKey: accountId, quarter: "2026Q3", live: false });
  const file = join(wb.dir, "qbr-truth.xlsx");
  await writeXlsxFile(file, specs);
  const x = new ExcelJS.Workbook();
  await x.xlsx.readFile(file);
  const sheet = (name: string) => read(x.getWorksheet(name)!);

  // FY2026 Q3 = (30/06/2026, 30/09/2026]; the 12 months run to the quarter's last day.
  const qEnd = ymdToSerial(2026, 9, 30);
  const q = fromLines(edate(qEnd, -3), qEnd);
  const y = fromLines(edate(qEnd, -12), qEnd);
  expect(q.orders).toBeGreaterThan(0);
  const Y = "12 months to 30/09/2026";

  const cover = sheet("Cover").byLabel;
  expect(cover.get("Orders, FY2026 Q3")![0]).toBe(q.orders);
  expect(cover.get("Spend after returns, FY2026 Q3")![0]).toBeCloseTo(q.net, 2);
  expect(cover.get(`Orders, ${Y}`)![0]).toBe(y.orders);
  expect(cover.get(`Spend after returns, ${Y}`)![0]).toBeCloseTo(y.net, 2);

  const partnership = sheet("Partnership").byLabel;
  expect(partnership.get(`Orders, ${Y}`)![0]).toBe(y.orders);
  expect(partnership.get(`Spend after returns, ${Y}`)![0]).toBeCloseTo(y.net, 2);
  // the monthly series covers the same 12 months: its total is the 12-month spend
  expect(partnership.get("Total")![0]).toBeCloseTo(y.net, 2);
  // the health score grades the customer: on the internal sheet only, the account's own score
  const prep = sheet("Preparation (internal)").byLabel;
  expect(prep.get("Health score (1–5), as of 31/10/2026")![0]).toBe(
    engine.account(accountId)!.health.score
  );
  for (const page of [cover, partnership])
    expect([...page.keys()].filter((k) => /score/i.test(k))).toEqual([]);

  const glance = sheet("Quarter at a glance").byLabel;
  const thisQ = glance.get("This quarter, FY2026 Q3 (Jul–Sep 2026)")!;
  expect(thisQ[0]).toBe(q.orders);
  expect(thisQ[1]).toBeCloseTo(q.orderValue, 2);
  expect(thisQ[4]).toBeCloseTo(q.net, 2);
  // the category split is the quarter's: it adds up to the quarter's net revenue
  expect(glance.get("Total (spend after returns)")![0]).toBeCloseTo(q.net, 2);

  const insights = sheet("Insights & offers").byLabel;
  expect(insights.get(`Spend after returns, ${Y}`)![0]).toBeCloseTo(y.net, 2);
  expect(insights.get(`Orders, ${Y}`)![0]).toBe(y.orders);

  // the prose quotes money as the tables show it: to the penny (the sample's revenue format has pence)
  const pence = (v: number) =>
    v.toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const email = sheet("Follow-up e-mail").texts.join("\n");
  expect(
    money(
      email,
      /In FY2026 Q3 \(Jul–Sep 2026\) you placed \d+ orders, spend after returns £([\d,.]+)/
    )
  ).toBeCloseTo(q.net, 2);
  expect(Number(/you placed (\d+) orders/.exec(email)![1])).toBe(q.orders);
  expect(email).toContain(
    `Over the ${Y}: ${y.orders} orders, £${pence(y.net)} in total after returns`
  );
  const agenda = sheet("Agenda").texts.join("\n");
  expect(agenda).toContain(`Spend after returns £${pence(q.net)} in FY2026 Q3`);
  expect(agenda).toContain(`£${pence(y.net)} over the ${Y}`);

  // Every 12-month figure names its end date; none says "last 12 months" without one.
  for (const name of [
    "Cover",
    "Partnership",
    "Quarter at a glance",
    "Insights & offers",
    "Follow-up e-mail",
    "Agenda",
  ]) {
    for (const t of sheet(name).texts) {
      expect(t).not.toMatch(/last 12 months|12 months(?! to \d\d\/\d\d\/\d{4})/i);
      expect(t).not.toMatch(/this quarter(?!,? ?FY| \()/i);
    }
  }
}, 60_000);

/** The data rows under the header row whose first cell is `first`, up to the first empty row. */
function tableAfter(spec: SheetSpec, first: string): unknown[][] {
  const rows = new Map<number, unknown[]>();
  for (const b of spec.blocks) {
    const m = /^([A-Z]+)(\d+)$/.exec(b.at)!;
    if (m[1] !== "A") continue;
    b.rows.forEach((r, i) => rows.set(Number(m[2]) + i, r));
  }
  const head = [...rows].find(([, r]) => r[0] === first)![0];
  const out: unknown[][] = [];
  for (let k = head + 1; rows.has(k) && rows.get(k)![0] !== null && rows.get(k)![0] !== ""; k++)
    out.push(rows.get(k)!);
  // a table running onto another printed page repeats its header there (e893eb0): not a row
  return out.filter((r) => r[0] !== first && r.length > 1);
}

test("Breakdown, Cross-Sell, the plan and the QBR share one ranked opportunity list", () => {
  const d = engine.detail(accountId);
  expect(d.opportunities.length).toBeGreaterThan(0);
  const [breakdown] = engine.sheets("breakdown", { accountKey: accountId, live: false });
  const [cross] = engine.sheets("crossSell", { accountKey: accountId, live: false });
  const [plan] = engine.sheets("plan", { accountKey: accountId, live: false });
  const qbr = engine.sheets("qbr", { accountKey: accountId, quarter: "2026Q3", live: false });
  const b = tableAfter(breakdown, "Rank").map((r) => [r[1], r[2]]);
  const c = tableAfter(cross, "Rank").map((r) => [r[1], r[2]]);
  expect(b).toEqual(c);
  // the same entries on every sheet; a product line's gap is named to the customer by the
  // variants it misses (the account buys the line already), two or three by name, more as the
  // rest of the range
  const toCustomer = (o: (typeof d.opportunities)[number]): string => {
    if (o.kind !== "range" || !o.lineGap) return o.offer;
    const missing = o.lineGap.variants.filter((v) => !v.bought && !v.lapsed).map((v) => v.name);
    // opening a cell or a numbered item, the phrase starts with a capital
    return missing.length > 3 ? `The rest of the ${o.offer} range` : missing.join("; ");
  };
  const expected = d.opportunities.map((o) => [toCustomer(o), o.priority]);
  expect(b.slice(0, expected.length)).toEqual(expected);
  const recommended = expected.filter(([, p]) => p !== "Low");
  const insights = qbr.find((s) => s.kind === "qbr-insights")!;
  const recs = tableAfter(insights, "Recommendation").map((r) => [
    String(r[0]).replace(/^\d+\. /, ""),
    r[1],
  ]);
  const recommendedNames = d.opportunities
    .filter((o) => o.priority !== "Low")
    .map((o) => [toCustomer(o), o.priority]);
  expect(recommendedNames.length).toBe(recommended.length);
  expect(recs).toEqual(recommendedNames.slice(0, 5));
  // what each is worth a year: the same list's estimates, on the internal sheet (not the customer's page)
  const prep = qbr.find((s) => s.kind === "qbr-prep")!;
  const estimates = tableAfter(prep, "Recommendation (Insights page)").filter((r) =>
    /^\d+\. /.test(String(r[0]))
  );
  expect(estimates.map((r) => [String(r[0]).replace(/^\d+\. /, ""), r[2]])).toEqual(
    d.opportunities
      .filter((o) => o.priority !== "Low")
      .slice(0, 5)
      .map((o) => [toCustomer(o), o.annualEstimate ?? "none"])
  );
  // one initiative each, named by its kind: a category to introduce, a product line's range to
  // complete, a product to upgrade to its premium alternative
  const initiatives = tableAfter(plan, "Initiative")
    .filter((r) => String(r[3]).startsWith("opportunity"))
    .map((r) => String(r[0]));
  expect(initiatives).toEqual(
    d.opportunities
      .filter((o) => o.priority !== "Low")
      .slice(0, 3)
      .map((o) =>
        o.kind === "range"
          ? `Complete the ${o.offer} range`
          : o.kind === "upsell"
            ? `Upgrade ${o.upsell!.currentName}`
            : `Introduce ${o.offer}`
      )
  );
  // computed once per analysis: the same object every time
  expect(engine.detail(accountId)).toBe(d);
});
