import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { edate, serialToIso } from "../../src/domain/dates";
import { parseEngagement } from "../../src/domain/health";
import {
  ACCOUNT_HEADERS,
  CATALOG_HEADERS,
  CONTACT_HEADERS,
  ENGAGEMENT_HEADERS,
  INITIATIVE_HEADERS,
  ORDER_HEADERS,
  PAYMENT_HEADERS,
  buildBenchGrid,
  generateSample,
  writeSampleWorkbook,
  type Row,
  type SampleData,
} from "./generate";
import { END } from "./fixture";

const EPOCH = Date.UTC(1899, 11, 30);
const serial = (d: Row[number]): number => Math.round(((d as Date).getTime() - EPOCH) / 86_400_000);
const isCredit = (r: Row): boolean => String(r[1]).startsWith("C");
const col = (h: (typeof ORDER_HEADERS)[number]): number => ORDER_HEADERS.indexOf(h);
const accCol = (h: (typeof ACCOUNT_HEADERS)[number]): number => ACCOUNT_HEADERS.indexOf(h);

/** Revenue of an account's lines with dates in (from, to]. */
function revenue(data: SampleData, id: string, from: number, to: number): number {
  let sum = 0;
  for (const r of data.orders.slice(1)) {
    const d = serial(r[0]);
    if (r[2] === id && d > from && d <= to) sum += r[col("Line Total")] as number;
  }
  return sum;
}

describe("generateSample: small fixtures", () => {
  const small = generateSample({ seed: 42, accounts: 12, months: 27, endDate: END });

  test("same seed gives the same data; another seed gives other data", () => {
    expect(generateSample({ seed: 42, accounts: 12, months: 27, endDate: END })).toEqual(small);
    const other = generateSample({ seed: 43, accounts: 12, months: 27, endDate: END });
    expect(other.orders).not.toEqual(small.orders);
    expect(other.accounts).not.toEqual(small.accounts);
  });

  test("headers of the four sheets are the ones the brief names", () => {
    expect(small.orders[0]).toEqual([
      "Invoice Date",
      "Invoice No",
      "Customer ID",
      "Customer",
      "SKU",
      "Description",
      "Category",
      "Qty",
      "Unit Price",
      "Line Total",
      "Ordered By",
      "Site",
    ]);
    expect(small.accounts[0]).toEqual([...ACCOUNT_HEADERS]);
    expect(small.catalog[0]).toEqual([
      "SKU",
      "Product Name",
      "Category",
      "Product Line",
      "List Price",
      "Premium Alternative",
    ]);
    expect(small.contacts[0]).toEqual([
      "Account No",
      "Name",
      "Role",
      "Influence",
      "Relationship",
      "Feeling",
    ]);
    expect(small.catalog[0]).toEqual([...CATALOG_HEADERS]);
    expect(small.contacts[0]).toEqual([...CONTACT_HEADERS]);
  });

  test("12 accounts, every one of them ordering, over 24+ months ending on the end date", () => {
    expect(small.accounts.length - 1).toBe(12);
    const ordering = new Set(small.orders.slice(1).map((r) => r[2]));
    expect(ordering.size).toBe(12);
    const dates = small.orders.slice(1).map((r) => serial(r[0]));
    // 27 months back from 31/10/2026 is 31/07/2024; 24 months back is 31/10/2024.
    expect(Math.min(...dates)).toBeLessThanOrEqual(edate(END, -24));
    expect(Math.max(...dates)).toBe(END);
    // Default size: about 9 lines per account-month = 12 × 27 × 9 = 2,916 lines.
    expect(small.orders.length - 1).toBeGreaterThan(2916 * 0.9);
    expect(small.orders.length - 1).toBeLessThan(2916 * 1.1);
  });

  test("dates are JS Dates at UTC midnight, in date order", () => {
    let prev = -Infinity;
    for (const r of small.orders.slice(1)) {
      const d = r[0];
      expect(d).toBeInstanceOf(Date);
      expect((d as Date).getTime() % 86_400_000).toBe(0);
      expect((d as Date).getTime()).toBeGreaterThanOrEqual(prev);
      prev = (d as Date).getTime();
    }
  });

  test("every story is present even at 12 accounts: churned (35/50/70/200 days), new, growing, declining, 2 on credit hold, 1 override", () => {
    expect(small.story.churned.map((c) => c.daysSilent).sort((a, b) => a - b)).toEqual([
      35, 50, 70, 200,
    ]);
    expect(small.story.newAccounts.length).toBeGreaterThanOrEqual(1);
    expect(small.story.growing.length).toBeGreaterThanOrEqual(1);
    expect(small.story.declining.length).toBeGreaterThanOrEqual(1);
    expect(small.story.creditHold).toHaveLength(2);
    expect(small.story.healthOverride).toHaveLength(1);
  });
});

describe("generateSample: a portfolio", () => {
  const data = generateSample({ seed: 20261031, accounts: 120, months: 27, endDate: END });
  const lines = data.orders.slice(1);

  test("returns are credit notes: id starting with C, negative quantity and negative line total", () => {
    const credits = lines.filter(isCredit);
    expect(credits.length).toBeGreaterThan(0);
    for (const r of credits) {
      expect(r[col("Qty")] as number).toBeLessThan(0);
      expect(r[col("Line Total")] as number).toBeLessThan(0);
    }
    // Invoices are never negative.
    expect(lines.filter((r) => !isCredit(r)).every((r) => (r[col("Qty")] as number) > 0)).toBe(
      true
    );
  });

  test("line total = quantity × unit price, to the penny", () => {
    const off = lines.filter(
      (r) =>
        Math.abs(
          (r[col("Line Total")] as number) -
            (r[col("Qty")] as number) * (r[col("Unit Price")] as number)
        ) >= 0.005
    );
    expect(off).toEqual([]);
  });

  test("churned accounts: last order exactly their silent days before the end, nothing since (returns included)", () => {
    expect(data.story.churned.length).toBeGreaterThanOrEqual(4);
    for (const c of data.story.churned) {
      expect(c.daysSilent).toBeGreaterThanOrEqual(35);
      const mine = lines.filter((r) => r[2] === c.id).map((r) => serial(r[0]));
      expect(Math.max(...mine)).toBe(END - c.daysSilent);
    }
  });

  test("new accounts' first order falls in the last 3 months (after 31/07/2026)", () => {
    expect(data.story.newAccounts.length).toBeGreaterThanOrEqual(1);
    for (const id of data.story.newAccounts) {
      const first = Math.min(...lines.filter((r) => r[2] === id).map((r) => serial(r[0])));
      expect(first).toBeGreaterThan(edate(END, -3));
      expect(first).toBeLessThanOrEqual(END);
    }
  });

  test("growing accounts sell more in the last 12 months than the 12 before; declining ones less", () => {
    const last12 = (id: string) => revenue(data, id, edate(END, -12), END);
    const prior12 = (id: string) => revenue(data, id, edate(END, -24), edate(END, -12));
    const growing = data.story.growing.filter((id) => last12(id) > prior12(id) * 1.1);
    const declining = data.story.declining.filter((id) => last12(id) < prior12(id) * 0.9);
    expect(growing.length / data.story.growing.length).toBeGreaterThanOrEqual(0.8);
    expect(declining.length / data.story.declining.length).toBeGreaterThanOrEqual(0.8);
  });

  test("every SKU ordered is in the catalog, and every premium alternative is a catalog SKU", () => {
    const skus = new Set(data.catalog.slice(1).map((r) => r[0]));
    expect(lines.every((r) => skus.has(r[col("SKU")]))).toBe(true);
    const premiums = data.catalog
      .slice(1)
      .map((r) => r[5])
      .filter((x) => x !== null);
    expect(premiums.length).toBeGreaterThanOrEqual(5);
    expect(premiums.every((p) => skus.has(p))).toBe(true);
    // The ten categories of the brief, each with more than one product line.
    const lineCount = new Map<unknown, Set<unknown>>();
    for (const r of data.catalog.slice(1))
      lineCount.set(r[2], (lineCount.get(r[2]) ?? new Set()).add(r[3]));
    expect([...lineCount.keys()].sort()).toEqual([
      "Cable Ties",
      "Consumables",
      "Electrical",
      "Fixings",
      "Hand Tools",
      "Lighting",
      "Power Tools",
      "Safety & PPE",
      "Storage",
      "Test Equipment",
    ]);
    for (const s of lineCount.values()) expect(s.size).toBeGreaterThan(1);
  });

  test("every account in the orders is in Accounts, with the same name; every parent is an account", () => {
    const names = new Map(data.accounts.slice(1).map((r) => [r[0], r[1]]));
    expect(lines.filter((r) => names.get(r[2]) !== r[3])).toEqual([]);
    const parents = data.accounts
      .slice(1)
      .map((r) => r[accCol("Parent Account")])
      .filter((p) => p !== null);
    expect(parents.length).toBeGreaterThanOrEqual(2);
    for (const p of parents) expect(names.has(p)).toBe(true);
  });

  test("accounts: tiers, five-plus industries, engagement as 1–5 or a label KAP reads, one override with a reason", () => {
    const rows = data.accounts.slice(1);
    expect(new Set(rows.map((r) => r[accCol("Tier")]))).toEqual(
      new Set(["Bronze", "Silver", "Gold", "Platinum"])
    );
    const industries = new Set(rows.map((r) => r[accCol("Industry")]));
    for (const i of [
      "Electrical Contractor",
      "Plumber",
      "General Builder",
      "Facilities Management",
      "Manufacturing",
    ])
      expect(industries.has(i)).toBe(true);
    const engagement = rows.map((r) => r[accCol("Engagement")] as string | number);
    expect(engagement.some((e) => typeof e === "number")).toBe(true);
    expect(engagement.some((e) => typeof e === "string")).toBe(true);
    for (const e of engagement) expect(parseEngagement(e)).toBeGreaterThanOrEqual(1);
    const overrides = rows.filter((r) => r[accCol("Health Override")] !== null);
    expect(overrides).toHaveLength(1);
    expect(String(overrides[0][accCol("Override Reason")]).length).toBeGreaterThan(10);
    expect(rows.filter((r) => r[accCol("Credit Hold")] === "Yes")).toHaveLength(2);
  });

  test('several "ordered by" names and sites; a multi-site customer orders from more than one site', () => {
    const buyers = new Map<unknown, Set<unknown>>();
    const sites = new Map<unknown, Set<unknown>>();
    for (const r of lines) {
      buyers.set(r[2], (buyers.get(r[2]) ?? new Set()).add(r[col("Ordered By")]));
      sites.set(r[2], (sites.get(r[2]) ?? new Set()).add(r[col("Site")]));
    }
    const multiBuyer = [...buyers.values()].filter((s) => s.size >= 2).length;
    expect(multiBuyer / buyers.size).toBeGreaterThan(0.5);
    expect([...sites.values()].some((s) => s.size >= 2)).toBe(true);
  });

  test("contacts: influence Very High/High/Medium/Low, relationship 1–5, feeling −2..+2, economic buyers among them", () => {
    const rows = data.contacts.slice(1);
    const ids = new Set(data.accounts.slice(1).map((r) => r[0]));
    expect(new Set(rows.map((r) => r[0]))).toEqual(ids);
    // influence as the decision-mapping tool writes it (issue 12); every level is used
    expect(new Set(rows.map((r) => r[3]))).toEqual(new Set(["Very High", "High", "Medium", "Low"]));
    for (const r of rows) {
      expect(ids.has(r[0])).toBe(true);
      expect(r[4] as number).toBeGreaterThanOrEqual(1);
      expect(r[4] as number).toBeLessThanOrEqual(5);
      expect(r[5] as number).toBeGreaterThanOrEqual(-2);
      expect(r[5] as number).toBeLessThanOrEqual(2);
    }
    expect(rows.some((r) => r[2] === "Economic Buyer")).toBe(true);
  });

  test("industry drives categories: more electrical contractors than plumbers buy Electrical", () => {
    const industry = new Map(data.accounts.slice(1).map((r) => [r[0], r[accCol("Industry")]]));
    const buyersOf = (cat: string, ind: string): number => {
      const all = [...industry].filter(([, i]) => i === ind).map(([id]) => id);
      const buying = new Set(
        lines
          .filter((r) => r[col("Category")] === cat && industry.get(r[2]) === ind)
          .map((r) => r[2])
      );
      return buying.size / all.length;
    };
    expect(buyersOf("Electrical", "Electrical Contractor")).toBeGreaterThan(
      buyersOf("Electrical", "Plumber") + 0.3
    );
  });

  test("seasonality: Lighting sells more in Oct–Jan than in May–Aug; August and December are quieter than September and October", () => {
    const monthOf = (r: Row) => (r[0] as Date).getUTCMonth() + 1;
    const lighting = lines.filter((r) => r[col("Category")] === "Lighting" && !isCredit(r));
    const winter = lighting.filter((r) => [10, 11, 12, 1].includes(monthOf(r))).length;
    const summer = lighting.filter((r) => [5, 6, 7, 8].includes(monthOf(r))).length;
    expect(winter).toBeGreaterThan(summer * 1.5);
    const invoices = (months: number[]) =>
      new Set(lines.filter((r) => !isCredit(r) && months.includes(monthOf(r))).map((r) => r[1]))
        .size;
    expect(invoices([8, 12])).toBeLessThan(invoices([9, 10]));
  });

  test("one account marked Lost in the Status column: a churner silent 150+ days, with a reason", () => {
    const rows = data.accounts.slice(1);
    const lost = rows.filter((r) => r[accCol("Status")] === "Lost");
    expect(lost.map((r) => r[0])).toEqual(data.story.lost);
    expect(lost).toHaveLength(1);
    const silent = data.story.churned.find((c) => c.id === lost[0][0]);
    expect(silent!.daysSilent).toBeGreaterThanOrEqual(150);
    expect(String(lost[0][accCol("Lost Reason")])).toMatch(/price/);
    expect(rows.filter((r) => r[accCol("Status")] === "Active")).toHaveLength(rows.length - 1);
  });

  test("a multi-site customer still ordering has a site silent for 90+ days (issue 12's sites)", () => {
    const last = new Map<string, Map<string, number>>();
    for (const r of lines) {
      const bySite = last.get(String(r[2])) ?? new Map<string, number>();
      bySite.set(
        String(r[col("Site")]),
        Math.max(bySite.get(String(r[col("Site")])) ?? 0, serial(r[0]))
      );
      last.set(String(r[2]), bySite);
    }
    const withSilentSite = [...last].filter(([, sites]) => {
      const days = [...sites.values()].map((d) => END - d);
      return days.some((d) => d <= 90) && days.some((d) => d > 90);
    });
    expect(withSilentSite.length).toBeGreaterThanOrEqual(3);
  });

  test("engagement log: inbound and outbound, responsive and silent accounts, responded-on after the contact", () => {
    const log = data.engagement.slice(1);
    const h = (x: (typeof ENGAGEMENT_HEADERS)[number]) => ENGAGEMENT_HEADERS.indexOf(x);
    expect(data.engagement[0]).toEqual([...ENGAGEMENT_HEADERS]);
    expect(new Set(log.map((r) => r[h("Direction")]))).toEqual(new Set(["Inbound", "Outbound"]));
    expect(new Set(log.map((r) => r[h("Type")]))).toEqual(
      new Set(["E-mail", "Call", "Visit", "Meeting"])
    );
    const ids = new Set(data.accounts.slice(1).map((r) => r[0]));
    for (const r of log) {
      expect(ids.has(r[h("Account")])).toBe(true);
      const at = (r[h("Date")] as Date).getTime();
      expect(at).toBeLessThanOrEqual(Date.UTC(2026, 9, 31, 23, 59));
      const resp = r[h("Responded On")] as Date | null;
      if (resp !== null) expect(resp.getTime()).toBeGreaterThan(at);
      if (r[h("Direction")] === "Inbound") expect(resp).toBeNull();
    }
    // every behaviour is there: median answer in hours for the proactive, most outreach unanswered for the silent
    const profiles = Object.values(data.story.engagement);
    for (const p of ["proactive", "quick", "days", "slow", "silent", "thin"])
      expect(profiles).toContain(p);
    const silent = Object.entries(data.story.engagement).find(([, p]) => p === "silent")![0];
    const out = log.filter((r) => r[h("Account")] === silent && r[h("Direction")] === "Outbound");
    expect(out.filter((r) => r[h("Responded On")] === null).length / out.length).toBeGreaterThan(
      0.5
    );
    expect(log.some((r) => /bounced|voicemail/i.test(String(r[h("Follow-up")])))).toBe(true);
  });

  test("payments ledger: one line per invoice (credit notes excluded) with due = date + terms; good and late payers, unpaid overdue", () => {
    const rows = data.payments.slice(1);
    const h = (x: (typeof PAYMENT_HEADERS)[number]) => PAYMENT_HEADERS.indexOf(x);
    const invoiceTotals = new Map<string, number>();
    for (const r of lines)
      if (!isCredit(r))
        invoiceTotals.set(
          String(r[1]),
          (invoiceTotals.get(String(r[1])) ?? 0) + (r[col("Line Total")] as number)
        );
    const terms = new Map(data.accounts.slice(1).map((r) => [r[0], r[accCol("Credit Terms")]]));
    for (const r of rows) {
      expect(r[h("Amount")]).toBeCloseTo(invoiceTotals.get(String(r[h("Invoice No")]))!, 2);
      const inv = serial(r[h("Invoice Date")]);
      expect(inv).toBeGreaterThan(edate(END, -14));
      const due = serial(r[h("Due Date")]);
      const t = String(terms.get(r[h("Account No")]));
      // worked by hand: "30 days" = date + 30; "30 days EOM" = end of the invoice month + 30; pro forma = the day
      const d = new Date((inv - 25569) * 86_400_000);
      const monthEnd = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0) / 86_400_000 + 25569;
      const expected =
        t === "Pro forma"
          ? inv
          : t === "30 days EOM"
            ? monthEnd + 30
            : inv + Number(t.split(" ")[0]);
      expect(due).toBe(expected);
      if (r[h("Paid Date")] !== null) expect(serial(r[h("Paid Date")])).toBeLessThanOrEqual(END);
    }
    expect(data.story.payers.good.length).toBeGreaterThan(10);
    expect(data.story.payers.late.length).toBeGreaterThan(5);
    expect(data.story.payers.unpaidOverdue.length).toBeGreaterThan(0);
    // an unpaid invoice of a late payer is past its due date at the end date
    const u = data.story.payers.unpaidOverdue[0];
    expect(
      rows.some(
        (r) =>
          r[h("Account No")] === u && r[h("Paid Date")] === null && serial(r[h("Due Date")]) < END
      )
    ).toBe(true);
  });

  test("initiatives: a few rows on big accounts with categories or SKUs, a £ target and dates", () => {
    const rows = data.initiatives.slice(1);
    const h = (x: (typeof INITIATIVE_HEADERS)[number]) => INITIATIVE_HEADERS.indexOf(x);
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows.length).toBeLessThanOrEqual(10);
    for (const r of rows) {
      expect(r[h("Categories")] ?? r[h("SKUs")]).not.toBeNull();
      expect(r[h("Target")] as number).toBeGreaterThan(0);
      expect(serial(r[h("Start Date")])).toBeLessThan(END);
      expect(serial(r[h("End Date")])).toBeGreaterThan(serial(r[h("Start Date")]));
    }
  });

  test("linesTarget sets the size: 5,000 lines asked, 5,000 ± 5% made", () => {
    const sized = generateSample({
      seed: 9,
      accounts: 40,
      months: 27,
      endDate: END,
      linesTarget: 5000,
    });
    expect(sized.orders.length - 1).toBeGreaterThan(4750);
    expect(sized.orders.length - 1).toBeLessThan(5250);
  });
});

describe("buildBenchGrid", () => {
  const grid = buildBenchGrid({ rows: 5000, accounts: 200, skus: 300, seed: 3, endDate: END });

  test("header row first, then exactly the rows asked for", () => {
    expect(grid[0]).toEqual([...ORDER_HEADERS]);
    expect(grid).toHaveLength(5001);
  });

  test("values as Excel hands them over: serial dates, numbers, text ids; totals add up", () => {
    const start = edate(END, -27);
    const wrong = grid.slice(1).filter((r) => {
      const [date, inv, acc, name, sku, desc, cat, qty, price, total, by, site] = r;
      const ok =
        r.length === 12 &&
        Number.isInteger(date) &&
        (date as number) > start &&
        (date as number) <= END &&
        [inv, acc, name, sku, desc, cat, by, site].every((s) => typeof s === "string") &&
        [qty, price, total].every((n) => typeof n === "number") &&
        Math.abs((total as number) - (qty as number) * (price as number)) < 0.005 &&
        (String(inv).startsWith("C") ? (qty as number) < 0 : (qty as number) > 0);
      return !ok;
    });
    expect(wrong).toEqual([]);
    expect(grid.slice(1).some((r) => String(r[1]).startsWith("C"))).toBe(true);
    expect(new Set(grid.slice(1).map((r) => r[2])).size).toBeGreaterThan(50);
  });

  test("same seed, same grid", () => {
    expect(buildBenchGrid({ rows: 5000, accounts: 200, skus: 300, seed: 3, endDate: END })).toEqual(
      grid
    );
    expect(
      buildBenchGrid({ rows: 5000, accounts: 200, skus: 300, seed: 4, endDate: END })
    ).not.toEqual(grid);
  });

  test("any size: rows + 1 rows of 12 cells, dates never past the end date", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 500 }),
        fc.integer(),
        (rows, accounts, skus, seed) => {
          const g = buildBenchGrid({ rows, accounts, skus, seed, endDate: END });
          expect(g).toHaveLength(rows + 1);
          for (const r of g.slice(1)) {
            expect(r).toHaveLength(12);
            expect(r[0] as number).toBeLessThanOrEqual(END);
          }
        }
      ),
      { numRuns: 40 }
    );
  });
});

describe("writeSampleWorkbook", () => {
  test("writes Orders as the OrderLines table, Accounts under a title, £ and dd/mm/yyyy formats, frozen headers", async () => {
    const data = generateSample({ seed: 5, accounts: 12, months: 27, endDate: END });
    const path = join(mkdtempSync(join(tmpdir(), "kap-sample-")), "sample.xlsx");
    await writeSampleWorkbook(data, path);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Orders",
      "Accounts",
      "Catalog",
      "Contacts",
      "Engagement Log",
      "Payments",
      "Initiatives",
    ]);

    const orders = wb.getWorksheet("Orders")!;
    expect(orders.getRow(1).values).toEqual([undefined, ...ORDER_HEADERS]);
    expect(orders.rowCount).toBe(data.orders.length);
    expect(Object.keys((orders as unknown as { tables: Record<string, unknown> }).tables)).toEqual([
      "OrderLines",
    ]);
    expect(orders.getCell(2, 1).value).toEqual(data.orders[1][0]);
    expect(orders.getCell(2, 1).numFmt).toBe("dd/mm/yyyy");
    expect(orders.getCell(2, 10).numFmt).toBe("£#,##0.00");
    expect(orders.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });

    const accounts = wb.getWorksheet("Accounts")!;
    expect(accounts.getCell("A1").value).toBe(`Account list — exported ${serialToIso(END)}`);
    expect(accounts.getCell("A1").value).toBe("Account list — exported 2026-10-31");
    expect(
      (accounts.getRow(2).values as unknown[]).filter(
        (v) => v !== undefined && v !== null && v !== ""
      )
    ).toEqual([]);
    expect(accounts.getRow(3).values).toEqual([undefined, ...ACCOUNT_HEADERS]);
    expect(accounts.getCell(4, 1).value).toBe(data.accounts[1][0]);
    expect(accounts.getCell(4, 11).numFmt).toBe("£#,##0.00");
    expect(accounts.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    expect(wb.getWorksheet("Catalog")!.getColumn(1).width).toBeGreaterThan(8);

    // the log and the initiatives are Excel tables (user-owned in the add-in); the ledger a plain export
    const log = wb.getWorksheet("Engagement Log")!;
    expect(log.getRow(1).values).toEqual([undefined, ...ENGAGEMENT_HEADERS]);
    expect(Object.keys((log as unknown as { tables: Record<string, unknown> }).tables)).toEqual([
      "EngagementLog",
    ]);
    expect(log.getCell(2, 1).numFmt).toBe("dd/mm/yyyy hh:mm");
    const ledger = wb.getWorksheet("Payments")!;
    expect(ledger.getRow(1).values).toEqual([undefined, ...PAYMENT_HEADERS]);
    expect(ledger.rowCount).toBe(data.payments.length);
    expect(ledger.getCell(2, 7).numFmt).toBe("£#,##0.00");
    const initiatives = wb.getWorksheet("Initiatives")!;
    expect(initiatives.getRow(1).values).toEqual([undefined, ...INITIATIVE_HEADERS]);
  });
});
