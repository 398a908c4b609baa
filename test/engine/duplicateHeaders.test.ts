/**
 * An export with two columns under one header — "Amount" gross and "Amount" net, "Date" ordered
 * and "Date" delivered (a plain range keeps duplicate headers; only Excel tables rename them).
 * PRODUCT.md §1: KAP shows its guess and lets the user change it — so each column must be a
 * choice of its own: the second is offered as "Amount (2)", and choosing it reads that column.
 */
import { ExcelDouble } from "../excel-double/excel";
import { createExcelHost } from "../../src/engine/excelHost";
import { defaultSettings } from "../../src/engine/settings";
import type { KapSettings } from "../../src/engine/contract";
import { ymdToSerial as d } from "../../src/domain/dates";
import { withUserChoices } from "../../src/ingest/mapping";
import type { ColumnMapping } from "../../src/ingest/detect";

function workbook(): ExcelDouble {
  const x = new ExcelDouble(["Orders"]);
  // A: £120 gross / £100 net; B: £240 gross / £200 net
  x.model.fill(x.sheet("Orders"), "A1", [
    ["Date", "Invoice No", "Customer ID", "SKU", "Qty", "Amount", "Date", "Amount"],
    [d(2026, 9, 1), "I1", "A", "S1", 1, 120, d(2026, 9, 30), 100],
    [d(2026, 10, 1), "I2", "B", "S1", 1, 240, d(2026, 10, 30), 200],
  ]);
  (globalThis as unknown as { Excel: unknown }).Excel = x.Excel;
  return x;
}

describe("two columns with the same header", () => {
  it("each is offered on its own, and choosing the second Amount reads it: A £100, B £200", async () => {
    workbook();
    const host = createExcelHost();
    const first = await host.discover(defaultSettings());
    const orders = first.tables.find((t) => t.role === "orders")!;
    expect(orders.headers).toEqual([
      "Date",
      "Invoice No",
      "Customer ID",
      "SKU",
      "Qty",
      "Amount",
      "Date (2)",
      "Amount (2)",
    ]);
    // KAP's guess is the first Amount, shown by the name the dropdown offers
    expect(orders.fields.find((f) => f.field === "revenue")?.header).toBe("Amount");

    const s: KapSettings = { ...defaultSettings(), mapping: { orders: { revenue: "Amount (2)" } } };
    const again = await host.discover(s);
    expect(
      again.tables.find((t) => t.role === "orders")!.fields.find((f) => f.field === "revenue")
        ?.header
    ).toBe("Amount (2)");
    const list = await host.analyze(s, () => undefined, new AbortController().signal);
    expect(Object.fromEntries(list.map((a) => [a.id, a.revenue12m]))).toEqual({ A: 100, B: 200 });
  });

  it("the reading says which header is doubled, at which columns, and which one KAP read", async () => {
    workbook();
    const host = createExcelHost();
    const warnings = async (s: KapSettings) => {
      await host.discover(s);
      await host.analyze(s, () => undefined, new AbortController().signal);
      return (await host.discover(s)).summary!.warnings;
    };
    // the guess: the first of each (A, F); columns G and H are not read
    const guessed = await warnings(defaultSettings());
    expect(guessed).toContain(
      'Columns A and G are both headed "Date": KAP read column A as the order date, and not column G. If column G holds it, rename one of the two headers (in the task pane, choose "Date (2)" in the column mapping).'
    );
    expect(guessed).toContain(
      'Columns F and H are both headed "Amount": KAP read column F as the line revenue, and not column H. If column H holds it, rename one of the two headers (in the task pane, choose "Amount (2)" in the column mapping).'
    );
    // the user's choice of the second Amount is what the reading names
    const chosen = await warnings({
      ...defaultSettings(),
      mapping: { orders: { revenue: "Amount (2)" } },
    });
    expect(chosen).toContain(
      'Columns F and H are both headed "Amount": KAP read column H as the line revenue, and not column F. If column F holds it, rename one of the two headers (in the task pane, choose "Amount" in the column mapping).'
    );
  });

  it('withUserChoices: "Amount (2)" is the second Amount; a real header "Amount (2)" wins', () => {
    const m: ColumnMapping = { fields: [] } as unknown as ColumnMapping;
    const cols = (headers: string[], header: string) =>
      withUserChoices(m, headers, { revenue: header }).fields.map((f) => f.column);
    expect(cols(["Amount", "Qty", "Amount"], "Amount (2)")).toEqual([2]);
    expect(cols(["Amount", "Qty", "Amount"], "Amount")).toEqual([0]);
    expect(cols(["Amount", "Amount (2)", "Amount"], "Amount (2)")).toEqual([1]);
    expect(cols(["Amount", "Qty"], "Amount (2)")).toEqual([]);
  });
});
