/**
 * Delimited text files as people save them, read from disk in chunks straight into the ingest
 * session: never the whole file as one string, never one big grid.
 *
 * - Encodings: UTF-8 with or without a BOM; UTF-16 LE/BE with a BOM (Excel's "Unicode text",
 *   tab-delimited); Windows-1252 (older Excel CSVs) with its own characters for bytes
 *   0x80–0x9F (€ ‚ „ … ‘ ’ “ ” – —) from the table below — not the platform's decoder, which in
 *   Node ≥ 20.18.3 decodes "windows-1252" as Latin-1. A file is read as UTF-8 until a field is
 *   not valid UTF-8; from there on it is Windows-1252. A file whose first bytes are not UTF-8 and
 *   show Central European letters (looksCentralEuropean: "Kształtka", "odběratele") is
 *   Windows-1250 (Polish, Czech, Slovak, Hungarian Windows exports) from its first byte.
 * - Delimiter: Excel's "sep=;" first line, else sniffed among , ; tab | from the first lines (the
 *   one that splits every line into the same number of fields, more than one).
 * - RFC 4180 quoting: delimiters, doubled quotes and line breaks inside quotes; CRLF, LF or CR.
 *
 * The parser works on bytes (measured: about 3× papaparse and 10× csv-parse on the 1,048,575-line
 * bench file, mostly because numbers never become strings and a field equal to the same column
 * in the row above reuses its value). Every string it makes is a fresh copy, never a slice of a
 * read buffer, so what the engine keeps does not hold the file's blocks in memory.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { isAscii, isUtf8 } from "node:buffer";
import { type Cell, USUAL_COLUMNS } from "../ingest/grid";
import type { RowEncoder } from "./rowWire";

export type TextEncoding =
  "utf-8" | "utf-16le" | "utf-16be" | "shift_jis" | "windows-1252" | "windows-1250" | "macintosh";

/** A one-byte encoding a file not in UTF-8 is read in. */
export type LegacyEncoding = "windows-1252" | "windows-1250" | "macintosh";

/** Windows-1252 bytes 0x80–0x9F (the five undefined bytes keep their own code points, as browsers do). */
const CP1252_80_9F = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
  0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc,
  0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

/**
 * Windows-1250 (Central European: Polish, Czech, Slovak, Hungarian … exports from Windows ERPs)
 * bytes 0x80–0xFF, as WHATWG's table (Node's TextDecoder("windows-1250")) reads them.
 */
const CP1250_80_FF = [
  0x20ac, 0x81, 0x201a, 0x83, 0x201e, 0x2026, 0x2020, 0x2021, 0x88, 0x2030, 0x160, 0x2039, 0x15a,
  0x164, 0x17d, 0x179, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x98, 0x2122,
  0x161, 0x203a, 0x15b, 0x165, 0x17e, 0x17a, 0xa0, 0x2c7, 0x2d8, 0x141, 0xa4, 0x104, 0xa6, 0xa7,
  0xa8, 0xa9, 0x15e, 0xab, 0xac, 0xad, 0xae, 0x17b, 0xb0, 0xb1, 0x2db, 0x142, 0xb4, 0xb5, 0xb6,
  0xb7, 0xb8, 0x105, 0x15f, 0xbb, 0x13d, 0x2dd, 0x13e, 0x17c, 0x154, 0xc1, 0xc2, 0x102, 0xc4, 0x139,
  0x106, 0xc7, 0x10c, 0xc9, 0x118, 0xcb, 0x11a, 0xcd, 0xce, 0x10e, 0x110, 0x143, 0x147, 0xd3, 0xd4,
  0x150, 0xd6, 0xd7, 0x158, 0x16e, 0xda, 0x170, 0xdc, 0xdd, 0x162, 0xdf, 0x155, 0xe1, 0xe2, 0x103,
  0xe4, 0x13a, 0x107, 0xe7, 0x10d, 0xe9, 0x119, 0xeb, 0x11b, 0xed, 0xee, 0x10f, 0x111, 0x144, 0x148,
  0xf3, 0xf4, 0x151, 0xf6, 0xf7, 0x159, 0x16f, 0xfa, 0x171, 0xfc, 0xfd, 0x163, 0x2d9,
];

/**
 * Mac OS Roman bytes 0x80–0xFF, as WHATWG's table (TextDecoder("macintosh")) reads them: the
 * encoding Excel for Mac saves "Comma Separated Values" in (ä ö ü é è ç are 0x8A 0x9A 0x9F 0x8E
 * 0x8F 0x8D, € is 0xDB).
 */
const MAC_ROMAN_80_FF = [
  0xc4, 0xc5, 0xc7, 0xc9, 0xd1, 0xd6, 0xdc, 0xe1, 0xe0, 0xe2, 0xe4, 0xe3, 0xe5, 0xe7, 0xe9, 0xe8,
  0xea, 0xeb, 0xed, 0xec, 0xee, 0xef, 0xf1, 0xf3, 0xf2, 0xf4, 0xf6, 0xf5, 0xfa, 0xf9, 0xfb, 0xfc,
  0x2020, 0xb0, 0xa2, 0xa3, 0xa7, 0x2022, 0xb6, 0xdf, 0xae, 0xa9, 0x2122, 0xb4, 0xa8, 0x2260, 0xc6,
  0xd8, 0x221e, 0xb1, 0x2264, 0x2265, 0xa5, 0xb5, 0x2202, 0x2211, 0x220f, 0x3c0, 0x222b, 0xaa, 0xba,
  0x3a9, 0xe6, 0xf8, 0xbf, 0xa1, 0xac, 0x221a, 0x192, 0x2248, 0x2206, 0xab, 0xbb, 0x2026, 0xa0,
  0xc0, 0xc3, 0xd5, 0x152, 0x153, 0x2013, 0x2014, 0x201c, 0x201d, 0x2018, 0x2019, 0xf7, 0x25ca,
  0xff, 0x178, 0x2044, 0x20ac, 0x2039, 0x203a, 0xfb01, 0xfb02, 0x2021, 0xb7, 0x201a, 0x201e, 0x2030,
  0xc2, 0xca, 0xc1, 0xcb, 0xc8, 0xcd, 0xce, 0xcf, 0xcc, 0xd3, 0xd4, 0xf8ff, 0xd2, 0xda, 0xdb, 0xd9,
  0x131, 0x2c6, 0x2dc, 0xaf, 0x2d8, 0x2d9, 0x2da, 0xb8, 0x2dd, 0x2db, 0x2c7,
];

/** Windows-1252 bytes [a, b) → text. */
export function decode1252(bytes: Uint8Array, a = 0, b = bytes.length): string {
  let out = "";
  let run = "";
  for (let i = a; i < b; i++) {
    const c = bytes[i];
    run += String.fromCharCode(c >= 0x80 && c <= 0x9f ? CP1252_80_9F[c - 0x80] : c);
    if (run.length >= 4096) {
      out += run;
      run = "";
    }
  }
  return out + run;
}

/** Bytes [a, b) of a one-byte encoding whose bytes 0x80–0xFF are `high`'s code points → text. */
function decodeHigh(high: readonly number[], bytes: Uint8Array, a: number, b: number): string {
  let out = "";
  let run = "";
  for (let i = a; i < b; i++) {
    const c = bytes[i];
    run += String.fromCharCode(c >= 0x80 ? high[c - 0x80] : c);
    if (run.length >= 4096) {
      out += run;
      run = "";
    }
  }
  return out + run;
}

/** Windows-1250 bytes [a, b) → text. */
export function decode1250(bytes: Uint8Array, a = 0, b = bytes.length): string {
  return decodeHigh(CP1250_80_FF, bytes, a, b);
}

/** Mac OS Roman bytes [a, b) → text. */
export function decodeMacRoman(bytes: Uint8Array, a = 0, b = bytes.length): string {
  return decodeHigh(MAC_ROMAN_80_FF, bytes, a, b);
}

/** Bytes [a, b) in a one-byte encoding → text. */
export function decodeLegacy(
  encoding: LegacyEncoding,
  bytes: Uint8Array,
  a = 0,
  b = bytes.length
): string {
  return encoding === "windows-1250"
    ? decode1250(bytes, a, b)
    : encoding === "macintosh"
      ? decodeMacRoman(bytes, a, b)
      : decode1252(bytes, a, b);
}

function isLetterByte(c: number): boolean {
  return (
    (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7)
  );
}

/** a e i o u y, either case, or á é í ó ú ý (the same bytes in 1250 and 1252) */
function isVowelByte(c: number): boolean {
  return (
    "aeiouyAEIOUY".includes(String.fromCharCode(c)) ||
    c === 0xe1 ||
    c === 0xe9 ||
    c === 0xed ||
    c === 0xf3 ||
    c === 0xfa ||
    c === 0xfd
  );
}

/**
 * Whether byte i is a Central European letter that only Windows-1250 explains there. Each byte
 * here is a letter in 1250 and a sign (or undefined) in 1252, so beside a letter only 1250 reads
 * it: Ł before a letter ("Łęczna"; £ stands before a figure), ł beside one ("zł"; not after m,
 * where ³ is "m³"), Ż/ż ("Żabka"; ż after a letter, as Spanish ¿ opens a word), ą, ź, ť, Ľ/ľ.
 * Two letters of both: ě between letters (Western ì ends a word: "così"), and č before a vowel
 * ("účet") or in "Kč" (French and Italian è stand before a consonant or end a longer word).
 */
function isCeLetterAt(b: Uint8Array, i: number): boolean {
  const before = i > 0 ? b[i - 1] : 0;
  const after = i + 1 < b.length ? b[i + 1] : 0;
  switch (b[i]) {
    case 0xa3: // Ł / £
    case 0xa5: // Ą / ¥
      return isLetterByte(after);
    case 0xb3: // ł / ³
      return (isLetterByte(before) && before !== 0x6d) || isLetterByte(after);
    case 0xbf: // ż / ¿
      return isLetterByte(before);
    case 0xaf: // Ż / ¯
    case 0xb9: // ą / ¹
    case 0xbc: // Ľ / ¼
    case 0xbe: // ľ / ¾
    case 0x8d: // Ť / undefined
    case 0x8f: // Ź / undefined
    case 0x9d: // ť / undefined
      return isLetterByte(before) || isLetterByte(after);
    case 0xec: // ě / ì
      return isLetterByte(before) && isLetterByte(after);
    case 0xe8: // č / è
      return (
        (isLetterByte(before) && isVowelByte(after)) ||
        (isAsciiLetter(before) && !isLetterByte(i > 1 ? b[i - 2] : 0) && !isLetterByte(after))
      );
    default:
      return false;
  }
}

/**
 * Whether byte i is a sign or letter that Western text has there and Central European text
 * does not: £ or ¥ before a figure ("£4"; in 1250 Ł, Ą), ² or ³ after m ("m²", "m³"), ¿ or ¡
 * opening a word, à and å beside a letter ("Qualità", "Ålesund"; 1250's ŕ, ĺ are rare Slovak).
 */
function isWesternAt(b: Uint8Array, i: number): boolean {
  const before = i > 0 ? b[i - 1] : 0;
  const after = i + 1 < b.length ? b[i + 1] : 0;
  switch (b[i]) {
    case 0xa3:
    case 0xa5:
      return after >= 0x30 && after <= 0x39;
    case 0xb2:
    case 0xb3:
      return before === 0x6d && !isLetterByte(after);
    case 0xa1:
    case 0xbf:
      return !isLetterByte(before) && isLetterByte(after);
    case 0xc0:
    case 0xe0:
    case 0xc5:
    case 0xe5:
      return isLetterByte(before) || isLetterByte(after);
    default:
      return false;
  }
}

/**
 * Whether a file that is not UTF-8 is in Windows-1250 rather than Windows-1252, by the evidence
 * of the whole sample: two or more bytes only a Central European letter explains (isCeLetterAt),
 * and more of them than bytes only Western text explains (isWesternAt). French, German, Spanish
 * or Italian text in Windows-1252 has none (its é, ø, œ, ñ are letters in both and settle
 * nothing).
 */
export function looksCentralEuropean(head: Uint8Array): boolean {
  let central = 0;
  let western = 0;
  for (let i = 0; i < head.length; i++) {
    if (head[i] < 0x80) continue;
    if (isCeLetterAt(head, i)) central++;
    else if (isWesternAt(head, i)) western++;
  }
  return central >= 2 && central > western;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/**
 * Whether a file that is not UTF-8 is in Mac OS Roman (Excel for Mac's CSV): two or more bytes of
 * 0x80–0x9F stand between two letters, as its lower-case ä ö ü é è à ç do ("Sanit\x8Ar",
 * "M\x9Fller"), and no byte of 0xA0 and above does, as the same letters do in Windows-1252 and
 * 1250 (ä is 0xE4 there; Polish and Czech text has ł ą ó č ě there). Windows-1252's quotes
 * 0x91–0x94 ("O’Neill") settle nothing; ß (0xA7) is a letter in Mac OS Roman only.
 */
export function looksMacRoman(head: Uint8Array): boolean {
  let low = 0;
  for (let i = 1; i + 1 < head.length; i++) {
    const c = head[i];
    if (c < 0x80 || !isAsciiLetter(head[i - 1]) || !isAsciiLetter(head[i + 1])) continue;
    if (c >= 0xa0) {
      if (c !== 0xa7) return false;
    } else if (c < 0x91 || c > 0x94) low++;
  }
  return low >= 2;
}

/** The encoding a file's first bytes show: a BOM, else UTF-16 by its NUL bytes (utf16WithoutBom), else UTF-8 (changed to Windows-1252 at the first field that is not UTF-8). */
export function sniffEncoding(head: Uint8Array): { encoding: TextEncoding; bom: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { encoding: "utf-8", bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: "utf-16le", bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: "utf-16be", bom: 2 };
  const wide = utf16WithoutBom(head);
  if (wide) return { encoding: wide, bom: 0 };
  // No BOM: UTF-8 when the bytes are (a cut multi-byte character at the end is allowed for).
  let end = head.length;
  while (end > 0 && end > head.length - 3 && (head[end - 1] & 0xc0) === 0x80) end--;
  if (end > 0 && head[end - 1] >= 0xc0) end--;
  if (isUtf8(head.subarray(0, end))) return { encoding: "utf-8", bom: 0 };
  if (looksShiftJis(head)) return { encoding: "shift_jis", bom: 0 };
  return { encoding: legacyOf(head), bom: 0 };
}

/**
 * Whether bytes that are not UTF-8 are Shift-JIS (Excel's CSV on Japanese Windows): every byte
 * above 0x7F is a half-width katakana (0xA1–0xDF) or a lead byte (0x81–0x9F, 0xE0–0xFC) with a
 * trail byte (0x40–0x7E, 0x80–0xFC), four or more such pairs, and a quarter of them or more with
 * a trail byte above 0x7F: Western text's é or ü before a letter makes a pair too, but two bytes
 * above 0x7F in a row are rare there ("Société" ends its é before ";", which no pair has).
 */
export function looksShiftJis(head: Uint8Array): boolean {
  let pairs = 0;
  let highTrail = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head[i];
    if (c < 0x80 || (c >= 0xa1 && c <= 0xdf)) continue;
    if (!((c >= 0x81 && c <= 0x9f) || (c >= 0xe0 && c <= 0xfc))) return false;
    if (i + 1 >= head.length) break; // a pair cut by the sample's end
    const t = head[++i];
    if (t < 0x40 || t === 0x7f || t > 0xfc) return false;
    pairs++;
    if (t >= 0x80) highTrail++;
  }
  return pairs >= 4 && highTrail * 4 >= pairs;
}

/** The one-byte encoding bytes that are not UTF-8 show (Windows-1252 unless they show another). */
export function legacyOf(bytes: Uint8Array): LegacyEncoding {
  // Mac OS Roman first: its è and ç (0x8F, 0x8D) are Central European letters in Windows-1250
  return looksMacRoman(bytes)
    ? "macintosh"
    : looksCentralEuropean(bytes)
      ? "windows-1250"
      : "windows-1252";
}

/** Bytes looked at, from the first field that is not UTF-8, to settle its encoding (as the sniff's 64 KB). */
export const LATE_SNIFF_BYTES = 64 * 1024;

/**
 * UTF-16 without a BOM (some database and script exports write it so): in the first 4 KB, the
 * high byte is 0 for a quarter of the characters or more (the digits, commas, dates and Latin
 * letters of a delimited export) and the low byte at most a quarter as often, surrogates aside
 * (U+DE00 has a 0 low byte: an emoji's second half). Text holds no NUL character, and binary data
 * has 0 on both sides alike. Undefined when the bytes do not look so.
 */
function utf16WithoutBom(head: Uint8Array): TextEncoding | undefined {
  const pairs = Math.min(head.length, 4096) >> 1;
  if (pairs < 2) return undefined;
  /** zero high bytes and zero low bytes (of non-surrogates), read as little- then big-endian */
  let leHigh = 0;
  let leLow = 0;
  let beHigh = 0;
  let beLow = 0;
  for (let i = 0; i < pairs; i++) {
    const a = head[2 * i];
    const b = head[2 * i + 1];
    // a NUL character: not text
    if (a === 0 && b === 0) return undefined;
    if (b === 0) leHigh++;
    else if (a === 0 && (b & 0xf8) !== 0xd8) leLow++;
    if (a === 0) beHigh++;
    else if (b === 0 && (a & 0xf8) !== 0xd8) beLow++;
  }
  if (leHigh * 4 >= pairs && leLow * 4 <= leHigh) return "utf-16le";
  if (beHigh * 4 >= pairs && beLow * 4 <= beHigh) return "utf-16be";
  return undefined;
}

/** Bytes → text by the rules above (whole small files: tests, LibreOffice's output). */
export function decodeText(buf: Uint8Array): string {
  const { encoding, bom } = sniffEncoding(buf);
  const body = Buffer.from(buf.buffer, buf.byteOffset + bom, buf.byteLength - bom);
  if (encoding === "utf-16le") return body.toString("utf16le");
  if (encoding === "utf-16be") return Buffer.from(body).swap16().toString("utf16le");
  if (encoding === "utf-8" && isUtf8(body)) return body.toString("utf8");
  if (encoding === "shift_jis") return new TextDecoder("shift_jis").decode(body);
  return decodeLegacy(encoding === "utf-8" ? lateLegacy(body) : encoding, body);
}

/**
 * A file whose first bytes were ASCII and whose later ones are not UTF-8: its encoding by the
 * bytes from the line of its first byte above 0x7F (a Mac OS Roman file with 64 KB of ASCII
 * rows first is not Windows-1252).
 */
function lateLegacy(body: Buffer): LegacyEncoding {
  let i = 0;
  while (i < body.length && body[i] < 0x80) i++;
  const from = body.lastIndexOf(LF, i) + 1;
  return legacyOf(body.subarray(from, from + LATE_SNIFF_BYTES));
}

const QUOTE = 34;
const CR = 13;
const LF = 10;
const SPACE = 32;
const TAB = 9;
// "~": the SAT's CFDI metadata (Mexico's Descarga masiva)
const CANDIDATES = [",", ";", "\t", "|", "~"];

/**
 * The delimiter of delimited text from its first lines: Excel's "sep=X" line if present, else
 * the candidate (, ; tab | ~) that splits the lines outside quotes into the same number of
 * fields, more than one (the most fields wins a tie); else the one with the most fields on the
 * header line; else a comma. `skip` is the length of a "sep=" line.
 */
export function sniffDelimiter(text: string): { delimiter: string; skip: number } {
  const sep = /^sep=(.)\r?\n/i.exec(text);
  if (sep) return { delimiter: sep[1], skip: sep[0].length };
  // Fields per line for each candidate, over up to 20 lines.
  const counts: number[][] = CANDIDATES.map(() => []);
  let quoted = false;
  let cur = CANDIDATES.map(() => 1);
  let lines = 0;
  let any = false;
  for (let i = 0; i < text.length && lines < 20; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      if (any) {
        CANDIDATES.forEach((_, k) => counts[k].push(cur[k]));
        lines++;
      }
      cur = CANDIDATES.map(() => 1);
      any = false;
    } else {
      any = true;
      const k = CANDIDATES.indexOf(ch);
      if (k >= 0) cur[k]++;
    }
  }
  // A last line without a line break counts only when it is the only line.
  if (any && lines === 0) CANDIDATES.forEach((_, k) => counts[k].push(cur[k]));
  let best = -1;
  CANDIDATES.forEach((_, k) => {
    const c = counts[k];
    if (c.length === 0 || c[0] < 2 || !c.every((x) => x === c[0])) return;
    if (best < 0 || c[0] > counts[best][0]) best = k;
  });
  if (best < 0) best = mostAgreeingLines(counts);
  return { delimiter: best < 0 ? "," : CANDIDATES[best], skip: 0 };
}

/**
 * The candidate whose commonest field count (2 or more) is on the most lines, the most fields
 * winning a tie; −1 when no line splits. A report's title lines above the header ("Umsatzliste
 * nach Kunden", "Zeitraum: …") and its footer split into one field by every candidate, so they
 * must not decide: a semicolon export under a title was read by commas, its header never found.
 */
function mostAgreeingLines(counts: readonly number[][]): number {
  let best = -1;
  let bestLines = 0;
  let bestFields = 0;
  counts.forEach((c, k) => {
    const tally = new Map<number, number>();
    for (const n of c) if (n >= 2) tally.set(n, (tally.get(n) ?? 0) + 1);
    for (const [fields, lines] of tally)
      if (lines > bestLines || (lines === bestLines && fields > bestFields)) {
        [best, bestLines, bestFields] = [k, lines, fields];
      }
  });
  return best;
}

export interface CsvParserOptions {
  /** The delimiter (one character). */
  delimiter: string;
  /** 'utf-8' (falls back to Windows-1252 at the first field that is not UTF-8), 'windows-1252' or 'windows-1250'. UTF-16 is transcoded before. */
  encoding: "utf-8" | LegacyEncoding;
  /**
   * Raw: every field as its text, as written. Typed (default): fields trimmed; empty → null;
   * plain numbers (-12, 3.5; not ids with leading zeros, not "1.200", which a column's number
   * convention must settle) → numbers; everything else text for ingest to parse.
   */
  raw?: boolean;
  /**
   * Rows go straight into this encoder, cell by cell (the reading thread's batches), instead of
   * being emitted as row arrays: no row is built only to be taken apart again.
   */
  wire?: RowEncoder;
  /**
   * A 'utf-8' file's first field that is not UTF-8, `offset` bytes into what was fed: the
   * one-byte encoding to read on in, by the file's bytes from there (TextFileReader reads them
   * from the file, so the answer does not hang on where the reads end). Else Windows-1252.
   */
  legacyAt?: (offset: number) => LegacyEncoding;
}

/** The longest single row KAP reads (a runaway quote otherwise swallows the rest of the file). */
export const MAX_ROW_BYTES = 64 * 1024 * 1024;

/** A row over MAX_ROW_BYTES, or another limit of the reader: one sentence for the user. */
export class TextLimitError extends Error {}

/**
 * The most fields a row may have: Excel's 16,384 columns. A wider row is not a sheet's export
 * (a wrong delimiter, or a file that is not a table); each column's table of values would
 * otherwise grow the memory by the column.
 */
export const MAX_FIELDS = 16_384;

function tooManyFields(row: number): TextLimitError {
  return new TextLimitError(
    `row ${row} has more than ${MAX_FIELDS.toLocaleString("en-GB")} fields, Excel's column limit: check it is a table export and its delimiter`
  );
}

function rowTooLong(): TextLimitError {
  return new TextLimitError(
    `a row is longer than ${MAX_ROW_BYTES / 1048576} MB (an unclosed quote?)`
  );
}

/** Node's own Buffer decoders, without toString's argument checks (they are on every Buffer). */
type FastBuffer = Buffer & {
  latin1Slice(a: number, b: number): string;
  utf8Slice(a: number, b: number): string;
};

/**
 * Streaming RFC 4180 parser over bytes. Feed it consecutive chunks; it emits each complete row
 * and keeps the unfinished one for the next chunk. Rows end at LF (a CR before it is dropped),
 * or at a lone CR in files that use only CR.
 */
export class CsvParser {
  private readonly delim: number;
  private readonly raw: boolean;
  private readonly wire: RowEncoder | undefined;
  /** 'utf-8' until a field is not UTF-8. */
  encoding: "utf-8" | LegacyEncoding;
  /** 1-based row at which the encoding changed from UTF-8 (to `encoding`), if it did. */
  fellBackAt?: number;
  rows = 0;
  /** Bytes fed and parsed before `work`'s first one. */
  private consumed = 0;
  private readonly legacyAt: ((offset: number) => LegacyEncoding) | undefined;
  /** LF, or CR for files with lone CRs (settled by the first line break seen). */
  private eolByte = -1;
  private work: FastBuffer = Buffer.allocUnsafe(1 << 20) as FastBuffer;
  /** `work` read four bytes at a time (sameBytes) */
  private workView = viewOf(this.work);
  private have = 0;
  /** Bytes fed since the last parse, and how many the unfinished row waits for before the next. */
  private unparsed = 0;
  private waitFor = 0;
  /** Per column: where the row above's field is in `work`, its length (-1: none) and value. */
  private prevAt: number[] = [];
  private prevLen: number[] = [];
  /** Per column: what the row above's field was (a FieldKind), its number, its text. */
  private prevKind: FieldKind[] = [];
  private prevNumber: number[] = [];
  private prevText: string[] = [];
  /** Every byte of the bytes being parsed is below 0x80 (checked once per chunk, natively). */
  private allAscii = false;
  /** Row arrays handed back (`recycle`), filled again before new ones are made. */
  private spare: Cell[][] = [];
  /**
   * Per column of the row being emitted: its text's number in the column's table of values
   * (TextMemo: numbered 0, 1, 2… as first met), or −1 (a number, a blank, text not in a table).
   * Passed to `emit` beside the row; valid during that call only.
   */
  readonly rowIds = new Int32Array(1024);
  private prevId: number[] = [];
  /** the number of the text memoText last returned, or −1 */
  private memoId = -1;
  /** The field `classify` read last: its number (FieldKind.Number) or its text (FieldKind.Text, numbered `memoId`). */
  private fieldNumber = 0;
  private fieldText = "";

  constructor(options: CsvParserOptions) {
    if (options.delimiter.length !== 1 || options.delimiter.charCodeAt(0) > 127)
      throw new Error("The delimiter must be one ASCII character.");
    this.delim = options.delimiter.charCodeAt(0);
    this.encoding = options.encoding;
    this.raw = options.raw ?? false;
    this.wire = options.wire;
    this.legacyAt = options.legacyAt;
  }

  /** Parses `chunk` after what was left over; `final` = no more bytes follow. */
  feed(chunk: Uint8Array, final: boolean, emit: (row: Cell[], ids: Int32Array) => void): void {
    const need = this.have + chunk.length;
    if (need > this.work.length) {
      if (this.have > MAX_ROW_BYTES) throw rowTooLong();
      const bigger = Buffer.allocUnsafe(Math.max(need, this.work.length * 2)) as FastBuffer;
      this.work.copy(bigger, 0, 0, this.have);
      this.work = bigger;
      this.workView = viewOf(bigger);
    }
    this.work.set(chunk, this.have);
    const n = need;
    // A row longer than the reads is parsed again from its start once as many bytes again have
    // come, not at every read: its bytes are scanned a few times, not once per read (a 60 MB
    // multi-line note read 1 MB at a time was scanned 60 times).
    this.unparsed += chunk.length;
    if (!final && this.unparsed < this.waitFor && n <= MAX_ROW_BYTES) {
      this.have = n;
      return;
    }
    this.unparsed = 0;
    // The row above's fields are where they were: positions stay valid within this call only.
    this.prevLen.fill(-1);
    this.allAscii = isAscii(this.work.subarray(0, n));
    const used = this.parse(this.work, n, final, emit);
    // An unfinished row already past the limit stops here, whatever the size of the reads.
    if (n - used > MAX_ROW_BYTES) throw rowTooLong();
    if (used < n) this.work.copyWithin(0, used, n);
    this.consumed += used;
    this.have = n - used;
    this.waitFor = this.have;
  }

  /** Complete rows of buf[0, n) → emit; returns where the first unfinished row starts. */
  private parse(
    buf: FastBuffer,
    n: number,
    final: boolean,
    emit: (row: Cell[], ids: Int32Array) => void
  ): number {
    const d = this.delim;
    if (this.eolByte < 0) {
      const lf = buf.indexOf(LF);
      const cr = buf.indexOf(CR);
      if (lf >= 0 && lf < n && (cr < 0 || cr === lf - 1 || cr > lf)) this.eolByte = LF;
      else if (cr >= 0 && cr < n && (cr + 1 < n || final)) this.eolByte = CR;
      else if (!final) return 0;
      else this.eolByte = LF;
    }
    const eolByte = this.eolByte;
    let p = 0;
    // The end of the current line (the next line break, or n).
    let eol = -1;
    while (p < n) {
      const rowStart = p;
      if (eol < p) {
        eol = buf.indexOf(eolByte, p);
        if (eol < 0 || eol >= n) {
          if (!final) return rowStart;
          eol = n;
        }
      }
      const wire = this.wire;
      const row: Cell[] = wire ? NO_ROW : (this.spare.pop() ?? []);
      if (wire) {
        wire.beginRow();
        this.deferred = 0;
        this.projected = false;
      }
      let col = 0;
      for (;;) {
        let a = p;
        let b: number;
        // A quoted field with doubled quotes, or text after its closing quote: built as text.
        let special: string | undefined;
        if (p < n && buf[p] === QUOTE) {
          a = p + 1;
          let q = a;
          let escaped = false;
          for (;;) {
            q = buf.indexOf(QUOTE, q);
            if (q < 0 || q >= n) {
              if (!final) return this.unfinished(rowStart);
              // An unclosed quote at the end of the file: its text runs to the end — on its own
              // line only; one that swallows further lines would drop them all without a word.
              const e = buf.indexOf(eolByte, a);
              if (e >= 0 && e < n) {
                let k = e;
                while (k < n && (buf[k] === CR || buf[k] === LF)) k++;
                if (k < n)
                  throw new TextLimitError(
                    `row ${this.rows + 1} opens a quote (") that is never closed, so every line after it would be read as one cell: close the quote or remove it, and try again`
                  );
              }
              q = n;
              break;
            }
            if (q + 1 < n && buf[q + 1] === QUOTE) {
              escaped = true;
              q += 2;
              continue;
            }
            if (q + 1 >= n && !final) return this.unfinished(rowStart);
            break;
          }
          b = q;
          p = q < n ? q + 1 : n;
          // Line breaks inside the quotes: the row ends at the next one after them.
          if (eol < p) {
            eol = buf.indexOf(eolByte, p);
            if (eol < 0 || eol >= n) {
              if (!final) return this.unfinished(rowStart);
              eol = n;
            }
          }
          // Text after the closing quote, up to the delimiter, is kept ("ab"c → abc), as Excel does.
          while (p < eol && buf[p] !== d) p++;
          let after = p;
          if (after === eol && eolByte === LF && after > b + 1 && buf[after - 1] === CR) after--;
          if (escaped || after > b + 1) {
            special = this.text(buf, a, b, false);
            if (escaped) special = special.replace(/""/g, '"');
            if (after > b + 1) special += this.text(buf, b + 1, after, false);
          }
        } else {
          // Fields are short: a byte loop costs no more than a native indexOf call per field.
          let c = p;
          while (c < eol && buf[c] !== d) c++;
          p = b = c;
          if (c === eol && eolByte === LF && b > a && buf[b - 1] === CR) b--;
        }
        if (wire) {
          if (this.keep === null) this.wireField(wire, buf, a, b, special, col);
          else this.projectField(wire, buf, a, b, special, col);
        } else if (special === undefined) row[col] = this.cell(buf, a, b, col);
        else {
          // Written by index: a recycled row keeps its room, and its old values are written over.
          row[col] = this.raw ? special : typedText(special);
          this.setId(col, -1);
        }
        if (++col > MAX_FIELDS) throw tooManyFields(this.rows + 1);
        if (p < eol) {
          // At a delimiter: another field follows; one just before the line break is empty.
          p++;
          if (p < eol) continue;
          this.setId(col, -1);
          if (wire) {
            // the row ends at or before its date cell: it is read whole
            if (this.deferred > 0) this.flushDeferred(wire, buf);
            wire.cell(col++, this.raw ? "" : null, -1);
          } else row[col++] = this.raw ? "" : null;
        }
        // A row longer than the limit is refused even when its end came in the same read as
        // the bytes that took it past the limit: the same rows read, whatever the reads' sizes.
        if (eol - rowStart > MAX_ROW_BYTES) throw rowTooLong();
        // a row that ends left of its date cell is read whole (in this row: a switch of encoding it makes is this row's)
        if (wire && this.deferred > 0) this.flushDeferred(wire, buf);
        p = eol + 1;
        this.rows++;
        if (wire) wire.endRow();
        else {
          if (row.length !== col) row.length = col;
          emit(row, this.rowIds);
        }
        break;
      }
    }
    return n;
  }

  /**
   * A row cut by the end of the bytes at hand: its cells written to the encoder are taken back (it
   * is parsed again, whole, from the next chunk), and so is a switch to Windows-1252 made in it.
   * Else its fields before the byte that is not UTF-8 would be read as Windows-1252 when the row
   * is parsed again, and a field's text would hang on where the chunks end (the reading thread's
   * first reads are 128 KB, the main thread's 1 MB).
   */
  private unfinished(rowStart: number): number {
    this.wire?.abortRow();
    if (this.fellBackAt === this.rows + 1) {
      this.encoding = "utf-8";
      this.fellBackAt = undefined;
    }
    return rowStart;
  }

  private setId(col: number, id: number): void {
    if (col < this.rowIds.length) this.rowIds[col] = id;
  }

  /** Rows emitted earlier that nothing holds any more: the next rows are written into them. */
  recycle(rows: Cell[][]): void {
    keepSpare(this.spare, rows);
  }

  /** Bytes [a, b) as text in the file's encoding (`ascii`: known to be all below 0x80). */
  private text(buf: FastBuffer, a: number, b: number, ascii: boolean): string {
    if (!ascii && !this.allAscii) {
      ascii = true;
      for (let i = a; i < b; i++) {
        if (buf[i] >= 0x80) {
          ascii = false;
          break;
        }
      }
    }
    if (ascii || this.allAscii) return buf.latin1Slice(a, b);
    if (this.encoding === "utf-8") {
      if (isUtf8(buf.subarray(a, b))) return buf.utf8Slice(a, b);
      this.fallBack(a);
    }
    return decodeLegacy(this.encoding as LegacyEncoding, buf, a, b);
  }

  /**
   * A field that is not UTF-8, at `a` in `work`: the file is read from this row on in the
   * one-byte encoding its bytes from there show (legacyAt), else Windows-1252.
   */
  private fallBack(a: number): void {
    this.encoding = this.legacyAt?.(this.consumed + a) ?? "windows-1252";
    this.fellBackAt = this.rows + 1;
    // Values kept from the row above were read as UTF-8: from here on the same bytes are
    // Windows-1252 (else a value repeated down a column would keep its UTF-8 reading up to
    // the end of the read, and the text would hang on where the reads end).
    this.prevLen.fill(-1);
  }

  /**
   * A field left blank by project(): its bytes still switch the file to Windows-1252 where they
   * are not UTF-8, as reading it would (the columns read after it are then read the same way).
   */
  private skipField(wire: RowEncoder, buf: FastBuffer, a: number, b: number): void {
    if (!this.allAscii && this.encoding === "utf-8") {
      let i = a;
      while (i < b && buf[i] < 0x80) i++;
      if (i < b && !isUtf8(buf.subarray(a, b))) this.fallBack(a);
    }
    wire.nullCell();
  }

  /**
   * Short ASCII text through a per-column table of the values met: the same bytes give the same
   * string instance, so repeated accounts, products, categories and sites make no new strings,
   * and the engine's look-ups by them hit a hash V8 has already computed. A column whose values
   * seldom repeat (order ids, descriptions written per line) stops using it after MEMO_TRIAL
   * new values; a table holds at most MEMO_MAX values (memory by accounts × products, not rows).
   */
  private memoText(buf: FastBuffer, a: number, b: number, col: number): string {
    let m = this.memos[col];
    if (m === undefined) m = this.memos[col] = new TextMemo();
    this.memoId = -1;
    if (m.off) return this.text(buf, a, b, false);
    // FNV-1's step over four bytes at a time, then murmur3's finaliser: the step is a bijection
    // of each word, so nothing is lost, and the finaliser brings every bit down to the low
    // bits the table indexes by (a byte at a time cost a tenth of the reading thread).
    const view = this.workView;
    let h = 0x811c9dc5 | 0;
    let high = 0;
    let i = a;
    for (; i + 4 <= b; i += 4) {
      const w = view.getInt32(i);
      high |= w;
      h = Math.imul(h ^ w, 0x01000193);
    }
    for (; i < b; i++) {
      const c = buf[i];
      high |= c;
      h = Math.imul(h ^ c, 0x01000193);
    }
    if ((high & 0x80808080) !== 0) return this.text(buf, a, b, false);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    const found = m.find(view, a, b, h);
    if (found >= 0) {
      m.hits++;
      this.memoId = found;
      return m.values[found];
    }
    const v = buf.latin1Slice(a, b);
    this.memoId = m.add(buf, a, b, h, v);
    if (m.values.length === MEMO_TRIAL && m.hits < MEMO_TRIAL) m.off = true;
    return v;
  }
  private memos: (TextMemo | undefined)[] = [];

  /** Field [a, b) of column `col` as a cell (the parser's rows), its text's number in rowIds. */
  private cell(buf: FastBuffer, a: number, b: number, col: number): Cell {
    const kind = this.classify(buf, a, b, col);
    this.setId(col, kind === FieldKind.Text ? this.memoId : -1);
    return kind === FieldKind.Number
      ? this.fieldNumber
      : kind === FieldKind.Text
        ? this.fieldText
        : null;
  }

  /**
   * From the next row on, rows whose date cell (column `dateColumn`) starts like a date
   * (startsLikeDate) are sent with only the `columns` given (the rest blank): the order lines'
   * reader looks at no other cell of such a row. Rows with any other date cell (blank, a
   * header's text, a total's label or zero date) are sent whole. Parsing and sending the
   * columns an export has beyond those KAP reads (Shopify's 70, DATEV's 100) cost more than
   * the columns it reads.
   */
  project(columns: readonly number[], dateColumn: number): void {
    if (dateColumn < 0) return;
    const keep = new Uint8Array(Math.max(dateColumn, ...columns) + 1);
    for (const c of columns) if (c >= 0) keep[c] = 1;
    keep[dateColumn] = 1;
    this.keep = keep;
    this.dateColumn = dateColumn;
  }
  /** project()'s columns (1: read), or null: every cell is read. */
  private keep: Uint8Array | null = null;
  private dateColumn = -1;
  /** Fields of the row being read left of its date cell, waiting for it: their bounds, or their text (quoted with doubled quotes). */
  private deferred = 0;
  private deferA: number[] = [];
  private deferB: number[] = [];
  private deferSpecial: (string | undefined)[] = [];
  /** Whether the row being read goes with project()'s columns only. */
  private projected = false;

  /** Field `col` to the encoder: read, or (special) built as text already. */
  private wireField(
    wire: RowEncoder,
    buf: FastBuffer,
    a: number,
    b: number,
    special: string | undefined,
    col: number
  ): void {
    if (special === undefined) this.encodeField(wire, buf, a, b, col);
    else wire.cell(col, this.raw ? special : typedText(special), -1);
  }

  /**
   * wireField under project(): fields left of the date cell wait for it; from it on, a row
   * whose date cell starts like a date (startsLikeDate) sends blanks for the columns not kept.
   */
  private projectField(
    wire: RowEncoder,
    buf: FastBuffer,
    a: number,
    b: number,
    special: string | undefined,
    col: number
  ): void {
    const dateColumn = this.dateColumn;
    if (col < dateColumn) {
      this.deferA[col] = a;
      this.deferB[col] = b;
      this.deferSpecial[col] = special;
      this.deferred = col + 1;
      return;
    }
    if (col === dateColumn) {
      this.projected = special === undefined && this.startsLikeDate(buf, a, b);
      this.flushDeferred(wire, buf);
    } else if (this.projected && (col >= this.keep!.length || this.keep![col] === 0)) {
      // a field built as text (doubled quotes) was decoded already
      if (special === undefined) this.skipField(wire, buf, a, b);
      else wire.nullCell();
      return;
    }
    this.wireField(wire, buf, a, b, special, col);
  }

  /** The fields waiting for the row's date cell, to the encoder: blank where the row is projected and the column not kept. */
  private flushDeferred(wire: RowEncoder, buf: FastBuffer): void {
    const keep = this.keep!;
    for (let c = 0; c < this.deferred; c++) {
      const special = this.deferSpecial[c];
      if (!this.projected || keep[c] === 1)
        this.wireField(wire, buf, this.deferA[c], this.deferB[c], special, c);
      else if (special === undefined) this.skipField(wire, buf, this.deferA[c], this.deferB[c]);
      else wire.nullCell();
    }
    this.deferred = 0;
  }

  /**
   * Whether field [a, b), without the spaces classify drops, looks like a whole date: it starts
   * with a digit 1–9, or 0 and a digit 1–9, and holds three runs of digits or more (05.03.2026,
   * 2026-03-05 14:22, 5 Mar 2026 10:00) or is a whole number of five digits or more (an Excel
   * serial, 45720; 20260305). A zero date (SAP's 00.00.0000, a database's 0000-00-00, 0) or a
   * period (01/2026, 2026-01, 1. Quartal 2026), written where a subtotal or total has no date,
   * is none: its row comes whole, so the total's label is seen wherever it stands. (A row
   * with three runs that is no date, 31.02.2026, still comes without its unread columns.)
   */
  private startsLikeDate(buf: FastBuffer, a: number, b: number): boolean {
    while (a < b && (buf[a] === SPACE || (buf[a] === TAB && this.delim !== TAB))) a++;
    while (b > a && (buf[b - 1] === SPACE || (buf[b - 1] === TAB && this.delim !== TAB))) b--;
    const from = a;
    if (a < b && buf[a] === 48) a++;
    if (!(a < b && buf[a] >= 49 && buf[a] <= 57)) return false;
    let runs = 0;
    let inRun = false;
    let allDigits = true;
    for (let i = from; i < b; i++) {
      const digit = buf[i] >= 48 && buf[i] <= 57;
      if (!digit) allDigits = false;
      else if (!inRun && ++runs === 3) return true;
      inRun = digit;
    }
    return allDigits && b - from >= 5;
  }

  /**
   * Field [a, b) of column `col` written to the encoder by its kind: a text by its number is
   * sent without looking at the string (reading a string's kind is a cache miss per cell on a
   * reading thread that makes few strings but hands on millions).
   */
  private encodeField(wire: RowEncoder, buf: FastBuffer, a: number, b: number, col: number): void {
    const kind = this.classify(buf, a, b, col);
    if (kind === FieldKind.Number) wire.numberCell(this.fieldNumber);
    else if (kind === FieldKind.Text) wire.textCell(col, this.fieldText, this.memoId);
    else wire.nullCell();
  }

  /**
   * Reads field [a, b) of column `col`: blank, a number (fieldNumber) or text (fieldText,
   * numbered memoId or −1). Spaces (and tabs, unless they delimit) around a value are dropped.
   */
  private classify(buf: FastBuffer, a: number, b: number, col: number): FieldKind {
    if (!this.raw) {
      while (a < b && (buf[a] === SPACE || (buf[a] === TAB && this.delim !== TAB))) a++;
      while (b > a && (buf[b - 1] === SPACE || (buf[b - 1] === TAB && this.delim !== TAB))) b--;
      if (a === b) {
        this.memoId = -1;
        return FieldKind.Blank;
      }
    }
    const len = b - a;
    // The same bytes as this column in the row above: the same value (dates, accounts and ids repeat down an export).
    // (the last byte first: codes in a column often differ only at the end)
    if (this.prevLen[col] === len && buf[this.prevAt[col] + len - 1] === buf[b - 1]) {
      const view = this.workView;
      if (sameBytes(view, this.prevAt[col], view, a, len)) {
        this.prevAt[col] = a;
        this.memoId = this.prevId[col];
        this.fieldNumber = this.prevNumber[col];
        this.fieldText = this.prevText[col];
        return this.prevKind[col];
      }
    }
    let kind = FieldKind.Text;
    let v: number | undefined;
    const c0 = buf[a];
    if (!this.raw && ((c0 >= 48 && c0 <= 57) || c0 === 45)) v = plainNumber(buf, a, b);
    if (v !== undefined) {
      kind = FieldKind.Number;
      this.fieldNumber = v;
      this.memoId = -1;
    } else if (len <= MEMO_BYTES) this.fieldText = this.memoText(buf, a, b, col);
    else {
      this.fieldText = this.text(buf, a, b, false);
      this.memoId = -1;
    }
    this.prevAt[col] = a;
    this.prevLen[col] = len;
    this.prevKind[col] = kind;
    this.prevNumber[col] = this.fieldNumber;
    this.prevText[col] = this.fieldText;
    this.prevId[col] = this.memoId;
    return kind;
  }
}

/** What a field holds (CsvParser.classify). */
const enum FieldKind {
  Blank,
  Number,
  Text,
}

/** The row a parser writing to an encoder never fills. */
const NO_ROW: Cell[] = [];

/** Row arrays kept for refilling: enough for a few blocks; more would only hold memory. */
const SPARE_ROWS = 16_384;

/**
 * Adds row arrays handed back to a pool of spare rows, up to SPARE_ROWS, or as many cells as
 * SPARE_ROWS rows of USUAL_COLUMNS (wide rows: fewer of them).
 */
export function keepSpare(pool: Cell[][], rows: readonly Cell[][]): void {
  const width = Math.max(USUAL_COLUMNS, rows.length > 0 ? rows[0].length : 0);
  const room = Math.floor((SPARE_ROWS * USUAL_COLUMNS) / width) - pool.length;
  for (let i = 0; i < rows.length && i < room; i++) pool.push(rows[i]);
}

/**
 * The longest text a column's table of values holds, and the most values it holds. Product
 * descriptions and customer names run past 32 bytes: held here, each is sent to the main thread
 * once rather than with every line (1M-line bench file: 60 MB less allocated there).
 */
const MEMO_BYTES = 64;
const MEMO_MAX = 1 << 16;
/** New values after which a column whose values repeated less often than not stops using its table. */
const MEMO_TRIAL = 4096;

/** Open-addressing table of one column's short ASCII values: bytes → the one string made for them. */
/** A DataView over exactly the array's bytes. */
function viewOf(a: Uint8Array): DataView {
  return new DataView(a.buffer, a.byteOffset, a.byteLength);
}

/** Whether x's bytes [i, i + len) equal y's [j, j + len): four at a time (short texts are most of a file). */
function sameBytes(x: DataView, i: number, y: DataView, j: number, len: number): boolean {
  let k = 0;
  for (; k + 4 <= len; k += 4) if (x.getInt32(i + k) !== y.getInt32(j + k)) return false;
  for (; k < len; k++) if (x.getUint8(i + k) !== y.getUint8(j + k)) return false;
  return true;
}

class TextMemo {
  values: string[] = [];
  hits = 0;
  off = false;
  /** Per slot, side by side (one cache line per probe): hash, id (−1: empty), start in the pool, length. */
  // small at first (a wide file has a table per column), doubled as values come
  private table = TextMemo.emptyTable(1 << 6);
  private mask = (1 << 6) - 1;
  private pool = new Uint8Array(1 << 9);
  private poolView = viewOf(this.pool);
  private used = 0;

  private static emptyTable(slots: number): Int32Array {
    const t = new Int32Array(slots * 4);
    for (let s = 0; s < slots; s++) t[s * 4 + 1] = -1;
    return t;
  }

  /** The id of bytes [a, b) of `buf` (a view of them) with hash h, or −1. */
  find(buf: DataView, a: number, b: number, h: number): number {
    const t = this.table;
    const len = b - a;
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const o = s * 4;
      const id = t[o + 1];
      if (id < 0) return -1;
      if (t[o] !== h || t[o + 3] !== len) continue;
      if (sameBytes(this.poolView, t[o + 2], buf, a, len)) return id;
    }
  }

  /** Numbers bytes [a, b) as the next value; its number, or −1 when the table is full. */
  add(buf: Uint8Array, a: number, b: number, h: number, v: string): number {
    if (this.values.length >= MEMO_MAX) return -1;
    if (this.used + (b - a) > this.pool.length) {
      const bigger = new Uint8Array(this.pool.length * 2);
      bigger.set(this.pool.subarray(0, this.used));
      this.pool = bigger;
      this.poolView = viewOf(bigger);
    }
    this.pool.set(buf.subarray(a, b), this.used);
    const id = this.values.length;
    this.values.push(v);
    if ((id + 1) * 2 > this.mask + 1) this.grow();
    this.place(h, id, this.used, b - a);
    this.used += b - a;
    return id;
  }

  private place(h: number, id: number, start: number, len: number): void {
    const t = this.table;
    let s = h & this.mask;
    while (t[s * 4 + 1] >= 0) s = (s + 1) & this.mask;
    t[s * 4] = h;
    t[s * 4 + 1] = id;
    t[s * 4 + 2] = start;
    t[s * 4 + 3] = len;
  }

  private grow(): void {
    const old = this.table;
    const slots = (this.mask + 1) * 2;
    this.table = TextMemo.emptyTable(slots);
    this.mask = slots - 1;
    for (let o = 0; o < old.length; o += 4)
      if (old[o + 1] >= 0) this.place(old[o], old[o + 1], old[o + 2], old[o + 3]);
  }
}

/** A field built as text (doubled quotes): trimmed, and a number by the same rule as any other field. */
function typedText(text: string): Cell {
  const s = text.trim();
  if (s === "") return null;
  if (!/^-?[\d.]+$/.test(s)) return s;
  const b = Buffer.from(s, "latin1");
  return plainNumber(b, 0, b.length) ?? s;
}

/**
 * A plain number written with a decimal point: -12, 3.5, 0.125, 1234.567. Not ids with a
 * leading zero (00123), not "1.200" or "12.345" (a thousands group in some conventions: left
 * as text for the column's number convention to settle), not 1,200 or 1e5, not more than 15
 * digits (12345678901234567890 stays text).
 */
function plainNumber(buf: Uint8Array, a: number, b: number): number | undefined {
  let i = a;
  let neg = false;
  if (buf[i] === 45) {
    neg = true;
    i++;
  }
  const intStart = i;
  let v = 0;
  while (i < b && buf[i] >= 48 && buf[i] <= 57) v = v * 10 + (buf[i++] - 48);
  const intLen = i - intStart;
  if (intLen === 0 || (intLen > 1 && buf[intStart] === 48)) return undefined;
  let fracLen = 0;
  if (i < b && buf[i] === 46) {
    i++;
    const fs = i;
    while (i < b && buf[i] >= 48 && buf[i] <= 57) v = v * 10 + (buf[i++] - 48);
    fracLen = i - fs;
    if (fracLen === 0) return undefined;
  }
  if (i !== b) return undefined;
  if (fracLen === 3 && intLen <= 3 && buf[intStart] !== 48) return undefined;
  // More than 15 digits is past a double's exact range: an id (order, invoice, EAN) kept as text,
  // never rounded into another one; a column read as numbers parses the text itself.
  if (intLen + fracLen > 15) return undefined;
  // Up to 15 digits the sum is exact, and one division by an exact power of ten rounds correctly.
  const r = fracLen ? v / POW10[fracLen] : v;
  return neg ? -r : r;
}
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** A text file's dialect: encoding (with the BOM's length) and delimiter (with a "sep=" line's length). */
export interface TextDialect {
  encoding: TextEncoding;
  bom: number;
  delimiter: string;
  skip: number;
}

const CHUNK = 1 << 20;

/** Reads a file's first bytes (up to 64 KB) and settles its dialect. */
export function sniffFile(path: string): TextDialect {
  const fd = openSync(path, "r");
  try {
    const head = Buffer.alloc(64 * 1024);
    const got = readSync(fd, head, 0, head.length, 0);
    return sniffDialect(head.subarray(0, got));
  } finally {
    closeSync(fd);
  }
}

export function sniffDialect(head: Buffer): TextDialect {
  const { encoding, bom } = sniffEncoding(head);
  const body = head.subarray(bom);
  const text =
    encoding === "utf-16le"
      ? body.subarray(0, body.length & ~1).toString("utf16le")
      : encoding === "utf-16be"
        ? Buffer.from(body.subarray(0, body.length & ~1))
            .swap16()
            .toString("utf16le")
        : encoding === "utf-8"
          ? body.toString("utf8")
          : encoding === "shift_jis"
            ? new TextDecoder("shift_jis").decode(body)
            : decodeLegacy(encoding, body);
  const { delimiter, skip } = sniffDelimiter(text);
  // `skip` counts characters of the "sep=" line; in every encoding here those are one unit each.
  const unit = encoding === "utf-16le" || encoding === "utf-16be" ? 2 : 1;
  return { encoding, bom, delimiter, skip: skip * unit };
}

/**
 * Reads a delimited text file row by row: UTF-16 and Shift-JIS are turned into UTF-8 chunk by
 * chunk first.
 * `onRows` gets each chunk's complete rows (returning false stops the read). Synchronous
 * reads: the caller yields between chunks.
 */
export class TextFileReader {
  readonly dialect: TextDialect;
  /** Bytes read so far (for progress). */
  bytesRead = 0;
  private parser: CsvParser;
  private fd: number;
  private buf: Buffer;
  private pos: number;
  private odd: Buffer | null = null;
  /** Shift-JIS → text, a pair cut by a chunk's end kept for the next (stream mode) */
  private sjis: TextDecoder | null = null;
  done = false;

  constructor(
    readonly path: string,
    /** `chunkBytes`: bytes per read (default 1 MB) */
    options: { raw?: boolean; dialect?: TextDialect; chunkBytes?: number; wire?: RowEncoder } = {}
  ) {
    this.buf = Buffer.allocUnsafe(options.chunkBytes ?? CHUNK);
    this.dialect = options.dialect ?? sniffFile(path);
    const e = this.dialect.encoding;
    this.parser = new CsvParser({
      delimiter: this.dialect.delimiter,
      encoding: e === "windows-1252" || e === "windows-1250" || e === "macintosh" ? e : "utf-8",
      raw: options.raw,
      wire: options.wire,
      legacyAt: (offset) => this.legacyAt(offset),
    });
    this.fd = openSync(path, "r");
    this.pos = this.dialect.bom + this.dialect.skip;
    if (e === "shift_jis") this.sjis = new TextDecoder("shift_jis");
  }

  /** The encoding of the file's bytes from `offset` past its BOM and "sep=" line (CsvParser's legacyAt). */
  private legacyAt(offset: number): LegacyEncoding {
    const head = Buffer.alloc(LATE_SNIFF_BYTES);
    const at = this.dialect.bom + this.dialect.skip + offset;
    return legacyOf(head.subarray(0, readSync(this.fd, head, 0, head.length, at)));
  }

  /** The encoding as read: UTF-8 files with a field that is not UTF-8 were read as Windows-1252 from that row on. */
  get encoding(): TextEncoding {
    return this.dialect.encoding === "utf-8" ? this.parser.encoding : this.dialect.encoding;
  }

  get fellBackAt(): number | undefined {
    return this.parser.fellBackAt;
  }

  /** Rows emitted earlier that nothing holds any more (see CsvParser.recycle). */
  recycle(rows: Cell[][]): void {
    this.parser.recycle(rows);
  }

  /** See CsvParser.project (rows written to an encoder only). */
  project(columns: readonly number[], dateColumn: number): void {
    this.parser.project(columns, dateColumn);
  }

  /**
   * Reads the next chunk (at most `maxBytes` of it, when given); the rows it completes go to
   * `emit` (with CsvParser.rowIds). False at the end of the file.
   */
  next(emit: (row: Cell[], ids: Int32Array) => void, maxBytes = this.buf.length): boolean {
    if (this.done) return false;
    const got = readSync(this.fd, this.buf, 0, Math.min(maxBytes, this.buf.length), this.pos);
    this.pos += got;
    this.bytesRead += got;
    const final = got === 0;
    let bytes: Buffer = this.buf.subarray(0, got);
    const e = this.dialect.encoding;
    if (e === "utf-16le" || e === "utf-16be") {
      if (this.odd) bytes = Buffer.concat([this.odd, bytes]);
      let even = bytes.length & ~1;
      // A character outside the BMP is two units: one cut by the chunk's end waits for its pair
      // (decoded alone, each half would become U+FFFD).
      if (!final && even >= 2) {
        const last =
          e === "utf-16le"
            ? bytes[even - 2] | (bytes[even - 1] << 8)
            : (bytes[even - 2] << 8) | bytes[even - 1];
        if (last >= 0xd800 && last <= 0xdbff) even -= 2;
      }
      this.odd = even < bytes.length ? Buffer.from(bytes.subarray(even)) : null;
      const units = Buffer.from(bytes.subarray(0, even));
      if (e === "utf-16be") units.swap16();
      bytes = Buffer.from(units.toString("utf16le"), "utf8");
    } else if (this.sjis) bytes = Buffer.from(this.sjis.decode(bytes, { stream: !final }), "utf8");
    this.parser.feed(bytes, final, emit);
    if (final) this.close();
    return !final;
  }

  close(): void {
    if (this.done) return;
    this.done = true;
    closeSync(this.fd);
  }
}

/** Every row of delimited text in memory (tests, small files), fields as written. */
export function parseCsv(text: string): string[][] {
  const unbom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const { delimiter, skip } = sniffDelimiter(unbom);
  const rows: string[][] = [];
  new CsvParser({ delimiter, encoding: "utf-8", raw: true }).feed(
    Buffer.from(unbom.slice(skip), "utf8"),
    true,
    (r) => rows.push(r as string[])
  );
  return rows;
}
