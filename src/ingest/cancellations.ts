/**
 * SAP's billing cancellations: a document of billing type S1 cancels an invoice (F2, F1, L2 …)
 * in full. Neither is a sale nor a return: both are left out, as a voided invoice and the credit
 * note reversing it are (ingest/voidedCredits), and counted under the same rules. A cancellation
 * names the invoice it cancels in SAP, but a report (an ALV list of billing documents) rarely
 * shows that column, so it is paired with the invoice of the same customer and the same value
 * written before it (the nearest one), else (a list newest first) the nearest written after it.
 *
 * The pairs are found over the whole file: every billing document is noted as it is read (its
 * id, customer, summed value and place: nothing per line) and paired at the end. An S1 usually
 * comes after the invoice it cancels, whose lines are read by then: the ingest session reads the
 * file again when the end finds pairs the reading did not know of (engine/session). Past
 * DOCS_KEPT documents, further ones are not noted; the warning says so where it matters.
 */
import { type Cell } from "./grid";

/** SAP's billing type of a cancellation of an invoice. */
export const INVOICE_CANCELLATION = /^\s*s1\s*$/i;
/**
 * A cancellation of an invoice written in words, as S1 is in a billing list's texts or another
 * system's document type: "Storno Rechnung (S1)", "Stornorechnung", "Rechnungsstorno", Lexware's
 * Belegart "Storno", "Invoice Cancellation", "Cancellation Invoice", "Cancel. Invoice",
 * "Annulation facture", "Facture d'annulation". Never a credit note's cancellation ("Storno
 * Gutschrift": ingest/orders CREDIT_CANCELLATION) nor a cancelled invoice ("Cancelled Invoice",
 * "Rechnung (storniert)": the invoice itself, voided).
 */
export const INVOICE_CANCELLATION_WORDS =
  /^\s*(?:storno(?:\s*-?\s*(?:(?:zur|der|einer)\s+)?rechnung)?|rechnungs-?\s*storno|invoice\s+cancell?ation|cancell?ation\s+(?:of\s+(?:an?\s+)?)?invoice|cancel\.?\s+invoice|annulation\s+(?:de\s+(?:la\s+)?)?facture|facture\s+d['’]\s*annulation)\s*(?:\(\s*s1\s*\))?\s*$/i;

/** Whether a billing type is a cancellation of an invoice: S1, or its words. */
export function cancelsInvoice(type: string): boolean {
  return INVOICE_CANCELLATION.test(type) || INVOICE_CANCELLATION_WORDS.test(type);
}
/** SAP's billing type of a cancellation of a credit memo. */
export const CREDIT_MEMO_CANCELLATION = /^\s*s2\s*$/i;
/**
 * A cancellation of a credit note (SAP's S2 in words: "Storno Gutschrift", "Cancel. Cred. Memo",
 * "Gutschriftsstorno"): it takes the credit back, so it is never a second return (ingest/orders
 * CREDIT_TYPE's "storno", "cancel" and "credit" would read it as one). Paired with the credit
 * note it cancels, both are left out; one that cancels none in the file (its credit note issued
 * before the file starts) is left out too, its value said: no sale, no order (ingest/orders).
 */
export const CREDIT_CANCELLATION =
  /^\s*(?:storno\s+(?:(?:zur|der|einer)\s+)?gutschrift|gutschrift(?:s|\s*-\s*|\s+)storno|cancel(?:l?ation)?\.?\s+(?:of\s+(?:a\s+)?)?cred(?:it)?\.?\s*memo|credit\s+memo\s+cancell?ation|annulation\s+(?:d[’'e]\s*)?(?:l[’']\s*)?avoir)\b/i;
/** Whether a billing type is a cancellation of a credit note: S2, or its words. */
export function cancelsCredit(type: string): boolean {
  return CREDIT_MEMO_CANCELLATION.test(type) || CREDIT_CANCELLATION.test(type);
}

/** Whether a billing type is a cancellation written in words, of an invoice or of a credit note. */
export function cancellationInWords(type: string): boolean {
  return INVOICE_CANCELLATION_WORDS.test(type) || CREDIT_CANCELLATION.test(type);
}

/** What a billing document is to the pairing. */
type DocKind = "invoice" | "cancellation" | "credit" | "creditCancellation";
/** Billing documents noted at most (a bound on memory: some 100 bytes each). */
export const DOCS_KEPT = 1_000_000;

/** A billing document as read so far. */
interface BillingDoc {
  id: string;
  account: string;
  kind: DocKind;
  /** its lines' values as written, summed */
  value: number;
  /** its place among the documents, in the order first read */
  at: number;
  paired: boolean;
}

/** What is read of a row: its document id, billing type, customer and line value as written. */
export interface BillingRowReader {
  id: (r: readonly Cell[]) => string;
  type: (r: readonly Cell[]) => string;
  account: (r: readonly Cell[]) => string;
  value: (r: readonly Cell[]) => number | undefined;
  /** whether the billing type is a credit (G2, RE …): never the invoice an S1 cancels, what an S2 cancels */
  credit: (type: string) => boolean;
}

/** The cancellations found and the invoices they cancel, by document id; the cancellations paired with none. */
export interface BillingCancellations {
  /** cancellation id → the invoice (or credit note) id it cancels, in the order the cancellations were read */
  pairs: Map<string, string>;
  unpaired: string[];
  /** the cancellations among `pairs` and `unpaired` that cancel a credit note (S2), not an invoice */
  ofCredits?: Set<string>;
  /** the credit-note cancellations' billing type as the notes name it: S2, or the first words written */
  creditLabel?: string;
  /** documents past DOCS_KEPT, not noted (0: none) */
  docsPast: number;
  /** the cancellations' billing type as the notes name it: S1, or the first words written ("Storno") */
  label?: string;
}

/** The billing documents of the lines, noted one line at a time, and the S1 pairs among them. */
export class BillingPairing {
  private readonly docs = new Map<string, BillingDoc>();
  /** the document of the line noted last: an invoice's lines come together, one look-up per document */
  private last: BillingDoc | undefined;
  private cancellations = 0;
  /** the billing type of the first cancellation of each kind noted, to name it as the file writes it */
  private cancellationType = "";
  private creditCancellationType = "";
  /** documents not noted for want of room (past DOCS_KEPT), and the last one's id */
  private docsPast = 0;
  private lastPast = "";

  /** each billing type written and its kind (a file writes a few: each is tested once) */
  private readonly kinds = new Map<string, DocKind>();

  constructor(private readonly credit: (type: string) => boolean) {}

  private kindOf(type: string): DocKind {
    let kind = this.kinds.get(type);
    if (kind === undefined) {
      kind = cancelsInvoice(type)
        ? "cancellation"
        : cancelsCredit(type)
          ? "creditCancellation"
          : this.credit(type)
            ? "credit"
            : "invoice";
      if (this.kinds.size < 1000) this.kinds.set(type, kind);
    }
    return kind;
  }

  /** A cancellation's document: counted, its type kept to name the kind as written. */
  private noteCancellation(kind: DocKind, type: string): void {
    this.cancellations++;
    if (kind === "cancellation" && !this.cancellationType) this.cancellationType = type.trim();
    if (kind === "creditCancellation" && !this.creditCancellationType)
      this.creditCancellationType = type.trim();
  }

  /** A line of document `id` of billing type `type` (blank: no billing document), worth `value` as written. */
  note(id: string, type: string, account: string, value: number | undefined): void {
    if (id === "" || type === "") return;
    let doc = this.last?.id === id ? this.last : this.docs.get(id);
    if (!doc) {
      const kind = this.kindOf(type);
      if (this.docs.size >= DOCS_KEPT) {
        if (id !== this.lastPast) this.docsPast++;
        this.lastPast = id;
        return;
      }
      if (kind === "cancellation" || kind === "creditCancellation")
        this.noteCancellation(kind, type);
      doc = { id, account, kind, value: 0, at: this.docs.size, paired: false };
      this.docs.set(id, doc);
    }
    this.last = doc;
    doc.value += value ?? 0;
  }

  /**
   * The pairs: each cancellation, in the order read, takes the nearest invoice of its customer
   * and value written before it not taken yet, else the nearest written after it.
   */
  pairs(): BillingCancellations {
    const pairs = new Map<string, string>();
    const unpaired: string[] = [];
    if (this.cancellations === 0) return { pairs, unpaired, docsPast: this.docsPast };
    const label = INVOICE_CANCELLATION.test(this.cancellationType)
      ? "S1"
      : `"${this.cancellationType}"`;
    const creditLabel = CREDIT_MEMO_CANCELLATION.test(this.creditCancellationType)
      ? "S2"
      : `"${this.creditCancellationType}"`;
    const ofCredits = new Set<string>();
    // the documents by customer and value (to the cent, as written), in the order read
    const keyOf = (d: BillingDoc) => `${d.account}\u0000${Math.round(Math.abs(d.value) * 100)}`;
    const alike = new Map<string, BillingDoc[]>();
    const cancellations: BillingDoc[] = [];
    for (const d of this.docs.values()) {
      if (d.kind === "cancellation" || d.kind === "creditCancellation") cancellations.push(d);
      const key = keyOf(d);
      const list = alike.get(key);
      if (list) list.push(d);
      else alike.set(key, [d]);
    }
    for (const c of cancellations) {
      const list = alike.get(keyOf(c))!;
      // an S1 cancels an invoice, an S2 a credit note
      const cancelled: DocKind = c.kind === "cancellation" ? "invoice" : "credit";
      if (cancelled === "credit") ofCredits.add(c.id);
      const free = (d: BillingDoc) => d.kind === cancelled && !d.paired;
      const here = list.indexOf(c);
      let invoice: BillingDoc | undefined;
      for (let i = here - 1; i >= 0 && !invoice; i--) if (free(list[i])) invoice = list[i];
      for (let i = here + 1; i < list.length && !invoice; i++) if (free(list[i])) invoice = list[i];
      if (!invoice) {
        unpaired.push(c.id);
        continue;
      }
      invoice.paired = true;
      pairs.set(c.id, invoice.id);
    }
    return { pairs, unpaired, docsPast: this.docsPast, label, ofCredits, creditLabel };
  }
}

/** The S1 cancellations among the rows and the invoice each cancels. */
export function billingCancellations(
  rows: readonly (readonly Cell[])[],
  read: BillingRowReader
): BillingCancellations {
  const pairing = new BillingPairing(read.credit);
  for (const r of rows) pairing.note(read.id(r), read.type(r), read.account(r), read.value(r));
  return pairing.pairs();
}

/** How the notes name what a kind of cancellation cancels, and what one that cancels none is read as. */
const CANCELLED_WORDS = {
  invoice: {
    doc: "invoice",
    neither: "neither a sale nor a return",
    alone: ["a return", "returns"],
    leftOut: undefined,
  },
  credit: {
    doc: "credit note",
    neither: "neither a return nor a sale",
    alone: ["a sale restoring the credit", "sales restoring the credit"],
    /** once the reading knows it cancels none: no sale, no order, its value said */
    leftOut: [
      "left out, neither a sale nor a return: the credit note it cancels is not in the file (its value is said among the skipped rows)",
      "left out, neither sales nor returns: the credit notes they cancel are not in the file (their value is said among the skipped rows)",
    ],
  },
} as const;

/** The notes of one kind of cancellation: its pairs, and those that cancel nothing in the file. */
function kindNotes(
  pairs: readonly (readonly [string, string])[],
  unpaired: readonly string[],
  header: string,
  label: string,
  words: (typeof CANCELLED_WORDS)[keyof typeof CANCELLED_WORDS],
  count: (n: number) => string,
  leftOut: (id: string) => boolean
): string[] {
  const said = pairs.slice(0, 3).map(([c, i]) => `${c} cancels ${i}`);
  const n = unpaired.length;
  // left out once the reading knows they cancel none (a credit note's cancellation); else read alone
  const readAs =
    words.leftOut && unpaired.every(leftOut)
      ? words.leftOut[n === 1 ? 0 : 1]
      : `read as ${words.alone[n === 1 ? 0 : 1]}`;
  return [
    pairs.length
      ? `"${header}" lists ${pairs.length === 1 ? "a cancellation" : `${count(pairs.length)} cancellations`} (${label}) of ${words.doc === "invoice" ? "an" : "a"} ${words.doc} (${said.join(", ")}${pairs.length > 3 ? " …" : ""}): the cancelled ${words.doc} and its cancellation are both left out, ${words.neither}.`
      : "",
    n
      ? `The cancellation${n === 1 ? "" : "s"} (${label}) ${unpaired.slice(0, 3).join(", ")}${n > 3 ? ` and ${count(n - 3)} more` : ""} cancel${n === 1 ? "s" : ""} no ${words.doc} of the same customer and value in the file: ${readAs}.`
      : "",
  ];
}

/**
 * What the notes say of the pairs and of the cancellations that cancel nothing in the file
 * (an S1 read as a return, an S2 left out), under the billing type's header; and of the bound,
 * where documents went past it.
 */
export function cancellationNotes(
  found: BillingCancellations,
  header: string,
  count: (n: number) => string,
  leftOut: (id: string) => boolean = () => false
): string[] {
  const ofCredits = found.ofCredits ?? new Set<string>();
  const pairs = [...found.pairs];
  const ofCredit = (id: string) => ofCredits.has(id);
  return [
    ...kindNotes(
      pairs.filter(([c]) => !ofCredit(c)),
      found.unpaired.filter((c) => !ofCredit(c)),
      header,
      found.label ?? "S1",
      CANCELLED_WORDS.invoice,
      count,
      leftOut
    ),
    ...kindNotes(
      pairs.filter(([c]) => ofCredit(c)),
      found.unpaired.filter(ofCredit),
      header,
      found.creditLabel ?? "S2",
      CANCELLED_WORDS.credit,
      count,
      leftOut
    ),
    found.docsPast
      ? `More than ${count(DOCS_KEPT)} billing documents, the most KAP holds to pair SAP's cancellations (S1) with the invoices they cancel: the ${count(found.docsPast)} documents after them were not paired, so a cancellation among them is read as a return and the invoice it cancels as a sale. Split the export to pair them.`
      : "",
  ].filter((t) => t !== "");
}
