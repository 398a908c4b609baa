/**
 * The accounts table and the order lines spell one account's id differently — most often an id
 * with leading zeros: the order lines hold the text "012347", the Accounts sheet the number
 * 12347 shown as 012347 by its "000000" format (Excel drops the zeros of a typed number).
 * KAP keeps ids as written (it cannot know they are one), so the accounts' names, tiers and
 * engagement do not reach their orders and they show as never ordered — it must say so, naming
 * the ids, never leave it silent.
 */
import { ExcelDouble } from "../excel-double/excel";
import { createExcelHost } from "../../src/engine/excelHost";
import { defaultSettings } from "../../src/engine/settings";
import { ymdToSerial as d } from "../../src/domain/dates";
import { unmatchedAccountsWarning } from "../../src/ingest/nearDuplicates";

async function analyse(accountIds: (string | number)[]) {
  const x = new ExcelDouble(["Orders", "Accounts"]);
  x.model.fill(x.sheet("Orders"), "A1", [
    ["Date", "Invoice No", "Customer ID", "SKU", "Qty", "Line Total"],
    [d(2026, 9, 1), "I1", "012347", "S1", 1, 120],
    [d(2026, 10, 1), "I2", "012348", "S1", 1, 240],
  ]);
  x.model.fill(x.sheet("Accounts"), "A1", [
    ["Account No", "Account Name", "Tier", "Engagement"],
    [accountIds[0], "Acme Ltd", "Gold", 5],
    [accountIds[1], "Beta Ltd", "Silver", 1],
    ["GRP1", "Acme Group", "Gold", 4],
  ]);
  (globalThis as unknown as { Excel: unknown }).Excel = x.Excel;
  const host = createExcelHost();
  const list = await host.analyze(defaultSettings(), () => undefined, new AbortController().signal);
  const summary = (await host.discover(defaultSettings(), { reuse: true })).summary!;
  return { list, summary };
}

describe("account ids that differ between the accounts table and the order lines", () => {
  it("12347 and 12348 (numbers) beside the orders' 012347 and 012348: a warning names both pairs", async () => {
    const { summary } = await analyse([12347, 12348]);
    const w = summary.warnings.find((s) => /012347/.test(s));
    expect(w).toBeDefined();
    expect(w).toMatch(/"12347" and "012347"/);
    expect(w).toMatch(/"12348" and "012348"/);
    expect(w).toMatch(/^2 accounts/);
  });

  it("ids written alike: no warning (GRP1, a group with no orders of its own, is not flagged)", async () => {
    const { summary, list } = await analyse(["012347", "012348"]);
    expect(summary.warnings.filter((s) => /accounts table/.test(s))).toEqual([]);
    expect(list.find((a) => a.id === "012347")?.name).toBe("Acme Ltd");
  });

  it("the payments ledger's ids too: 12347 there beside 012347 in the orders and the accounts table", async () => {
    const x = new ExcelDouble(["Orders", "Accounts", "Payments"]);
    x.model.fill(x.sheet("Orders"), "A1", [
      ["Date", "Invoice No", "Customer ID", "SKU", "Qty", "Line Total"],
      [d(2026, 9, 1), "I1", "012347", "S1", 1, 120],
    ]);
    x.model.fill(x.sheet("Accounts"), "A1", [
      ["Account No", "Account Name", "Tier"],
      ["012347", "Acme Ltd", "Gold"],
    ]);
    x.model.fill(x.sheet("Payments"), "A1", [
      ["Invoice No", "Account No", "Invoice Date", "Due Date", "Paid Date", "Amount"],
      ["I1", 12347, d(2026, 9, 1), d(2026, 10, 1), d(2026, 10, 5), 120],
    ]);
    (globalThis as unknown as { Excel: unknown }).Excel = x.Excel;
    const host = createExcelHost();
    await host.analyze(defaultSettings(), () => undefined, new AbortController().signal);
    const w = (await host.discover(defaultSettings(), { reuse: true })).summary!.warnings;
    expect(w.filter((s) => /accounts table match/.test(s))).toEqual([]);
    expect(w.find((s) => /payments ledger/.test(s))).toMatch(
      /^1 account in the payments ledger .*"12347" and "012347".*Payment/
    );
  });

  it("case and spaces count too; an order id already in the table is not offered twice", () => {
    expect(unmatchedAccountsWarning(["C0001", "C0002"], ["c0001", "C0002", "C0003"])).toMatch(
      /^1 account .*"c0001" and "C0001"/
    );
    expect(unmatchedAccountsWarning(["12347", "012347"], ["12347"])).toBeUndefined();
  });
});
