/**
 * Shopify's orders export writes the order-level cells (Currency, Financial Status, totals) on
 * an order's first line only: its later lines leave them blank. A skipped order's later lines
 * are in the order's currency, as a taken order's are. Before: a voided USD order's later lines
 * and a pending CAD order's were "(no currency)" ("$100.00, 33.00 (no currency) and C$18.00";
 * under "XXX" in --json), and CAD was written "C$" beside USD's "$" where the summary says "CAD".
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildCli, kap } from "./kapProcess";

jest.setTimeout(120_000);

beforeAll(() => {
  buildCli();
});

const dir = mkdtempSync(join(tmpdir(), "kap-shopify-later-lines-"));

const HEADER =
  "Name,Email,Financial Status,Paid at,Fulfillment Status,Currency,Subtotal,Shipping,Taxes,Total,Discount Amount,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Billing Name,Cancelled at,Refunded Amount,Lineitem discount";

/** An order's lines: the order-level cells on the first line only, as Shopify writes them. */
function order(
  name: string,
  email: string,
  status: string,
  currency: string,
  day: string,
  lines: [number, string, number][]
): string[] {
  const at = `2026-10-${day} 10:00:00 -0500`;
  const subtotal = lines.reduce((s, [q, , p]) => s + q * p, 0).toFixed(2);
  const cancelled = status === "voided" ? at : "";
  const refunded = status === "refunded" ? subtotal : "0.00";
  return lines.map(([q, item, price], i) =>
    i === 0
      ? `${name},${email},${status},${status === "pending" ? "" : at},fulfilled,${currency},${subtotal},0.00,0.00,${subtotal},0.00,${at},${q},${item},${price.toFixed(2)},${item},${email},${cancelled},${refunded},0.00`
      : `${name},${email},,,,,,,,,,${at},${q},${item},${price.toFixed(2)},${item},,,,0.00`
  );
}

const CSV = [
  HEADER,
  // taken: USD 2 × 10.00 + 1 × 5.00 = 25.00; CAD 3 × 4.00 + 2 × 6.00 = 24.00
  ...order("#1001", "ann@a.example", "paid", "USD", "01", [
    [2, "TIE", 10],
    [1, "GLOVE", 5],
  ]),
  ...order("#1002", "bob@b.example", "paid", "CAD", "02", [
    [3, "TIE", 4],
    [2, "GLOVE", 6],
  ]),
  // voided USD: 2 × 50.00 + 1 × 20.00 + 4 × 2.50 = 130.00 (rows 6-8)
  ...order("#1003", "ann@a.example", "voided", "USD", "03", [
    [2, "LAMP", 50],
    [1, "TIE", 20],
    [4, "GLOVE", 2.5],
  ]),
  // pending CAD: 1 × 40.00 + 3 × 7.00 = 61.00 (rows 9-10)
  ...order("#1004", "bob@b.example", "pending", "CAD", "04", [
    [1, "LAMP", 40],
    [3, "TIE", 7],
  ]),
  // refunded CAD: 2 × 9.00 + 1 × 3.00 = 21.00 (rows 11-12)
  ...order("#1005", "bob@b.example", "refunded", "CAD", "05", [
    [2, "LAMP", 9],
    [1, "TIE", 3],
  ]),
].join("\n");

test("a skipped order's later lines are in its currency: $130.00 and CAD 21.00 cancelled, CAD 61.00 pending", () => {
  const path = join(dir, "orders_export.csv");
  writeFileSync(path, CSV + "\n");
  const text = kap("analyze", path, "--as-of", "2026-10-31");
  expect(text.status).toBe(0);
  expect(text.stdout).toContain("Currency: USD, CAD");
  // voided #1003 (USD 130.00, 3 lines) and refunded #1005 (CAD 21.00, 2 lines): 2 orders of 5
  // lines; pending #1004 (CAD 61.00): 1 order of 2 lines
  expect(text.stdout).toContain(
    "7 rows were skipped: 2 cancelled, voided, refunded or draft orders (5 lines: rows 6, 7, 8, 11, 12; $130.00 and CAD 21.00 not counted as sales); 1 not yet paid (pending or on-hold) order (2 lines: rows 9, 10; CAD 61.00 not counted as sales)."
  );
  expect(text.stdout).not.toContain("no currency");
  const json = kap("analyze", path, "--as-of", "2026-10-31", "--json");
  expect(json.status).toBe(0);
  const ingest = JSON.parse(json.stdout).ingest;
  // the taken orders' later lines are in their order's currency too
  expect(ingest.revenueByCurrency).toEqual({ USD: 25, CAD: 24 });
  expect(ingest.skipped).toEqual([
    {
      rule: "cancelled, voided, refunded or draft order",
      rows: 5,
      // #1003 and #1005
      orders: 2,
      revenue: null,
      share: null,
      revenueByCurrency: { USD: 130, CAD: 21 },
    },
    {
      rule: "not yet paid (pending or on-hold) order",
      rows: 2,
      // #1004
      orders: 1,
      revenue: null,
      share: null,
      revenueByCurrency: { CAD: 61 },
    },
  ]);
});

test("--culture de-DE reaches the skipped rows' money, codes too: '130,00 $ and 21,00 CAD' (was '130,00 $ and CAD 21.00')", () => {
  const path = join(dir, "orders_export_de.csv");
  writeFileSync(path, CSV + "\n");
  const text = kap("analyze", path, "--as-of", "2026-10-31", "--culture", "de-DE");
  expect(text.status).toBe(0);
  // the same figures as above, written the German way: the decimal comma, the symbol or code
  // after the figure with a no-break space (Intl's de-DE), the words English
  expect(text.stdout).toContain(
    "7 rows were skipped: 2 cancelled, voided, refunded or draft orders (5 lines: rows 6, 7, 8, 11, 12; 130,00\u00a0$ and 21,00\u00a0CAD not counted as sales); 1 not yet paid (pending or on-hold) order (2 lines: rows 9, 10; 61,00\u00a0CAD not counted as sales)."
  );
});
