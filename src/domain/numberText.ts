/**
 * Plain numbers in the text KAP writes (alerts, factor lines, captions): the words stay English,
 * the figures follow the culture, as Office does with an English UI and a German regional
 * format: de-DE "9,3 days", "53 %"; fr-FR "53 %" (no-break space). No culture: en-GB, as KAP
 * always wrote ("9.3", "53%"). Worked out from Intl once per culture, not per figure.
 */
export interface NumberStyle {
  group: string;
  decimal: string;
  /** what goes between a figure and its percent sign: '' in en-GB and en-US, a no-break space in de-DE */
  percentGap: string;
}

const EN_GB: NumberStyle = { group: ",", decimal: ".", percentGap: "" };
const styles = new Map<string, NumberStyle>();

function styleFromIntl(culture: string): NumberStyle {
  try {
    const plain = new Intl.NumberFormat(culture, { minimumFractionDigits: 1 }).formatToParts(
      1234.5
    );
    const pct = new Intl.NumberFormat(culture, { style: "percent" }).formatToParts(0.53);
    const sign = pct.findIndex((p) => p.type === "percentSign");
    const last = pct.findIndex((p) => p.type === "integer");
    // only a gap after the figure ("53 %"); a sign before it (tr-TR "%53") is written as en-GB's
    const gap =
      sign > last
        ? pct
            .slice(last + 1, sign)
            .map((p) => p.value)
            .join("")
        : "";
    return {
      group: plain.find((p) => p.type === "group")?.value ?? ",",
      decimal: plain.find((p) => p.type === "decimal")?.value ?? ".",
      percentGap: gap,
    };
  } catch {
    return EN_GB; // a culture tag Intl refuses: en-GB, as with none
  }
}

/** The number style of a culture; en-GB for none. */
export function numberStyle(culture?: string): NumberStyle {
  const name = culture?.trim().replace(/_/g, "-");
  if (!name) return EN_GB;
  let s = styles.get(name);
  if (s === undefined) styles.set(name, (s = styleFromIntl(name)));
  return s;
}

/** A figure already in its written form ("-9.3", "1234", "+37") with the culture's decimal mark. */
export function decimalText(fixed: string, culture?: string): string {
  const { decimal } = numberStyle(culture);
  return decimal === "." ? fixed : fixed.replace(".", decimal);
}

/** 53 → "53%" (en-GB), "53 %" (de-DE); the figure as given ("+37", "9.5") with the culture's decimal mark. */
export function percentText(figure: number | string, culture?: string): string {
  const s = numberStyle(culture);
  return `${decimalText(String(figure), culture)}${s.percentGap}%`;
}

/** A change in percent with its sign: 10 → "+10%", -53 → "-53%", 0 → "0%" (de-DE "+10 %"). */
export function signedPercentText(figure: number, culture?: string): string {
  return percentText(`${figure > 0 ? "+" : ""}${figure === 0 ? 0 : figure}`, culture);
}

/** A rule's share as a whole percent: 0.5 → "50%" (en-GB), "50 %" (de-DE). */
export function shareText(share: number, culture?: string): string {
  return percentText(Math.round(share * 100), culture);
}

const grouped = new Map<string, Intl.NumberFormat>();

/** 1012 → "1,012" (en-GB, as toLocaleString wrote it), "1.012" (de-DE); up to 3 decimals. Not for hot paths. */
export function wholeText(n: number, culture?: string): string {
  const name = culture?.trim().replace(/_/g, "-");
  if (!name) return n.toLocaleString("en-GB");
  let f = grouped.get(name);
  if (f === undefined) {
    try {
      f = new Intl.NumberFormat(name);
    } catch {
      f = new Intl.NumberFormat("en-GB"); // a culture tag Intl refuses: en-GB, as with none
    }
    grouped.set(name, f);
  }
  return f.format(n);
}

/**
 * KAP's fixed English text with figures in it ("+20% or more", "top 80% of revenue", "lift ≥
 * 1.2", "2,500+") with the figures the culture's way: de-DE "+20 % or more", "1,2", "2.500+".
 * Only for text KAP wrote itself (a rule's label, a caption), never for what came from the data.
 * No culture: the text unchanged.
 */
export function figuresText(text: string, culture?: string): string {
  const s = numberStyle(culture);
  if (s === EN_GB || (s.group === "," && s.decimal === "." && s.percentGap === "")) return text;
  return text.replace(/\d{1,3}(?:,\d{3})+(?:\.\d+)?%?|\d+(?:\.\d+)?%?/g, (figure) => {
    const pct = figure.endsWith("%");
    const digits = (pct ? figure.slice(0, -1) : figure).replace(/[,.]/g, (m) =>
      m === "," ? s.group : s.decimal
    );
    return pct ? `${digits}${s.percentGap}%` : digits;
  });
}

/**
 * A fitted model parameter (BG/NBD's r, α, a, b; Gamma-Gamma's p, q, γ) reads with 4 decimals
 * from 0.001 to 99,999.9999; beyond that (a fit that ran off to b = 67,370,350, a = 8.3e-12) in
 * scientific notation, so a row of them keeps its width and its figures sit under their labels.
 */
export function isScientificParameter(x: number): boolean {
  const a = Math.abs(x);
  return Number.isFinite(a) && a !== 0 && (a < 1e-3 || a >= 1e5);
}

/** A parameter as text: "7,154.5379", or "6.737E+07" as Excel's 0.000E+00 shows it. */
export function parameterText(x: number): string {
  if (!isScientificParameter(x))
    return x.toLocaleString("en-GB", { minimumFractionDigits: 4, maximumFractionDigits: 4 });
  const [mantissa, exp] = x.toExponential(3).split("e");
  const e = Number(exp);
  return `${mantissa}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
}
