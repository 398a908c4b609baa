/**
 * The text a number shows under an Excel number format, near enough to measure a column for it:
 * what comes before and after the digits (a suffix symbol "9,348.20 €", its escaped or quoted
 * space, an ISO code "CHF 1,234.50", "[$€-407]", brackets round a negative, "_)" padding), the
 * section Excel picks for a negative, zero or conditional value, decimals, grouping, % and
 * thousands scaling. Digits are grouped with "," and "." (the widest of the marks a viewer's
 * locale may put there: "'" and spaces are narrower), in lakhs for a rupee's format (India
 * writes "12,34,567.50", one mark more than "1,234,567.50"). Not a full formatter: fractions and
 * text sections are not drawn; dates are measured apart (print.ts shownText).
 */

interface Section {
  /** "[>=100000]": the section holds for values meeting it */
  readonly cond?: { readonly op: string; readonly n: number };
  readonly before: string;
  readonly after: string;
  /** digits after the decimal point */
  readonly decimals: number;
  /** "#,##0": thousands separators */
  readonly group: boolean;
  /** a "0" before the decimal point: 0.5 shows "0.50", not ".50" */
  readonly leadingZero: boolean;
  /** "%": the value × 100 */
  readonly percent: boolean;
  /** "#,##0," : the value ÷ 1000 per trailing comma */
  readonly scale: number;
  /** "0.000E+00" */
  readonly scientific: boolean;
  /** the section shows digits at all ("General" and text sections aside) */
  readonly digits: boolean;
  /**
   * Literal text between the integer placeholders ("##\\,##\\,##0", the lakh formats people
   * write), placeholders as "#": digits fill it from the right. Undefined when there is none.
   */
  readonly template?: readonly string[];
}

interface Parsed {
  readonly sections: readonly Section[];
  readonly lakh: boolean;
}

/** A rupee (or a neighbour's) format: the rupee sign, "Rs", INR or an Indian locale id. */
const RUPEE = /₹|Rs|INR|PKR|NPR|LKR|\[\$[^\]]*-(?:4009|439|420|449|44[ABCE])\]/i;

const PARSED = new Map<string, Parsed>();

function parse(format: string): Parsed {
  let p = PARSED.get(format);
  if (!p) {
    p = { sections: splitSections(format).map(parseSection), lakh: RUPEE.test(format) };
    PARSED.set(format, p);
  }
  return p;
}

/** Sections at ";" outside quotes, brackets and escapes. */
function splitSections(f: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (let i = 0; i < f.length; i++) {
    const c = f[i];
    if (c === "\\" || c === "_" || c === "*") {
      cur += c + (f[i + 1] ?? "");
      i++;
    } else if (c === '"') {
      const end = f.indexOf('"', i + 1);
      const stop = end < 0 ? f.length : end + 1;
      cur += f.slice(i, stop);
      i = stop - 1;
    } else if (c === "[") {
      const end = f.indexOf("]", i + 1);
      const stop = end < 0 ? f.length : end + 1;
      cur += f.slice(i, stop);
      i = stop - 1;
    } else if (c === ";") {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  out.push(cur);
  return out;
}

const PLACEHOLDER = /[0#?]/;

/** One section read token by token: literal text before and after its run of digit placeholders. */
function parseSection(s: string): Section {
  let before = "";
  let after = "";
  let cond: Section["cond"];
  let digits = false;
  let inRun = false;
  let runDone = false;
  let decimals = 0;
  let afterPoint = false;
  let group = false;
  let leadingZero = false;
  let percent = false;
  let trailingCommas = 0;
  let scientific = false;
  // text after the digits began: it is "after" unless more integer placeholders follow it
  let pending = "";
  const template: string[] = [];
  let interleaved = false;
  const literal = (t: string) => {
    if (!digits) before += t;
    else if (runDone || afterPoint) {
      runDone = true;
      after += t;
    } else pending += t;
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"') {
      const end = s.indexOf('"', i + 1);
      const stop = end < 0 ? s.length : end;
      literal(s.slice(i + 1, stop));
      i = stop;
    } else if (c === "\\") literal(s[++i] ?? "");
    else if (c === "_")
      literal(s[++i] ?? ""); // a space as wide as the next character: measured as that character
    else if (c === "*")
      i++; // a fill: at least nothing
    else if (c === "[") {
      const end = s.indexOf("]", i + 1);
      const body = s.slice(i + 1, end < 0 ? s.length : end);
      i = end < 0 ? s.length : end;
      const money = /^\$([^-]*)/.exec(body);
      const test = /^(<=|>=|<>|<|>|=)\s*(-?[\d.]+)$/.exec(body);
      if (money) literal(money[1]);
      else if (test) cond = { op: test[1], n: Number(test[2]) };
      // colours ([Red]) and locale tags show nothing
    } else if (PLACEHOLDER.test(c) && !runDone) {
      if (pending) {
        template.push(pending);
        interleaved = true;
        pending = "";
      }
      if (!afterPoint) template.push("#");
      digits = true;
      inRun = true;
      if (afterPoint) decimals++;
      else if (c === "0") leadingZero = true;
      trailingCommas = 0;
    } else if (c === "." && inRun && !runDone && !afterPoint && !pending) afterPoint = true;
    else if (c === "," && inRun && !runDone && !pending) {
      // a comma between placeholders groups; commas after the last one scale by 1000 each
      if (PLACEHOLDER.test(s[i + 1] ?? "")) group = true;
      else trailingCommas++;
    } else if ((c === "E" || c === "e") && inRun && /[+-]/.test(s[i + 1] ?? "")) {
      scientific = true;
      after += s.slice(i).replace(/[#?]/g, "0");
      break;
    } else if (c === "%") {
      percent = true;
      literal(c);
    } else if (c === "@") literal("");
    else literal(c);
  }
  after = pending + after;
  return {
    ...(cond ? { cond } : {}),
    ...(interleaved ? { template } : {}),
    before,
    after,
    decimals,
    group,
    leadingZero,
    percent,
    scale: 1000 ** trailingCommas,
    scientific,
    digits,
  };
}

function meets(v: number, c: NonNullable<Section["cond"]>): boolean {
  switch (c.op) {
    case "<":
      return v < c.n;
    case "<=":
      return v <= c.n;
    case ">":
      return v > c.n;
    case ">=":
      return v >= c.n;
    case "=":
      return v === c.n;
    default:
      return v !== c.n;
  }
}

/** The section Excel shows `v` with, and whether it adds a minus sign of its own. */
function pick(sections: readonly Section[], v: number): { s: Section; minus: boolean } {
  if (sections.some((s) => s.cond)) {
    const hit = sections.find((s) => s.cond && meets(v, s.cond));
    const other = sections.find((s) => !s.cond && s.digits) ?? sections[sections.length - 1];
    const s = hit ?? other;
    // a value shown by a conditional section keeps its sign
    return { s, minus: v < 0 };
  }
  const numeric = sections.filter((s, k) => k < 3);
  if (v < 0 && numeric.length >= 2) return { s: numeric[1], minus: false };
  if (v === 0 && numeric.length >= 3) return { s: numeric[2], minus: false };
  return { s: numeric[0], minus: v < 0 };
}

/** "1234567.5" → "1,234,567.50"; in lakhs "12,34,567.50". */
export function groupedDigits(n: number, decimals: number, group = true, lakh = false): string {
  const fixed = Math.abs(n).toFixed(decimals);
  const dot = fixed.indexOf(".");
  const int = dot < 0 ? fixed : fixed.slice(0, dot);
  const frac = dot < 0 ? "" : fixed.slice(dot);
  if (!group || !/^\d+$/.test(int) || int.length <= 3) return int + frac;
  let out = int.slice(-3);
  let rest = int.slice(0, -3);
  const step = lakh ? 2 : 3;
  while (rest.length > 0) {
    out = `${rest.slice(-step)},${out}`;
    rest = rest.slice(0, -step);
  }
  return out + frac;
}

/** "12345678.00" into ["#", ",", "#", ",", "#"]: right to left, extra digits in the first place. */
function intoTemplate(fixed: string, template: readonly string[]): string {
  const dot = fixed.indexOf(".");
  let int = dot < 0 ? fixed : fixed.slice(0, dot);
  let out = "";
  const places = template.filter((t) => t === "#").length;
  let seen = 0;
  for (let k = template.length - 1; k >= 0; k--) {
    if (template[k] !== "#") {
      out = template[k] + out;
      continue;
    }
    seen++;
    const take = seen === places ? int.length : 1;
    out = int.slice(int.length - take) + out;
    int = int.slice(0, int.length - take);
  }
  return out + (dot < 0 ? "" : fixed.slice(dot));
}

/**
 * The text `v` shows under `format` (an Excel number format, not "General"), for measuring:
 * `formatText(9348.2, '#,##0.00\\ "€"')` is "9,348.20 €", `formatText(-5, '"CHF "#,##0.00;("CHF "#,##0.00)')`
 * is "(CHF 5.00)".
 */
export function formatText(v: number, format: string): string {
  const { sections, lakh } = parse(format);
  const { s, minus } = pick(sections, v);
  if (!s.digits) return s.before + s.after;
  let x = Math.abs(v) / s.scale;
  if (s.percent) x *= 100;
  if (s.scientific) {
    const e = x
      .toExponential(s.decimals)
      .replace(/e([+-])(\d)$/, "e$10$2")
      .replace(/e.*$/, "");
    return `${minus ? "-" : ""}${s.before}${e}${s.after}`;
  }
  let n = s.template
    ? intoTemplate(x.toFixed(s.decimals), s.template)
    : groupedDigits(x, s.decimals, s.group, lakh);
  if (!s.leadingZero && n.startsWith("0") && s.decimals > 0) n = n.slice(1);
  return `${minus ? "-" : ""}${s.before}${n}${s.after}`;
}

/** Money text round a figure: a currency sign, an ISO code ("CHF"), or a symbol of letters ("kr", "zł", "R$"). */
const MONEY_TEXT =
  /[£€$¥₹₩₽₺₪₫฿₱₦₴₸₲₡₵]|(?:^|[^A-Za-z])(?:[A-Z]{3}|kr|zł|Kč|Ft|lei|Rs|Fr|лв|din)\.?(?:$|[^A-Za-z])/;

/**
 * A money format: a currency sign, "[$€-407]" or a quoted code or symbol before or after the
 * digits ("£#,##0", '"SEK "#,##0.00', '#,##0.00\ "€"', '#,##0.00 [$€-407]', '#,##0 "kr"').
 */
export function isMoneyFormatText(format: string): boolean {
  const s = parse(format).sections[0];
  return !!s?.digits && !s.percent && (MONEY_TEXT.test(s.before) || MONEY_TEXT.test(s.after));
}

/**
 * Where a money format writes its symbol when after the figure ("#,##0.00 [$€-407]" → "" and
 * "\u00a0€", "-" and "\u00a0€"), for text to place it as the cells show it; undefined for a
 * format that writes it before (KAP's text does so already) or is no money format. Padding
 * ("_)") and fills are left out: they space a cell, not a sentence. A space beside the figure
 * is a no-break one, so a line never breaks between figure and symbol.
 */
export function symbolAfterPlacement(
  format: string
): { before: string; after: string; negBefore: string; negAfter: string } | undefined {
  if (!isMoneyFormatText(format)) return undefined;
  const bare = format.replace(/("[^"]*")|[_*]./g, (all, quoted: string | undefined) =>
    quoted ? all : ""
  );
  const split = (v: number) => {
    const m = /^([^0-9]*)[0-9](?:.*[0-9])?([^0-9]*)$/.exec(formatText(v, bare));
    return m
      ? { before: m[1].replace(/ /g, "\u00a0"), after: m[2].replace(/ /g, "\u00a0") }
      : undefined;
  };
  const pos = split(1234.5);
  const neg = split(-1234.5);
  if (!pos || !neg || !MONEY_TEXT.test(pos.after)) return undefined;
  return { before: pos.before, after: pos.after, negBefore: neg.before, negAfter: neg.after };
}
