/**
 * Tax written as an invoice line of its own ("VAT 20%", "Sales Tax", "MwSt 19%", "Umsatzsteuer"):
 * no revenue, no product, no category. A label is one when every word of it is a tax word, a
 * rate or a qualifier ("Output VAT", "zzgl. 19 % MwSt.", "TVA collectée 5,5%"): a product whose
 * name merely holds the letters or the word ("VATAR cable", "Tax-free gift card") is none.
 */

/**
 * Words that name a tax on sales (English, German, French, Italian, Spanish, Dutch, Czech, Nordic):
 * in a line's label here, in a column's header in taxTrio.ts.
 */
export const TAX_WORDS: ReadonlySet<string> = new Set([
  "vat",
  "tax",
  "taxes",
  "gst",
  "hst",
  "pst",
  "qst",
  "mwst",
  "ust",
  "umsatzsteuer",
  "mehrwertsteuer",
  "steuer",
  "tva",
  "taxe",
  "iva",
  "impuesto",
  "impuestos",
  "imposta",
  "btw",
  "dph",
  "moms",
  "mva",
]);

/** Words that qualify a tax word without making it a product ("Output VAT", "State Sales Tax", "Value Added Tax"). */
const QUALIFIERS = new Set([
  "sales",
  "output",
  "state",
  "county",
  "city",
  "local",
  "value",
  "added",
  "standard",
  "reduced",
  "rate",
  "on",
  "at",
  "zzgl",
  "inkl",
  "plus",
  "collectée",
  "collectee",
  "sur",
  "amount",
]);

/** A rate: "20", "6.25", "5,5", with or without its "%". */
const RATE = /^\d+(?:[.,]\d+)?%?$/;

/**
 * A jurisdiction's or rate's code written in capitals beside the tax word: NetSuite's tax items
 * "CA Sales Tax", "NY State Tax", "VAT:S-GB" (S the standard rate, GB the country).
 */
const CODE = /^[A-Z]{1,3}$/;

/** Whether `label` (an item code or description) names a tax line. */
export function isTaxLabel(label: string): boolean {
  const words = label
    .replace(/(\d)\s+%/g, "$1%")
    .split(/[^\p{L}\d.,%]+/u)
    .map((w) => w.replace(/^[.,]+|[.,]+$/g, ""))
    .filter((w) => w !== "");
  let taxWord = false;
  for (const written of words) {
    const w = written.toLowerCase();
    if (TAX_WORDS.has(w)) taxWord = true;
    else if (!QUALIFIERS.has(w) && !RATE.test(w) && w !== "%" && !CODE.test(written)) return false;
  }
  return taxWord;
}
