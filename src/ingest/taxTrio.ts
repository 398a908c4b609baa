/**
 * An invoice-line export that writes each line's amount three times: before tax, the tax, and
 * with the tax ("Base imponible; IVA; Total", "Subtotal; Tax; Total", "Netto; MwSt; Brutto",
 * "HT; TVA; TTC"). Revenue is the amount before tax (PRODUCT.md §1: net of VAT): a bare "Total"
 * beside a net and a tax column is the gross, whatever it would mean alone.
 */
import { normaliseHeader } from "./fields";
import { TAX_WORDS } from "./taxLines";

/** Words beside a tax word that keep it the tax's amount or rate ("Cuota IVA", "MwSt-Betrag", "Tax Amount", "% IVA"). */
const TAX_AMOUNT_WORDS = new Set([
  "amount",
  "total",
  "sales",
  "value",
  "added",
  "output",
  "line",
  "cuota",
  "importe",
  "montant",
  "betrag",
  "bedrag",
  "importo",
  "summe",
  "de",
  "del",
  "la",
  "le",
  "der",
  "rate",
  "tipo",
  "taux",
  "satz",
  "%",
]);

/** Words that make an amount the one before tax ("Base imponible", "Total HT", "Importe sin IVA", "Net", "Subtotal"). */
const NET_WORDS = new Set([
  "net",
  "netto",
  "neto",
  "nett",
  "nette",
  "ht",
  "subtotal",
  "nettobetrag",
  "nettowert",
  "nettosumme",
  "nettoumsatz",
  "nettobedrag",
  "base",
  "imponible",
  "imponibile",
  "excl",
  "exkl",
  "ex",
  "exc",
  "excluding",
  "ohne",
  "sin",
  "sans",
  "zonder",
  "senza",
  "pretax",
  // Odoo's "Untaxed Amount" and "Tax Excluded", "Taxable Amount" (a taxable value before its
  // tax), "Amount before Tax"
  "untaxed",
  "excluded",
  "taxable",
  "before",
]);

/** Words that make an amount the one with the tax ("Total", "Brutto", "TTC", "Total incl. VAT"). */
const GROSS_WORDS = new Set([
  "total",
  "totale",
  "totaal",
  "gesamt",
  "gesamtbetrag",
  "endbetrag",
  "rechnungsbetrag",
  "gross",
  "brutto",
  "bruto",
  "bruttobetrag",
  "ttc",
  "lordo",
  "ivato",
  "ivata",
  "incl",
  "inkl",
  "including",
  "inc",
]);

/** Words of an amount that is not a line's value: a unit price, a discount, a cost, a charge. */
const NOT_AMOUNT_WORDS = new Set([
  "price",
  "precio",
  "preis",
  "prix",
  "prezzo",
  "prijs",
  "cena",
  "unit",
  "unitario",
  "unitaire",
  "einzelpreis",
  "each",
  "pu",
  "discount",
  "descuento",
  "dto",
  "rabatt",
  "remise",
  "sconto",
  "korting",
  "cost",
  "coste",
  "costo",
  "kosten",
  "margin",
  "margen",
  "shipping",
  "freight",
  "envío",
  "envio",
  "portes",
  "versand",
  "fracht",
  "weight",
  "peso",
  "gewicht",
  "qty",
  "quantity",
  "cantidad",
  "menge",
  "quantité",
  "number",
  "no",
  "nr",
  "id",
  "code",
  "código",
  "codigo",
  "date",
  "fecha",
  "datum",
]);

/** A header's words, with "Mw St" and "U St" (camel case split by normaliseHeader) joined again. */
function wordsOf(header: string): string[] {
  return normaliseHeader(header)
    .replace(/\bmw st\b/g, "mwst")
    .replace(/\bu st\b/g, "ust")
    .replace(/\bsub total\b/g, "subtotal")
    .replace(/\bpre tax\b/g, "pretax")
    .split(" ")
    .filter((w) => w !== "");
}

const RATE = /^\d+(?:[.,]\d+)?%?$/;

/** "IVA", "MwSt", "Tax", "Cuota IVA", "Tax Amount", "IVA 21%": the tax of the line. */
export function isTaxAmountHeader(header: string): boolean {
  const words = wordsOf(header);
  return (
    words.some((w) => TAX_WORDS.has(w)) &&
    words.every((w) => TAX_WORDS.has(w) || TAX_AMOUNT_WORDS.has(w) || RATE.test(w))
  );
}

/** "Base imponible", "Subtotal", "Netto", "HT", "Total HT", "Importe sin IVA": the amount before tax. */
export function isNetAmountHeader(header: string): boolean {
  const words = wordsOf(header);
  return (
    words.some((w) => NET_WORDS.has(w)) &&
    !words.some((w) => NOT_AMOUNT_WORDS.has(w)) &&
    !isTaxAmountHeader(header)
  );
}

/**
 * "Total", "Brutto", "TTC", "Total incl. VAT", "Importe total": the amount with the tax. Not
 * "Gross Sales": a sales report's sales before discounts and refunds (Square's, Shopify's: less
 * "Discounts" they make "Net Sales"), which excludes tax.
 */
export function isGrossAmountHeader(header: string): boolean {
  const words = wordsOf(header);
  if (words.length === 2 && words[0] === "gross" && words[1] === "sales") return false;
  return (
    words.some((w) => GROSS_WORDS.has(w)) &&
    !words.some((w) => NOT_AMOUNT_WORDS.has(w)) &&
    !isTaxAmountHeader(header) &&
    !isNetAmountHeader(header)
  );
}

/**
 * Headers of an amount that says neither net nor gross ("Importe", "Montant", "Amount"): beside
 * a tax and a gross column it is the net only where the rows add up (net + tax = gross).
 */
const PLAIN_AMOUNT_HEADERS: ReadonlySet<string> = new Set([
  "amount",
  "line amount",
  "value",
  "line value",
  "sales",
  "importe",
  "importe línea",
  "importe linea",
  "importo",
  "montant",
  "montant ligne",
  "betrag",
  "bedrag",
  "valor",
  "valeur",
  "wert",
  "kwota",
  "wartość",
  "částka",
]);

/** "Importe", "Montant", "Amount": an amount that says neither net nor gross. */
export function isPlainAmountHeader(header: string): boolean {
  return PLAIN_AMOUNT_HEADERS.has(normaliseHeader(header));
}

/** The columns of a net/tax/gross trio: each a 0-based column of the header row. */
export interface TaxTrio {
  net: number;
  tax: number;
  gross: number;
  /** the net's header is a plain amount ("Importe"): the net only where the rows add up */
  confirm?: boolean;
}

/**
 * The net, tax and gross amount columns of a header row, when it has all three (undefined
 * otherwise). A plain amount ("Importe") stands for the net where no header says net (`confirm`).
 * Of several net columns, the one nearest the tax column ("Base imponible" beside
 * "IVA"); of several gross columns, likewise.
 */
export function taxTrioOf(headers: readonly string[]): TaxTrio | undefined {
  const cols = (test: (h: string) => boolean) =>
    headers.flatMap((h, c) => (h.trim() !== "" && test(h) ? [c] : []));
  const taxes = cols(isTaxAmountHeader);
  const named = cols(isNetAmountHeader);
  const nets = named.length ? named : cols(isPlainAmountHeader);
  const grosses = cols(isGrossAmountHeader);
  if (!taxes.length || !nets.length || !grosses.length) return undefined;
  const tax = taxes[0];
  const nearest = (cs: number[]) =>
    cs.reduce((a, b) => (Math.abs(b - tax) < Math.abs(a - tax) ? b : a));
  return {
    net: nearest(nets),
    tax,
    gross: nearest(grosses),
    ...(named.length ? {} : { confirm: true }),
  };
}

/** Words that say the figure holds its tax: "inc GST", "incl. VAT", "inkl. MwSt", "IVA incluido". */
const INCLUDING_WORDS: ReadonlySet<string> = new Set([
  "inc",
  "incl",
  "including",
  "inclusive",
  "inkl",
  "inklusive",
  "incluido",
  "incluida",
  "incluso",
  "inclus",
  "inclusief",
]);

/**
 * "Amount (inc GST)", "Price incl. VAT", "Betrag inkl. MwSt", "Montant TTC": an amount that
 * says it holds its tax (an including word with a tax word, or TTC alone).
 */
export function isTaxIncludedHeader(header: string): boolean {
  const words = wordsOf(header);
  if (words.includes("ttc")) return true;
  return words.some((w) => INCLUDING_WORDS.has(w)) && words.some((w) => TAX_WORDS.has(w));
}

/**
 * The line's tax column beside a line value that says it holds the tax ("Amount (inc GST)" and
 * "GST", the pair an Australian or New Zealand item sales report writes with no amount before
 * tax): the one column whose header is a tax amount, not `used` (0-based; undefined: none, or
 * several, so which one is not known).
 */
export function taxBesideIncluded(
  headers: readonly string[],
  used: ReadonlySet<number>
): number | undefined {
  const taxes = headers.flatMap((h, c) =>
    !used.has(c) && h.trim() !== "" && isTaxAmountHeader(h) && !isRateHeader(h) ? [c] : []
  );
  return taxes.length === 1 ? taxes[0] : undefined;
}

/** "GST %", "Tax Rate", "MwSt-Satz": the tax's rate, not its amount. */
function isRateHeader(header: string): boolean {
  return /%/.test(header) || wordsOf(header).some((w) => RATE_WORDS.has(w));
}
const RATE_WORDS: ReadonlySet<string> = new Set(["rate", "satz", "taux", "tipo", "code"]);
