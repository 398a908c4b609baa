/**
 * Request and response sizes as Excel on the web limits them: 5 MB per request and per response
 * (resource-limits-and-performance-optimization.md), counted in bytes of what goes over the wire —
 * UTF-8 — not in JavaScript (UTF-16) characters: "€" is one character and three bytes.
 */

/** UTF-8 bytes of a string, without encoding it. */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (
      c >= 0xd800 &&
      c <= 0xdbff &&
      i + 1 < s.length &&
      (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00
    ) {
      n += 2; // a surrogate pair: two UTF-16 units, four bytes
      i++;
    } else n += 2; // other BMP characters, and a lone surrogate (sent as U+FFFD): three bytes
  }
  return n;
}

/** Bytes of a value as JSON (what Office.js sends for values, formats and formulas). */
export function jsonBytes(v: unknown): number {
  return utf8Length(JSON.stringify(v));
}

/** Excel's error for a request or response over the limit (Excel on the web). */
export function isPayloadTooLarge(err: unknown): boolean {
  const code =
    typeof err === "object" && err !== null && "code" in err
      ? String((err as { code: unknown }).code)
      : "";
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}
