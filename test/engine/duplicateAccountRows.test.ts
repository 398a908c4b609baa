/**
 * One account id on two rows of the accounts table with different details (a renamed customer
 * added again instead of edited): KAP reads one row per account. It must read the first row,
 * as Excel's lookups do, and say which rows it left out — never keep whichever came last
 * without a word.
 */
import { ExcelDouble } from "../excel-double/excel";
import { createExcelHost } from "../../src/engine/excelHost";
import { defaultSettings } from "../../src/engine/settings";
import { ymdToSerial as d } from "../../src/domain/dates";
import { firstRowPerAccount } from "../../src/ingest/duplicateAccounts";

async function analyse(accountRows: (string | number)[][]) {
  const x = new ExcelDouble(["Orders", "Accounts"]);
  x.model.fill(x.sheet("Orders"), "A1", [
    ["Date", "Invoice No", "Customer ID", "SKU", "Category", "Qty", "Line Total"],
    [d(2026, 10, 15), "I1", "A500", "FX-1", "Fixings", 200, 100],
    [d(2026, 10, 20), "I2", "A700", "FX-1", "Fixings", 10, 5],
  ]);
  x.model.fill(x.sheet("Accounts"), "A1", [
    ["Account No", "Account Name", "Tier", "Engagement"],
    ...accountRows,
  ]);
  (globalThis as unknown as { Excel: unknown }).Excel = x.Excel;
  const host = createExcelHost();
  const settings = { ...defaultSettings(), asOf: "2026-10-31" };
  const list = await host.analyze(settings, () => undefined, new AbortController().signal);
  const summary = (await host.discover(settings, { reuse: true })).summary!;
  return { list, warnings: summary.warnings };
}

describe("an account id on more than one row of the accounts table", () => {
  it("reads the first row (Quay Builders, engagement 3) and names the rows and both names", async () => {
    const { list, warnings } = await analyse([
      ["A500", "Quay Builders", "Bronze", 3],
      ["A500", "Quayside Builders Ltd", "Silver", 5],
      ["A700", "Seven Ltd", "Gold", 4],
    ]);
    const a500 = list.find((a) => a.id === "A500")!;
    expect(a500.name).toBe("Quay Builders");
    // As of 31/10/2026: last order 15/10 → 16 days → Recency 3; first order inside both later
    // periods → Frequency and Revenue n/a; one category, one product → Diversity 1; Engagement 3
    // (row 2, not row 3's 5); no payment data. (0.25·3 + 0.15·1 + 0.10·3) / 0.50 = 1.20 / 0.50 = 2.40
    expect(a500.score).toBe(2.4);
    const w = warnings.filter((s) => /A500/.test(s));
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(/rows 2 and 3/);
    expect(w[0]).toMatch(/Quay Builders/);
    expect(w[0]).toMatch(/Quayside Builders Ltd/);
    expect(w[0]).toMatch(/first/);
  });

  it("says nothing of a row repeated exactly (nothing differs, nothing is lost)", async () => {
    const { list, warnings } = await analyse([
      ["A500", "Quay Builders", "Bronze", 3],
      ["A500", "Quay Builders", "Bronze", 3],
    ]);
    expect(list.find((a) => a.id === "A500")!.score).toBe(2.4);
    expect(warnings.filter((s) => /A500/.test(s))).toEqual([]);
  });
});

describe("firstRowPerAccount", () => {
  it("names up to three ids, what differs where the names agree, and how many more", () => {
    const rows = [
      { accountId: "A1", name: "One", tier: "Gold" as const, row: 2 },
      { accountId: "A1", name: "One", tier: "Silver" as const, engagement: 4, row: 3 },
      { accountId: "A2", name: "Two", row: 4 },
      { accountId: "A2", name: "Two Ltd", row: 5 },
      { accountId: "A2", name: "Two plc", row: 9 },
      { accountId: "A3", name: "Three", row: 6 },
      { accountId: "A3", name: "Three", email: "x@y", row: 7 },
      { accountId: "A4", row: 8 },
      { accountId: "A4", phone: "01", row: 10 },
      { accountId: "A5", name: "Five", row: 11 },
    ];
    const { records, note } = firstRowPerAccount(rows);
    expect(records.map((r) => r.row)).toEqual([2, 4, 6, 8, 11]);
    expect(note).toBe(
      "Accounts: 4 account ids are on more than one row, and the rows differ (A1 on rows 2 and 3 (tier, engagement differ); A2 on rows 4, 5 and 9 (Two; Two Ltd; Two plc); A3 on rows 6 and 7 (email differs); and 1 more): KAP reads each id's first row and leaves the others out. Keep one row per account, and analyse again."
    );
  });
});
