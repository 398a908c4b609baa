/**
 * What in the data says KAP's default currency (GBP) is most likely not its own: numbers written
 * with a decimal comma (a continental European export), dates the data itself writes month-first
 * (a US export), numbers grouped in lakhs (India), Japanese text. Such money is shown with no
 * symbol (a "£" would end up in a customer's QBR), and the user is told how to name it.
 */
import type { IngestReport } from "../ingest/orders";

export interface CurrencyDoubt {
  /** what in the data shows it: "its numbers are written with a decimal comma ("Net"), as in continental Europe" */
  evidence: string;
  /** the --culture that would name the likeliest currency: "de-DE or fr-FR for euros" */
  culture: string;
}

/** Kana, or a company form only Japan writes (Chinese writes 有限公司): Japanese, not Chinese. */
const JAPANESE = /[\u3041-\u3096\u30a1-\u30fa]|株式会社|有限会社|合同会社|合資会社|合名会社/;

/** The first account written in Japanese ("株式会社山田商店"), quoted; undefined when none is. */
export function japaneseAccountOf(
  ids: readonly string[],
  names: readonly (string | undefined)[]
): string | undefined {
  for (let i = 0; i < ids.length; i++) {
    const name = names[i];
    if (name !== undefined && JAPANESE.test(name)) return `"${name}"`;
    if (JAPANESE.test(ids[i])) return `"${ids[i]}"`;
  }
  return undefined;
}

/**
 * Why the default currency is most likely wrong for money that names none, or undefined when
 * nothing says so (a line naming a currency, or a plain file that gives no hint: GBP as ever).
 */
export function currencyDoubtOf(
  r: IngestReport,
  japaneseAccount: () => string | undefined
): CurrencyDoubt | undefined {
  if (Object.keys(r.currencies).some((c) => c !== "")) return undefined;
  const commas = r.numbers.filter((n) => n.decimal === ",");
  // a money column names the evidence best ("Einzelpreis" rather than "Menge")
  const comma = commas.find((n) => n.field !== "quantity") ?? commas[0];
  if (comma)
    return {
      evidence: `its numbers are written with a decimal comma ("${comma.header}"), as in continental Europe`,
      culture: "de-DE or fr-FR for euros",
    };
  // dates the data itself writes month-first (QuickBooks Desktop's, a US ERP's): a US export
  const read = r.read;
  if (
    read?.dateOrder === "mdy" &&
    (read.dateOrderSource === "data" || read.dateOrderSource === "layout")
  )
    return {
      evidence: "its dates are written month-first, as in the US",
      culture: "en-US for dollars",
    };
  // numbers grouped in lakhs and crores ("1,25,000.00"): India's way (the rupee's neighbours' too)
  const lakh =
    r.numbers.find((n) => n.lakh !== undefined && n.field !== "quantity") ??
    r.numbers.find((n) => n.lakh !== undefined);
  if (lakh)
    return {
      evidence: `its numbers are grouped in lakhs and crores ("${lakh.lakh}" in "${lakh.header}"), as in India`,
      culture: "en-IN for rupees",
    };
  // the file's text is Japanese: its Shift-JIS encoding, else an account written in Japanese
  const japanese = /shift.?jis/i.test(r.read?.encoding ?? "")
    ? "Shift-JIS text"
    : japaneseAccount();
  if (japanese) return { evidence: `its text is Japanese (${japanese})`, culture: "ja-JP for yen" };
  return undefined;
}
