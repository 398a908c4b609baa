/**
 * Text numbers in KAP.* arguments ("2,5", "1.200", "£1,250.00", "20%"), read the way the
 * workbook writes numbers: with its decimal mark known, a text is read under that convention
 * only ("45,0" in a decimal-point workbook is not a number, never 450); with it unknown, a text
 * that reads as two different numbers ("1,200": 1200 or 1.2) is reported as ambiguous rather
 * than guessed.
 *
 * This is the small interface the functions need. The ingest is gaining a per-column number
 * convention parser (src/ingest); when it lands, `readNumberText` becomes a thin call to it so
 * the pane, the CLI and the functions share one reading of number text.
 */
export type DecimalMark = "." | ",";

export type NumberReading =
  /** One reading. */
  | { kind: "number"; value: number }
  /** Reads as a different number under each convention (decimal point first). */
  | { kind: "ambiguous"; point: number; comma: number }
  /** Not a number under the workbook's convention, but one under the other (shown in messages). */
  | { kind: "otherMark"; value: number }
  | { kind: "notNumber" };

const GROUPING_SPACES = /[\s\u00a0\u202f']/g;
const CURRENCY = /^[£€$¥₹]|[£€$¥₹]$/;
const CODE_BEFORE = /^[A-Z]{3}\s+/;
const CODE_AFTER = /\s+[A-Z]{3}$/;
const EXPONENT = /^\d+(\.\d+)?e[+-]?\d+$/i;

/** Digits with thousands groups and a decimal part under one convention; undefined when the text breaks it. */
function under(core: string, mark: DecimalMark): number | undefined {
  const group = mark === "." ? "," : ".";
  const [whole, frac, extra] = core.split(mark);
  if (extra !== undefined) return undefined;
  if (frac !== undefined && !/^\d+$/.test(frac)) return undefined;
  let digits: string;
  if (whole === "") {
    if (frac === undefined) return undefined;
    digits = "0";
  } else if (/^\d+$/.test(whole)) digits = whole;
  else {
    const parts = whole.split(group);
    // "1,234,567": a first group of 1–3 digits, then groups of exactly 3.
    if (!/^\d{1,3}$/.test(parts[0]) || !parts.slice(1).every((p) => /^\d{3}$/.test(p)))
      return undefined;
    digits = parts.join("");
  }
  const n = Number(frac === undefined ? digits : `${digits}.${frac}`);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * A number from text, under the workbook's decimal mark when known. Accepts a sign (+, -, −,
 * a trailing -, or brackets), a currency symbol or ISO code before or after, spaces or
 * apostrophes between digit groups, and a trailing % (divided by 100).
 */
export function readNumberText(text: string, mark: DecimalMark | undefined): NumberReading {
  let s = text.trim();
  let sign = 1;
  let scale = 1;
  if (s.endsWith("%")) {
    scale = 0.01;
    s = s.slice(0, -1).trim();
  }
  if (s.startsWith("(") && s.endsWith(")")) {
    sign = -sign;
    s = s.slice(1, -1).trim();
  }
  if (/^[+\-\u2212]/.test(s)) {
    if (s[0] !== "+") sign = -sign;
    s = s.slice(1).trim();
  } else if (s.endsWith("-")) {
    sign = -sign;
    s = s.slice(0, -1).trim();
  }
  s = s
    .replace(CODE_BEFORE, "")
    .replace(CODE_AFTER, "")
    .replace(CURRENCY, "")
    .replace(GROUPING_SPACES, "");
  if (!/^[\d.,]*\d[\d.,]*$/.test(s) && !EXPONENT.test(s)) return { kind: "notNumber" };
  const result = (v: number): NumberReading => ({ kind: "number", value: sign * v * scale });
  if (EXPONENT.test(s)) return mark === "," ? { kind: "notNumber" } : result(Number(s));
  const point = under(s, ".");
  const comma = under(s, ",");
  if (mark !== undefined) {
    const mine = mark === "." ? point : comma;
    if (mine !== undefined) return result(mine);
    const other = mark === "." ? comma : point;
    return other === undefined
      ? { kind: "notNumber" }
      : { kind: "otherMark", value: sign * other * scale };
  }
  if (point !== undefined && comma !== undefined && point !== comma)
    return { kind: "ambiguous", point: sign * point * scale, comma: sign * comma * scale };
  const only = point ?? comma;
  return only === undefined ? { kind: "notNumber" } : result(only);
}
