/**
 * Document types written as a system's short codes rather than words: Italian software writes
 * FT (fattura) and NC (nota di credito), Spanish FAC and ABO (abono) or R (rectificativa), French
 * FA and AV (avoir), German RE and GS (Gutschrift) or RK (Rechnungskorrektur). A credit note so
 * coded is a return whatever its sign (Italian exports write it positive). A code is read only in
 * a document-type column whose values are a small set of one system's codes, an invoice's among
 * them: "AV" or "R" alone may mean anything.
 */
import type { Cell } from "./grid";

/** One system's document codes (upper case): its invoices', its credit notes' (with their names), and others that are sales. */
interface DocCodeFamily {
  /** invoices, or the sales documents of an order list (SAP's TA, a standard order) */
  invoices: readonly string[];
  credits: Readonly<Record<string, string>>;
  /** debit notes and the like: sales, neither invoices nor credits */
  others?: readonly string[];
  /** quotes, inquiries, purchases (with their names): no sales, skipped */
  notSales?: Readonly<Record<string, string>>;
}

const DOC_CODE_FAMILIES: readonly DocCodeFamily[] = [
  // Italian: fattura (immediata, differita, accompagnatoria, elettronica) and the e-invoice's TD codes
  {
    invoices: ["FT", "FV", "FI", "FD", "FA", "FE", "TD01", "TD24", "TD25"],
    credits: { NC: "nota di credito", TD04: "nota di credito" },
    others: ["ND", "TD05"],
  },
  // Spanish: factura, and the SII's F1–F3; abono, rectificativa (R, R1–R5)
  {
    invoices: ["FAC", "FV", "F", "F1", "F2", "F3"],
    credits: {
      ABO: "abono",
      R: "factura rectificativa",
      R1: "factura rectificativa",
      R2: "factura rectificativa",
      R3: "factura rectificativa",
      R4: "factura rectificativa",
      R5: "factura rectificativa",
    },
  },
  // French: facture, avoir
  { invoices: ["FA", "FC", "F"], credits: { AV: "avoir", A: "avoir" } },
  // German: Rechnung, Ausgangsrechnung; Gutschrift, Rechnungskorrektur
  {
    invoices: ["RE", "RG", "RN", "AR"],
    credits: { GS: "Gutschrift", GU: "Gutschrift", RK: "Rechnungskorrektur" },
  },
  // Polish: faktura VAT / sprzedaży; faktura korygująca
  { invoices: ["FV", "FS"], credits: { FK: "faktura korygująca", KOR: "korekta" } },
  // Czech: faktura vydaná; dobropis
  { invoices: ["FV"], credits: { DB: "dobropis" } },
  // SAP's sales document types in a VA05 order list, German: Terminauftrag,
  // Konsignationsentnahme, kostenlose Lieferung, Lastschriftsanforderung (a charge);
  // Retoure, Gutschriftsanforderung, Konsignationsretoure; Angebot, Anfrage (no sales)
  {
    invoices: ["TA", "KE", "FD"],
    credits: { RE: "Retoure", G2: "Gutschriftsanforderung", KR: "Konsignationsretoure" },
    others: ["L2"],
    notSales: { AG: "Angebot, a quotation", AF: "Anfrage, an inquiry" },
  },
  // … and English: standard, rush and cash orders, debit memo request; returns, credit memo
  // request; quotation, inquiry ("IN" an inquiry only beside SAP's order codes, its sales)
  {
    invoices: ["OR", "RO", "CS", "FD"],
    credits: { RE: "returns", CR: "credit memo request" },
    others: ["DR"],
    notSales: { QT: "quotation", IN: "inquiry" },
  },
  // Infor CSD's (SX.e) transaction types: stock, direct, counter and standing orders, blanket
  // releases; return merchandise; quotes and blanket orders (their releases are the sales)
  {
    invoices: ["SO", "DO", "CS", "BR", "ST"],
    credits: { RM: "return merchandise" },
    notSales: { QU: "quote", BL: "blanket order" },
  },
  // Brightpearl's order types: sales order, sales credit; purchase orders and credits, no sales
  {
    invoices: ["SO"],
    credits: { SC: "sales credit" },
    notSales: { PO: "purchase order", PC: "purchase credit" },
  },
  // Dynamics GP's SOP types read from its tables (SOPTYPE): 3 invoice, 4 return; 1 quote,
  // 2 order, 5 back order, 6 fulfillment order (an invoice bills their goods). Digits alone are
  // read only in a column already taken as the document type, an invoice's 3 among them.
  {
    invoices: ["3"],
    credits: { "4": "return" },
    notSales: { "1": "quote", "2": "order", "5": "back order", "6": "fulfillment order" },
  },
  // English: invoice; credit memo or note
  {
    invoices: ["INV", "IN", "SI"],
    credits: { CM: "credit memo", CN: "credit note", CRN: "credit note", CR: "credit" },
    others: ["DN", "DM"],
  },
];

/** The most distinct values a column of codes holds (a system has a handful of document types). */
const MAX_CODES = 6;

/** A code and its name ("NC", "nota di credito"). */
export interface DocCode {
  code: string;
  name: string;
}

/** How a document-type column of one system's codes is read: its credit notes' codes, and its codes of no sale. */
export interface DocTypeCodes {
  credits: DocCode[];
  notSales: DocCode[];
}

/**
 * The codes of a document-type column written in one system's codes, with each one's name: the
 * credits and the no-sale codes (quotes, inquiries) of every family whose codes hold
 * each of the column's values (at most MAX_CODES of them), one an invoice's (a sale's). Empty when
 * the column holds anything else.
 */
export function docTypeCodes(cells: Iterable<Cell>): DocTypeCodes {
  const none: DocTypeCodes = { credits: [], notSales: [] };
  const values = new Set<string>();
  for (const v of cells) {
    // (a number: Dynamics GP's SOPTYPE as a spreadsheet holds it)
    const t = typeof v === "number" && Number.isInteger(v) ? String(v) : v;
    if (typeof t !== "string" || t.trim() === "") continue;
    values.add(t.trim().toUpperCase());
    if (values.size > MAX_CODES) return none;
  }
  if (values.size === 0) return none;
  const credits = new Map<string, string>();
  const notSales = new Map<string, string>();
  const fitting = DOC_CODE_FAMILIES.filter(
    (f) =>
      [...values].every(
        (v) =>
          f.invoices.includes(v) ||
          v in f.credits ||
          !!f.others?.includes(v) ||
          v in (f.notSales ?? {})
      ) && [...values].some((v) => f.invoices.includes(v))
  );
  for (const f of fitting) {
    for (const [code, name] of Object.entries(f.credits))
      if (!credits.has(code)) credits.set(code, name);
    for (const [code, name] of Object.entries(f.notSales ?? {}))
      if (!notSales.has(code)) notSales.set(code, name);
  }
  // a code a fitting family sells under is no quote of another's
  for (const f of fitting)
    for (const v of values) if (f.invoices.includes(v) || f.others?.includes(v)) notSales.delete(v);
  const list = (m: Map<string, string>) => [...m].map(([code, name]) => ({ code, name }));
  return { credits: list(credits), notSales: list(notSales) };
}

/** The credit codes of a document-type column written in one system's codes (docTypeCodes). */
export function docTypeCreditCodes(cells: Iterable<Cell>): DocCode[] {
  return docTypeCodes(cells).credits;
}
