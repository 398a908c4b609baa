/**
 * SAP's billing cancellations: a document of billing type S1 cancels an invoice (F2, F1, L2 …)
 * in full. Neither is a sale nor a return: both are left out, as a voided invoice and the credit
 * note reversing it are (ingest/voidedCredits), and counted under the same rules. A cancellation
 * names the invoice it cancels in SAP, but a report (an ALV list of billing documents) rarely
 * shows that column, so it is paired with the invoice of the same customer and the same value
 * written before it (the nearest one). The pairs are found among the rows read to decide the
 * columns (ingest/plausible's sample); a cancellation with no such invoice there stays a return,
 * and the notes say so.
 */
import { type Cell } from "./grid";

/** SAP's billing type of a cancellation of an invoice. */
export const INVOICE_CANCELLATION = /^\s*s1\s*$/i;
/** Values this close are one (amounts as written, to the cent). */
const SAME_VALUE = 0.005;

/** A billing document as the sample shows it. */
interface BillingDoc {
  id: string;
  account: string;
  cancellation: boolean;
  /** its lines' values as written, summed */
  value: number;
  /** its first row's place in the sample */
  at: number;
  pairedWith?: string;
}

/** What is read of a row: its document id, billing type, customer and line value as written. */
export interface BillingRowReader {
  id: (r: readonly Cell[]) => string;
  type: (r: readonly Cell[]) => string;
  account: (r: readonly Cell[]) => string;
  value: (r: readonly Cell[]) => number | undefined;
  /** whether the billing type is a credit (G2, RE …): never the invoice a cancellation cancels */
  credit: (type: string) => boolean;
}

/** The cancellations found and the invoices they cancel, by document id; the cancellations paired with none. */
export interface BillingCancellations {
  /** cancellation id → the invoice id it cancels */
  pairs: Map<string, string>;
  unpaired: string[];
}

/** The S1 cancellations among the rows and the invoice each cancels. */
export function billingCancellations(
  rows: readonly (readonly Cell[])[],
  read: BillingRowReader
): BillingCancellations {
  const docs = new Map<string, BillingDoc>();
  rows.forEach((r, at) => {
    const id = read.id(r);
    const type = read.type(r);
    if (id === "" || type === "") return;
    const cancellation = INVOICE_CANCELLATION.test(type);
    if (!cancellation && read.credit(type)) return;
    let doc = docs.get(id);
    if (!doc) {
      doc = { id, account: read.account(r), cancellation, value: 0, at };
      docs.set(id, doc);
    }
    doc.value += read.value(r) ?? 0;
  });
  const pairs = new Map<string, string>();
  const unpaired: string[] = [];
  const all = [...docs.values()];
  for (const c of all) {
    if (!c.cancellation) continue;
    const match = (d: BillingDoc) =>
      !d.cancellation &&
      d.pairedWith === undefined &&
      d.account === c.account &&
      Math.abs(Math.abs(d.value) - Math.abs(c.value)) < SAME_VALUE;
    // the nearest invoice written before it, else (a list newest first) the nearest after it
    const before = all.filter((d) => d.at < c.at && match(d)).pop();
    const invoice = before ?? all.find((d) => d.at > c.at && match(d));
    if (!invoice) {
      unpaired.push(c.id);
      continue;
    }
    invoice.pairedWith = c.id;
    pairs.set(c.id, invoice.id);
  }
  return { pairs, unpaired };
}
