/**
 * Rows of Xero's sales invoice export, for the tests on voided invoices and their credit notes
 * (test/ingest/voidedWithCreditNote*, test/cli/creditNoteBatchEdge*): credit notes written
 * positive, the Type column says which, the Status column (when there is one) says Voided.
 */

/** The export's header with its Status column. */
export const XERO_HEADER =
  "*ContactName,*InvoiceNumber,Reference,*InvoiceDate,*DueDate,InventoryItemCode,*Description,*Quantity,*UnitAmount,*AccountCode,*TaxType,Currency,Type,Status";
/** The header of an export with no Status column: only the Type says a document is voided. */
export const XERO_HEADER_NO_STATUS = XERO_HEADER.replace(/,Status$/, "");
export const INV = "Sales invoice";
export const CN = "Sales credit note";

/** One line of a document, due the day it is dated; `status` undefined: a file with no Status column. */
export function xero(
  contact: string,
  id: string,
  ref: string,
  date: string,
  sku: string,
  qty: number,
  price: string,
  type: string,
  status?: string
): string {
  const row = `${contact},${id},${ref},${date},${date},${sku},Item ${sku},${qty},${price},200,20% (VAT on Income),GBP,${type}`;
  return status === undefined ? row : `${row},${status}`;
}
