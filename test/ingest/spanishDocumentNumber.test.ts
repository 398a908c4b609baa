/**
 * A Spanish export whose invoice number is headed by the bare word ("Fecha;Factura;Cliente;…"),
 * as Italian "Fattura", French "Facture" and German "Faktura" are read: the number was not
 * found, so two invoices of one customer on one day were one order. Worked by hand from
 * test/fixtures/exports/spanish-factura-bare.csv, as of 2026-02-12:
 *   Ferretería López: F-0001 (05/01, 15,00), F-0004 (05/01, 10,00), F-0002 (10/02, 6,00)
 *     → 3 orders (was 2: the two of 05/01 as one), 31,00, average order 31 / 3 = 10,33
 *   Suministros Ruiz: F-0003 (12/02, 6,00) → 1 order
 */
import { join } from "node:path";
import { matchFields } from "../../src/ingest/detect";
import { ORDER_FIELDS } from "../../src/ingest/fields";
import { analyzeFile } from "./fileAnalysis";

const fieldsOf = (headers: string[]): Record<string, string> =>
  Object.fromEntries(matchFields(headers, ORDER_FIELDS).map((m) => [m.field, m.header]));

test("the bare 'Factura', 'Pedido' or 'Albarán' header is the document number", () => {
  for (const id of ["Factura", "Pedido", "Albarán", "Nº albarán"])
    expect(fieldsOf(["Fecha", id, "Cliente", "Artículo", "Cantidad", "Importe"]).orderId).toBe(id);
});

test("'Fecha factura', 'Importe factura', 'Serie factura' and 'Estado factura' are not the number", () => {
  const f = fieldsOf([
    "Fecha factura",
    "Serie factura",
    "Nº factura",
    "Estado factura",
    "Cliente",
    "Artículo",
    "Cantidad",
    "Importe factura",
  ]);
  expect(f.orderId).toBe("Nº factura");
  expect(f.date).toBe("Fecha factura");
});

test("two invoices of one customer on one day are two orders", async () => {
  const { orders, revenue, p } = await analyzeFile(
    join(__dirname, "../fixtures/exports/spanish-factura-bare.csv"),
    "2026-02-12"
  );
  expect(orders).toEqual({ "Ferretería López": 3, "Suministros Ruiz": 1 });
  expect(revenue).toEqual({ "Ferretería López": 31, "Suministros Ruiz": 6 });
  const lopez = p.accounts.find((a) => a.accountId === "Ferretería López")!;
  expect(lopez.averageOrderValueLast12).toBeCloseTo(10.33, 2);
});
