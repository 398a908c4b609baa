/**
 * Voided and cancelled invoices, and the credit notes that reverse them. An invoice marked
 * voided or cancelled is no sale (its lines are skipped); a credit note in the same export that
 * reverses it takes nothing off either, so the value is left out once, not twice. A credit note
 * reverses a voided invoice when it names it in any cell and credits its whole value, or, naming
 * none, credits the value and items of the one voided invoice of its customer dated before it.
 * Where that is not sure, the credit note stays a return and the warnings name it.
 *
 * In a file that can mark an invoice voided (a status column; a document-type column once it
 * has marked one), the credit notes' lines are held and decided at the end: a credit note may come before the voided
 * invoice it reverses (exports listed newest first), and its lines may run past the rows read
 * at once (the command line reads in batches). Past HELD_KEPT lines held, the credit notes
 * are decided as they are read, against the voided invoices read so far; where a voided invoice
 * is read after such a credit note, the warnings say so, naming the bound.
 */
import type { OrderLine } from "../domain/types";
import { type Cell } from "./grid";

/** The rule a credit note reversing a voided invoice is skipped under. */
export const VOID_CREDIT = "voided or cancelled invoice's credit-note line";
/** Credit notes and voided invoices kept to match (a bound on their memory; ids past it are not matched, and the warnings say so). */
export const VOIDED_KEPT = 100_000;
/** Credit-note lines held to the end (a bound on their memory; past it credit notes are decided as read). */
export const HELD_KEPT = 200_000;
/** Tokens of a text that may be a document number: a letter or digit run holding a digit ("INV-0110", "RE-1016", "1004"). */
const DOC_TOKEN = /[A-Za-z0-9][A-Za-z0-9\-/._]*\d[A-Za-z0-9\-/_]*/g;

/** A voided or cancelled invoice, for the credit note that may reverse it. */
interface VoidedDoc {
  id: string;
  account: string;
  /** its lines' value as written (lineValueOf), summed */
  value: number;
  date: number | undefined;
  items: Set<string>;
  /** the credit note found to reverse it */
  reversedBy?: string;
}

/** A credit note whose lines are held, to be decided at the end. */
interface HeldCredit {
  id: string;
  account: string;
  /** its first line's date */
  date: number;
  /** its lines' values as written, each taken positive, summed */
  total: number;
  items: Set<string>;
  /** what its cells may name, in the order written: whole texts, document-number tokens, numbers */
  refs: Set<string>;
  lines: OrderLine[];
}

/** A credit-note line being read, and the rows pushed with it (its later lines read ahead from `at`). */
export interface CreditNoteLine {
  row: readonly Cell[];
  /** its credit note's id */
  id: string;
  account: string;
  date: number;
  /** the rows pushed to the parser with it, and its place among them */
  rows: readonly (readonly Cell[])[];
  at: number;
}

/** What the matcher reads of a row: the parser's columns and its reading of a line's value. */
export interface VoidedCreditsOptions {
  /** the order fields' columns (-1: not mapped) */
  col: Readonly<Record<string, number>>;
  /** a row's text cell as the parser reads it (trimmed) */
  text: (v: Cell) => string;
  /** a skipped row's line value as written (revenue less credit, else quantity × price; 0 when unread) */
  lineValueOf: (row: readonly Cell[]) => number;
  /** an amount for the warnings, in the reading culture */
  money: (x: number) => string;
  /**
   * whether the file can mark an invoice voided (a status column), so that credit notes are held
   * to the end from the start; else they are from the first voided invoice on
   */
  holdCredits: boolean;
}

/** Fields whose cells never name another document: numbers, dates, the line's own id and customer. */
const NOT_REF_FIELDS = [
  "date",
  "orderId",
  "accountId",
  "accountName",
  "quantity",
  "revenue",
  "credit",
  "unitPrice",
  "listPrice",
  "discount",
  "lineDiscount",
  "taxAmount",
  "orderTotal",
  "orderTax",
  "invoiceTotal",
  "invoiceTaxTotal",
];

export class VoidedCredits {
  private readonly col: Readonly<Record<string, number>>;
  private readonly text: (v: Cell) => string;
  private readonly lineValueOf: (row: readonly Cell[]) => number;
  private readonly money: (x: number) => string;
  /**
   * Voided and cancelled invoices (their lines skipped), by id and by account: a credit note in
   * the file may reverse one, and then takes nothing off, as the invoice was no sale. Only such
   * invoices are kept: nothing per line of the others.
   */
  private readonly voided = new Map<string, VoidedDoc>();
  private readonly voidedOf = new Map<string, VoidedDoc[]>();
  /** columns whose cells never name another document */
  private readonly notRefColumns: Set<number>;
  private voidCredits = 0;
  private readonly voidCreditExamples: string[] = [];
  private unsureCredits = 0;
  private readonly unsureCreditExamples: string[] = [];
  /**
   * What the credit notes read so far name (document-number tokens of their text cells → the
   * credit note and its customer): a voided invoice listed after a credit note naming it is
   * flagged, the credit note having been taken off already.
   */
  private readonly creditRefs = new Map<string, { id: string; account: string }>();
  /** the credit note last decided, and the voided invoice it reverses (undefined: none) */
  private creditDocKey = "";
  private creditDocReverses: VoidedDoc | undefined;
  private readonly holdCredits: boolean;
  /** the credit notes held, in the order first read, and their lines held in all */
  private readonly held = new Map<string, HeldCredit>();
  private heldLines = 0;
  /** credit notes decided as read for want of room to hold them (past HELD_KEPT), the last one's id */
  private pastHeld = 0;
  private lastPastHeld = "";
  /** a voided invoice first read after a credit note decided as read past HELD_KEPT */
  private voidedAfterPastHeld = false;
  /** voided invoices not kept for want of room (past VOIDED_KEPT), the first one's id, the last one's */
  private voidedPast = 0;
  private firstVoidedPast = "";
  private lastVoidedPast = "";
  /** credit notes found to reverse no voided invoice once one was not kept: they may reverse it */
  private unmatchedPastVoided = 0;

  constructor(options: VoidedCreditsOptions) {
    this.col = options.col;
    this.text = options.text;
    this.lineValueOf = options.lineValueOf;
    this.money = options.money;
    this.holdCredits = options.holdCredits;
    this.notRefColumns = new Set(NOT_REF_FIELDS.map((f) => this.col[f]).filter((c) => c >= 0));
  }

  /** A line of a voided or cancelled invoice, skipped: kept in its invoice's summary. */
  noteVoided(row: readonly Cell[], id: string, account: string, date?: number): void {
    if (id === "" || account === "") return;
    let v = this.voided.get(id);
    if (!v) {
      if (this.pastHeld !== 0) this.voidedAfterPastHeld = true;
      const credit = this.creditRefs.get(id);
      if (credit && credit.account === account)
        this.flagUnsure(`${credit.id} names voided ${id} but comes before it in the export`);
      if (this.voided.size >= VOIDED_KEPT) {
        if (id !== this.lastVoidedPast && this.voidedPast++ === 0) this.firstVoidedPast = id;
        this.lastVoidedPast = id;
        return;
      }
      v = { id, account, value: 0, date, items: new Set() };
      this.voided.set(id, v);
      const list = this.voidedOf.get(account);
      if (list) list.push(v);
      else this.voidedOf.set(account, [v]);
    }
    v.value += this.lineValueOf(row);
    const item = this.itemOf(row);
    if (item) v.items.add(item);
  }

  /**
   * Whether the credit-note line is skipped, its credit note reversing a voided invoice: decided
   * on its first line (its later lines read ahead among the rows pushed), one look-up per credit
   * note.
   */
  reversesVoided(line: CreditNoteLine): boolean {
    const { row, id, account } = line;
    if (id !== this.creditDocKey) {
      this.creditDocKey = id;
      this.creditDocReverses = this.voided.size !== 0 ? this.reversedVoid(line) : undefined;
      if (!this.creditDocReverses && this.voidedPast !== 0) this.unmatchedPastVoided++;
      if (!this.creditDocReverses) this.noteCreditRefs(row, id, account);
    }
    return this.creditDocReverses !== undefined;
  }

  /**
   * Whether the credit-note line of credit note `id` is held to the end (hold) rather than
   * decided now (reversesVoided): in a file that can mark an invoice voided (holdCredits), or
   * once one was, within HELD_KEPT lines, and always for a credit note whose lines are held
   * already. A file with neither keeps its lines in the order read.
   */
  holds(id: string): boolean {
    if (!this.holdCredits && this.voided.size === 0) return false;
    if (this.heldLines < HELD_KEPT || this.held.has(id)) return true;
    if (id !== this.lastPastHeld) {
      this.lastPastHeld = id;
      this.pastHeld++;
    }
    return false;
  }

  /** A credit-note line held to the end (`line` is copied): its value, item and what it names kept with its credit note. */
  hold(row: readonly Cell[], id: string, account: string, date: number, line: OrderLine): void {
    let c = this.held.get(id);
    if (!c) {
      c = { id, account, date, total: 0, items: new Set(), refs: new Set(), lines: [] };
      this.held.set(id, c);
    }
    c.total += Math.abs(this.lineValueOf(row));
    const item = this.itemOf(row);
    if (item) c.items.add(item);
    this.refsOf(row, c.refs);
    c.lines.push({ ...line });
    this.heldLines++;
  }

  /**
   * The end of the lines: each credit note held is decided against every voided invoice, in the
   * order read. One that reverses a voided invoice has its lines skipped (`skip`, by row);
   * the others' lines are read (`accept`), as they were held.
   */
  settle(accept: (line: OrderLine) => void, skip: (row: number) => void): void {
    for (const c of this.held.values()) {
      const named = this.voided.size !== 0 ? this.namedIn(c.refs, c.account) : undefined;
      const reversed =
        this.voided.size !== 0
          ? this.decide(c.id, c.account, c.date, c.total, c.items, named)
          : undefined;
      if (!reversed && this.voidedPast !== 0) this.unmatchedPastVoided++;
      for (const line of c.lines) {
        if (reversed) skip(line.row ?? 0);
        else accept(line);
      }
    }
    this.held.clear();
    this.heldLines = 0;
  }

  /** The warnings on credit notes found to reverse voided invoices, and on those not sure to. */
  warnings(count: (n: number) => string): string[] {
    const out: string[] = [];
    const { voidCredits, voidCreditExamples, unsureCredits, unsureCreditExamples } = this;
    if (voidCredits) {
      const one = voidCredits === 1;
      out.push(
        `${one ? "1 credit note reverses" : `${count(voidCredits)} credit notes each reverse`} an invoice that is itself marked voided or cancelled (${voidCreditExamples.join(", ")}${voidCredits > voidCreditExamples.length ? ", …" : ""}): ${one ? "the invoice is no sale, so its credit note was skipped too and takes" : "the invoices are no sales, so their credit notes were skipped too and take"} nothing off. The value is left out once, not twice.`
      );
    }
    if (unsureCredits) {
      const one = unsureCredits === 1;
      out.push(
        `${one ? "1 credit note" : `${count(unsureCredits)} credit notes`} may reverse an invoice marked voided or cancelled, but KAP cannot tell for sure (${unsureCreditExamples.join("; ")}${unsureCredits > unsureCreditExamples.length ? "; …" : ""}): ${one ? "it was" : "they were"} read as ${one ? "a return" : "returns"}. Where one reverses a voided invoice, that value is taken off twice: check ${one ? "it" : "them"} in the export.`
      );
    }
    // past the bound, a credit note listed before the voided invoice it reverses was read as a
    // return: only worth saying where a voided invoice came after one
    if (this.voidedAfterPastHeld) {
      const n = this.pastHeld;
      out.push(
        `More than ${count(HELD_KEPT)} credit-note lines, the most KAP holds to match against voided or cancelled invoices listed after them: ${n === 1 ? "the 1 credit note" : `the ${count(n)} credit notes`} past them ${n === 1 ? "was" : "were"} matched only against the voided invoices listed before ${n === 1 ? "it" : "them"}. Where one reverses a voided invoice listed after it, that value is taken off twice: list the export oldest first, or split it.`
      );
    }
    if (this.unmatchedPastVoided) {
      const [n, u] = [this.voidedPast, this.unmatchedPastVoided];
      out.push(
        `More than ${count(VOIDED_KEPT)} voided or cancelled invoices, the most KAP keeps to match the credit notes that reverse them: the ${n === 1 ? "1 after them" : `${count(n)} after them`} (from ${this.firstVoidedPast}) ${n === 1 ? "was" : "were"} not kept, so ${u === 1 ? "1 credit note was" : `${count(u)} credit notes were`} read as ${u === 1 ? "a return" : "returns"} that may reverse one of them. Where one does, that value is taken off twice: split the export to match them.`
      );
    }
    return out;
  }

  private noteCreditRefs(row: readonly Cell[], id: string, account: string): void {
    for (let k = 0; k < row.length && this.creditRefs.size < VOIDED_KEPT; k++) {
      const c = row[k];
      if (this.notRefColumns.has(k) || typeof c !== "string" || c.length === 0) continue;
      for (const m of c.matchAll(DOC_TOKEN))
        this.creditRefs.set(m[0].replace(/[-/._]+$/, ""), { id, account });
    }
  }

  private flagUnsure(why: string): undefined {
    if (this.unsureCredits++ < 5) this.unsureCreditExamples.push(why);
    return undefined;
  }

  private itemOf(row: readonly Cell[]): string {
    const { col, text } = this;
    const sku = col.sku >= 0 ? text(row[col.sku]) : "";
    return (sku || (col.productName >= 0 ? text(row[col.productName]) : "")).toLowerCase();
  }

  /** What the row's cells may name, as voidNamedIn reads them: whole texts, document-number tokens, numbers of 3 digits or more. */
  private refsOf(row: readonly Cell[], into: Set<string>): void {
    for (let k = 0; k < row.length; k++) {
      if (this.notRefColumns.has(k)) continue;
      const c = row[k];
      if (typeof c === "number") {
        if (String(c).length >= 3) into.add(String(c));
        continue;
      }
      if (typeof c !== "string" || c.length === 0) continue;
      const t = c.trim();
      into.add(t);
      for (const m of t.matchAll(DOC_TOKEN)) into.add(m[0].replace(/[-/._]+$/, ""));
    }
  }

  /** The first voided invoice of `account` among what a held credit note names. */
  private namedIn(refs: Set<string>, account: string): VoidedDoc | undefined {
    for (const key of refs) {
      const v = this.voided.get(key);
      if (v && v.account === account) return v;
    }
    return undefined;
  }

  /** The voided invoice of `account` a cell of the row names ("Credit Note for INV-0110", "Gutschrift zu Rechnung RE-1016"). */
  private voidNamedIn(row: readonly Cell[], account: string): VoidedDoc | undefined {
    const mine = (key: string) => {
      const v = this.voided.get(key);
      return v && v.account === account ? v : undefined;
    };
    for (let k = 0; k < row.length; k++) {
      if (this.notRefColumns.has(k)) continue;
      const c = row[k];
      if (typeof c === "number") {
        const v = String(c).length >= 3 ? mine(String(c)) : undefined;
        if (v) return v;
        continue;
      }
      if (typeof c !== "string" || c.length === 0) continue;
      const t = c.trim();
      const whole = mine(t);
      if (whole) return whole;
      for (const m of t.matchAll(DOC_TOKEN)) {
        const v = mine(m[0].replace(/[-/._]+$/, ""));
        if (v) return v;
      }
    }
    return undefined;
  }

  /**
   * The voided invoice the credit note of `line` (its first line) reverses: one it names (its
   * lines read ahead among the rows pushed crediting that invoice's whole value), else, naming
   * none, the one voided invoice of its customer dated before it with its value and items. Where
   * that is not sure the credit note stays a return, and the warnings name it.
   */
  private reversedVoid(line: CreditNoteLine): VoidedDoc | undefined {
    const { row, id, account, date, rows, at } = line;
    const { col, text } = this;
    let total = Math.abs(this.lineValueOf(row));
    const items = new Set<string>();
    const item = this.itemOf(row);
    if (item) items.add(item);
    let named = this.voidNamedIn(row, account);
    for (let i = at + 1; i < rows.length; i++) {
      const r = rows[i];
      if (text(r[col.orderId]) !== id) break;
      total += Math.abs(this.lineValueOf(r));
      const it = this.itemOf(r);
      if (it) items.add(it);
      named ??= this.voidNamedIn(r, account);
    }
    return this.decide(id, account, date, total, items, named);
  }

  /**
   * The voided invoice credit note `id` reverses, from all it credits (`total`, `items`) and the
   * voided invoice it names, if any: see reversedVoid. Undefined (and the warnings name it where
   * it may reverse one) when none is sure.
   */
  private decide(
    id: string,
    account: string,
    date: number,
    total: number,
    items: Set<string>,
    named: VoidedDoc | undefined
  ): VoidedDoc | undefined {
    const money = (x: number) => this.money(Math.abs(x));
    const whole = (v: VoidedDoc) => Math.abs(total - Math.abs(v.value)) <= 0.005;
    const before = (v: VoidedDoc) => v.date === undefined || v.date <= date;
    const unsure = (why: string) => this.flagUnsure(`${id} ${why}`);
    const reverses = (v: VoidedDoc) => {
      v.reversedBy = id;
      if (this.voidCredits++ < 5) this.voidCreditExamples.push(`${id} for ${v.id}`);
      return v;
    };
    if (named) {
      if (named.reversedBy)
        return unsure(`names voided ${named.id}, which ${named.reversedBy} reverses already`);
      if (!whole(named))
        return unsure(
          `names voided ${named.id} but credits ${money(total)} of its ${money(named.value)}`
        );
      return before(named) ? reverses(named) : unsure(`names voided ${named.id}, dated after it`);
    }
    const same = (this.voidedOf.get(account) ?? []).filter(
      (v) => !v.reversedBy && whole(v) && before(v)
    );
    if (same.length === 0) return undefined;
    const sameItems = (v: VoidedDoc) =>
      v.items.size === items.size && [...items].every((x) => v.items.has(x));
    if (same.length === 1 && sameItems(same[0])) return reverses(same[0]);
    return unsure(
      same.length === 1
        ? `credits the amount of voided ${same[0].id}, with other items`
        : `credits the amount of voided ${same
            .slice(0, 3)
            .map((v) => v.id)
            .join(" and ")}${same.length > 3 ? " and others" : ""}`
    );
  }
}
