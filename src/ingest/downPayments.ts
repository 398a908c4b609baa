/**
 * Down-payment invoices: Odoo invoices a down payment alone ("Down payment of 30%", 120.00),
 * then the goods on the final invoice, which takes the down payment off again ("Down Payment
 * (ref: INV/2026/00010 on 09/01/2026)", −120.00). An order is a purchase (PRODUCT.md §1: the
 * lines of one order or invoice; order counts feed frequency, health and the CLV model): the
 * down payment is part of the purchase its final invoice completes, not a purchase of its own.
 * So a down-payment-only invoice's lines are held and, when the same customer's final invoice
 * takes a down payment off, handed over as lines of that final invoice, on its date: one order,
 * worth the goods (120.00 + 240.00 + 160.00 − 120.00 = 400.00), dated when it was invoiced whole.
 * The final invoice takes off the down payment it names, else its customer's first one held. A
 * down-payment invoice no final invoice in the file takes off (the purchase still under way)
 * stays an order of its own, handed over at the end of the lines. Past HELD_KEPT lines held, a
 * down-payment invoice is an order of its own: where a final invoice then takes one off and
 * finds none held, the warning says so, naming the bound.
 */
import { serviceKind } from "../domain/serviceLines";
import type { OrderLine } from "../domain/types";

/** Down-payment lines held at most (a bound on memory; past it they are orders of their own, and the warning says so). */
export const HELD_KEPT = 10_000;
/**
 * The first word of a down payment's description, or of its taking off on the final invoice
 * ("abzüglich Anzahlung …", "Less down payment"; domain/serviceLines): a cheap test before serviceKind.
 */
const DOWN_PAYMENT_WORD =
  /^\s*(?:(?:abz\S*|verrechn\S*|minus|less|deduct\S*|d[ée]duction|moins|af|menos|meno)\s+(?:\S+\s+){0,2})?(?:down|deposit|anzahlung|abschlag|acompte|aanbetaling|anticipo)/i;
/**
 * A down-payment invoice by its document type: weclapp's and Lexware's "Anzahlungsrechnung" (and
 * "Abschlagsrechnung", a progress invoice the final one takes off too), "Down payment invoice",
 * "Deposit invoice", "Facture d'acompte", "Voorschotfactuur", "Fattura d'acconto": all its lines
 * are the down payment, whatever they say.
 */
const DOWN_PAYMENT_DOC =
  /^\s*(?:(?:anzahlungs|abschlags|vorauszahlungs)rechnung|(?:down[\s-]*payment|deposit|advance)\s+invoice|facture\s+d['’]\s*acompte|(?:voorschot|aanbetalings)factuur|fattura\s+(?:di\s+|d['’]\s*)?(?:acconto|anticipo)|factura\s+de\s+anticipo)\s*$/i;
/** The final invoice of a purchase invoiced in part ahead ("Schlussrechnung", "Final invoice", "Facture de solde"): an invoice. */
const FINAL_INVOICE_DOC =
  /^\s*(?:(?:schluss|end|rest)rechnung|final\s+invoice|facture\s+(?:de\s+solde|finale)|eindfactuur|fattura\s+(?:di\s+)?saldo|factura\s+final)\s*$/i;

/** Whether a document type is a down-payment invoice or the final invoice taking it off: types KAP knows. */
export function isDownPaymentDocType(docType: string): boolean {
  return DOWN_PAYMENT_DOC.test(docType) || FINAL_INVOICE_DOC.test(docType);
}

/** Whether a document type is a down-payment invoice: its lines are the down payment. */
export function isDownPaymentInvoice(docType: string): boolean {
  return docType !== "" && DOWN_PAYMENT_DOC.test(docType);
}

/**
 * Whether a text may start with DOWN_PAYMENT_WORD: its first character an a, d, l, m or v of
 * either case (a down payment's word, or "less", "minus", "Verrechnung" taking it off), a space
 * or any character past ASCII (a no-break space). Every line is asked; almost none starts
 * so, and then the pattern is spared.
 */
function mayStartDownPayment(t: string): boolean {
  const c = t.charCodeAt(0);
  if (c <= 32 || c > 127) return true;
  const lower = c | 32;
  return lower === 97 || lower === 100 || lower === 108 || lower === 109 || lower === 118;
}

/** Whether a line is a down payment (its product code or description says so). */
export function isDownPayment(sku: string, description: string | undefined): boolean {
  if (!mayStartDownPayment(sku) && !(description && mayStartDownPayment(description))) return false;
  if (!DOWN_PAYMENT_WORD.test(sku) && !(description && DOWN_PAYMENT_WORD.test(description)))
    return false;
  return serviceKind(sku, description) === "down payment";
}

interface HeldInvoice {
  id: string;
  account: string;
  lines: OrderLine[];
}

export class DownPayments {
  /** down-payment-only invoices held, by order id, in the order read */
  private readonly held = new Map<string, HeldInvoice>();
  private heldLines = 0;
  /** the invoice whose lines are being held as they are read ("": none) */
  private current = "";
  /** down-payment invoices not held for want of room (past HELD_KEPT), the first one's id */
  private pastHeld = 0;
  private firstPastHeld = "";
  /** final invoices taking a down payment off that found none held, once one was not held */
  private missedTakeOffs = 0;
  /** down-payment invoices joined to the final invoice taking them off, and the first pair */
  private joined = 0;
  private firstJoined = "";

  /**
   * Whether the sale line (`line`, copied when held) is held: the first line of an order that is
   * a down payment, or a later down-payment line of the order held. A line of the held order that
   * is no down payment makes it a purchase: its lines held so far are handed to `accept`, as read.
   */
  hold(
    line: OrderLine,
    id: string,
    sameOrder: boolean,
    downPayment: boolean,
    accept: (line: OrderLine) => void
  ): boolean {
    if (sameOrder && id === this.current) {
      const h = this.held.get(id)!;
      if (downPayment) return this.keep(h, line);
      this.current = "";
      this.held.delete(id);
      this.heldLines -= h.lines.length;
      for (const l of h.lines) accept(l);
      return false;
    }
    if (sameOrder) return false;
    this.current = "";
    if (!downPayment || id === "" || this.held.has(id)) return false;
    if (this.heldLines >= HELD_KEPT) {
      if (this.pastHeld++ === 0) this.firstPastHeld = id;
      return false;
    }
    this.current = id;
    const h: HeldInvoice = { id, account: line.accountId, lines: [] };
    this.held.set(id, h);
    return this.keep(h, line);
  }

  /** Whether any down-payment invoice is held, or was not for want of room (a final invoice's deduction then looks for one). */
  get holding(): boolean {
    return this.held.size !== 0 || this.pastHeld !== 0;
  }

  /**
   * A final invoice's line taking a down payment off (`line`, its description `label`): the
   * down-payment invoice of its customer it names, else the customer's first held, is handed to
   * `accept` as lines of the final invoice, on its date.
   */
  takeOff(line: OrderLine, label: string, accept: (line: OrderLine) => void): void {
    let found: HeldInvoice | undefined;
    for (const h of this.held.values()) {
      if (h.account !== line.accountId || h.id === line.orderId) continue;
      if (label.includes(h.id)) {
        found = h;
        break;
      }
      found ??= h;
    }
    if (!found) {
      if (this.pastHeld !== 0) this.missedTakeOffs++;
      return;
    }
    this.held.delete(found.id);
    this.heldLines -= found.lines.length;
    if (this.current === found.id) this.current = "";
    if (this.joined++ === 0) this.firstJoined = `${found.id} with ${line.orderId}`;
    for (const l of found.lines) {
      l.orderId = line.orderId;
      l.date = line.date;
      accept(l);
    }
  }

  /** The end of the lines: the down-payment invoices no final invoice took off, as read. */
  settle(accept: (line: OrderLine) => void): void {
    for (const h of this.held.values()) for (const l of h.lines) accept(l);
    this.held.clear();
    this.heldLines = 0;
    this.current = "";
  }

  /** What the user is told of the down-payment invoices read as part of their final invoice, if any. */
  note(count: (n: number) => string): string | undefined {
    const n = this.joined;
    if (n === 0) return undefined;
    return n === 1
      ? `1 down-payment invoice is read as part of the final invoice that takes it off (${this.firstJoined}): one purchase, so one order, dated by the final invoice; the down payment counts once, since the final invoice takes it off again.`
      : `${count(n)} down-payment invoices are read as part of the final invoices that take them off (such as ${this.firstJoined}): each purchase one order, dated by its final invoice; each down payment counts once, since its final invoice takes it off again.`;
  }

  /** The warning when down-payment invoices past HELD_KEPT stayed orders of their own beside a final invoice taking one off. */
  warning(count: (n: number) => string): string | undefined {
    if (this.missedTakeOffs === 0) return undefined;
    const n = this.pastHeld;
    return `More than ${count(HELD_KEPT)} down-payment lines waiting for the final invoices that take them off, the most KAP holds: the ${n === 1 ? "down-payment invoice" : `${count(n)} down-payment invoices`} after them (from ${this.firstPastHeld}) ${n === 1 ? "was" : "were"} read as ${n === 1 ? "an order" : "orders"} of ${n === 1 ? "its" : "their"} own. Where a final invoice takes such a down payment off (${count(this.missedTakeOffs)} in this file), that purchase counts as 2 orders, the down payment on its own date; its value is right. Split the export to join them.`;
  }

  private keep(h: HeldInvoice, line: OrderLine): true {
    h.lines.push({ ...line });
    this.heldLines++;
    return true;
  }
}
