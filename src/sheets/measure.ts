/**
 * How wide text is on a sheet, estimated the way Excel lays it out: Excel's default font is
 * Calibri 11 (LibreOffice uses the metric-compatible Carlito), a column width of N "characters"
 * is N × 7 + 5 pixels (the width of "0" is 7 px at 96 dpi), and a line of 11 pt text needs a
 * 15 pt row. Widths come from Calibri's advance widths (units of 1/2048 em, per character;
 * other characters count as an average letter), scaled by the font size and 5% wider for bold.
 * Estimates, not a renderer: they err slightly wide, so what is said to fit does.
 */

/** Calibri advance widths in 1/2048 em for printable ASCII 32–126. */
const CALIBRI = [
  463,
  544,
  736,
  1038,
  1040,
  1465,
  1406,
  452,
  621,
  621,
  1038,
  1038,
  511,
  627,
  517,
  791, // space ! " # $ % & ' ( ) * + , - . /
  1038,
  1038,
  1038,
  1038,
  1038,
  1038,
  1038,
  1038,
  1038,
  1038, // 0–9
  548,
  548,
  1038,
  1038,
  1038,
  941,
  1823, // : ; < = > ? @
  1185,
  1114,
  1092,
  1260,
  1000,
  941,
  1292,
  1276,
  516,
  653,
  1064,
  861,
  1751,
  1322,
  1356,
  1058,
  1378,
  1112,
  941,
  998,
  1314,
  1162,
  1822,
  1063,
  998,
  959, // A–Z
  628,
  791,
  628,
  1038,
  1038,
  596, // [ \ ] ^ _ `
  981,
  1076,
  866,
  1076,
  1019,
  625,
  964,
  1076,
  470,
  490,
  931,
  470,
  1636,
  1076,
  1080,
  1076,
  1076,
  714,
  801,
  686,
  1076,
  925,
  1464,
  887,
  927,
  809, // a–z
  714,
  1038,
  714,
  1038, // { | } ~
];
const AVERAGE = 1000;
/** A few common non-ASCII characters KAP writes. */
const OTHER: Record<string, number> = {
  "£": 1038,
  "€": 1038,
  "–": 1024,
  "—": 2048,
  "…": 1536,
  "·": 517,
  "×": 1038,
  "→": 2048,
  "≥": 1038,
  "≤": 1038,
  "✔": 1536,
  "✘": 1536,
  "☐": 1536,
  "•": 1000,
  "▲": 1536,
  "▼": 1536,
  "►": 1536,
  "’": 452,
  "“": 736,
  "”": 736,
};
const BARS = "▁▂▃▄▅▆▇█";

/** Default font size (pt) of a cell: Calibri 11. */
export const DEFAULT_FONT_SIZE = 11;

/** Pixels (96 dpi) of one line of text at `fontSize` points. */
export function textPixels(text: string, fontSize = DEFAULT_FONT_SIZE, bold = false): number {
  let units = 0;
  // by UTF-16 code unit, a character string made only beyond printable ASCII (as for…of would)
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (u >= 32 && u <= 126) {
      units += CALIBRI[u - 32];
      continue;
    }
    const c = text.codePointAt(i)!;
    const ch = String.fromCodePoint(c);
    if (c > 0xffff) i++;
    units += BARS.includes(ch) ? 1200 : (OTHER[ch] ?? AVERAGE);
  }
  return (units / 2048) * fontSize * (96 / 72) * (bold ? 1.05 : 1);
}

/** Pixels of a column `chars` wide (Excel's column width unit). */
export function columnPixels(chars: number): number {
  return Math.floor(chars * 7 + 5);
}

/** The column width (in characters) that shows `text` on one line, with Excel's cell padding. */
export function charsFor(text: string, fontSize = DEFAULT_FONT_SIZE, bold = false): number {
  return (textPixels(text, fontSize, bold) + 6 - 5) / 7;
}

/** Row height in points of `lines` lines of text at `fontSize`. */
export function rowHeightFor(lines: number, fontSize = DEFAULT_FONT_SIZE): number {
  return Math.ceil(Math.max(1, lines) * fontSize * (15 / 11) * 4) / 4;
}

/**
 * Lines `text` takes when wrapped in `widthChars` (word wrap at spaces and after hyphens, as
 * Excel does; a word longer than the line is broken). Explicit line breaks count.
 */
export function wrappedLines(
  text: string,
  widthChars: number,
  fontSize = DEFAULT_FONT_SIZE,
  bold = false
): number {
  const avail = Math.max(1, columnPixels(widthChars) - 6);
  let lines = 0;
  for (const para of text.split("\n")) {
    lines++;
    let x = 0;
    const words = para.split(/(?<=[ -])/);
    for (const w of words) {
      const wp = textPixels(w, fontSize, bold);
      const trimmed = textPixels(w.replace(/ +$/, ""), fontSize, bold);
      if (x > 0 && x + trimmed > avail) {
        lines++;
        x = 0;
      }
      if (trimmed > avail) {
        // a word wider than the line is broken across lines
        lines += Math.ceil(trimmed / avail) - 1;
        x = trimmed % avail;
      } else x += wp;
    }
  }
  return lines;
}
