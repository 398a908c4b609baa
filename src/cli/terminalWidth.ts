/**
 * Widths as a terminal shows them: a Chinese, Japanese or Korean character or an emoji takes two
 * columns, a combining accent or joiner none. `padEnd` counts UTF-16 units instead, so a name such
 * as "上海五金有限公司" pushed every column after it 8 places to the right in `kap analyze`'s table.
 */

const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}\uFE00-\uFE0F]/u;
const EMOJI = /\p{Emoji_Presentation}/u;

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) || // Hangul Jamo
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) || // CJK radicals … Yi
    (code >= 0xac00 && code <= 0xd7a3) || // Hangul syllables
    (code >= 0xf900 && code <= 0xfaff) || // CJK compatibility ideographs
    (code >= 0xfe30 && code <= 0xfe4f) || // CJK compatibility forms
    (code >= 0xff00 && code <= 0xff60) || // fullwidth forms
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd) // CJK extensions B and later
  );
}

/** Columns one character (a whole code point) takes in a terminal: 0, 1 or 2. */
function charColumns(ch: string): number {
  if (ZERO_WIDTH.test(ch)) return 0;
  if (EMOJI.test(ch) || isWide(ch.codePointAt(0)!)) return 2;
  return 1;
}

/** Columns `text` takes in a terminal. */
export function terminalColumns(text: string): number {
  let n = 0;
  for (const ch of text) n += charColumns(ch);
  return n;
}

/**
 * `text` in exactly `width` columns: cut with "…" when longer (never through a character: an
 * emoji's two halves stay together), then padded with spaces.
 */
export function fitColumns(text: string, width: number): string {
  if (terminalColumns(text) > width) {
    let kept = "";
    let used = 0;
    for (const ch of text) {
      const w = charColumns(ch);
      if (used + w > width - 1) break; // room for "…"
      kept += ch;
      used += w;
    }
    text = `${kept}…`;
  }
  return text + " ".repeat(Math.max(0, width - terminalColumns(text)));
}
