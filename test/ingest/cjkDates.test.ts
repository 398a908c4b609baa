/**
 * Dates written with 年月日 (Japanese, Chinese), 년 월 일 (Korean) and the Japanese era years
 * were skipped as unreadable dates: a Japanese export lost every line. Now read; a Shift-JIS
 * file (Excel's CSV on Japanese Windows, read as such since ed7d422) is read whole through the
 * command line's file reader and the ingest session. Figures worked out by hand.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { textSource } from "../../src/cli/fileSource";
import { ymdToSerial } from "../../src/domain/dates";
import { KapEngine, loadSource } from "../../src/engine/engine";
import { defaultSettings } from "../../src/engine/settings";
import { parseDate } from "../../src/ingest/values";

test.each([
  ["2026年10月5日", 2026, 10, 5],
  ["2026年1月31日", 2026, 1, 31],
  ["2026 年 10 月 5 日", 2026, 10, 5],
  ["2026年10月5日(月)", 2026, 10, 5],
  ["2026年10月5日（月）", 2026, 10, 5],
  ["2026年10月5日 14:30", 2026, 10, 5],
  ["２０２６年１０月５日", 2026, 10, 5],
  ["2026년 10월 5일", 2026, 10, 5],
  ["2026년10월5일", 2026, 10, 5],
  // 令和 1 is 2019: 令和 8 is 2018 + 8 = 2026; 元年 its first year; 平成 1 is 1989: 平成 30 is 2018
  ["令和8年10月5日", 2026, 10, 5],
  ["令和元年5月1日", 2019, 5, 1],
  ["平成30年12月31日", 2018, 12, 31],
  // already read: Japanese Excel's short date
  ["2026/10/05", 2026, 10, 5],
])("%s is %i-%i-%i", (text, y, m, d) => {
  expect(parseDate(text, "dmy")).toBe(ymdToSerial(y, m, d));
  expect(parseDate(text, "mdy")).toBe(ymdToSerial(y, m, d));
});

test.each([
  "2026年13月5日",
  "2026年2月30日",
  "2026年10月",
  "10月5日",
  "昭和50年1月1日",
  "2026年10月5日頃",
])("%s is no date", (text) => expect(parseDate(text)).toBeUndefined());

/** `text` in Shift-JIS, by ICU's table (Node's TextDecoder), not KAP's reading. */
function sjis(text: string): Buffer {
  const icu = new TextDecoder("shift_jis");
  const byChar = new Map<string, number[]>();
  for (let a = 0x81; a <= 0xef; a++) {
    if (a > 0x9f && a < 0xe0) continue;
    for (let b = 0x40; b <= 0xfc; b++) {
      const c = icu.decode(Uint8Array.of(a, b));
      if (c.length === 1 && !byChar.has(c)) byChar.set(c, [a, b]);
    }
  }
  const out: number[] = [];
  for (const c of text) {
    if (c.charCodeAt(0) < 0x80) out.push(c.charCodeAt(0));
    else out.push(...byChar.get(c)!);
  }
  return Buffer.from(out);
}

test("a Shift-JIS export with 年月日 dates is read whole: T001 ¥128,000, T002 ¥14,000", async () => {
  const text =
    "Date,Order No,Customer ID,Customer,Item,Qty,Amount\r\n" +
    '2025年11月10日,100231,T001,株式会社山田電設,ケーブル,10,"58,000"\r\n' +
    '令和8年4月2日,100455,T001,株式会社山田電設,コンセント 2口,200,"70,000"\r\n' +
    '2026年10月20日,100812,T002,有限会社佐藤工業,ケーブル,2,"14,000"\r\n';
  const path = join(mkdtempSync(join(tmpdir(), "kap-cjk-")), "jp.csv");
  writeFileSync(path, sjis(text));
  const engine = new KapEngine();
  const report = await loadSource(engine, textSource(path), defaultSettings(), {
    culture: "ja-JP",
  });
  // by hand: all 3 lines read, none skipped; 58,000 + 70,000 + 14,000 = 142,000
  expect(report.accepted).toBe(3);
  expect(report.rejected).toEqual([]);
  expect(report.revenue).toBe(142000);
  // the first and last dates: 10 Nov 2025 and 20 Oct 2026 (令和8年 is 2026)
  expect([report.firstDate, report.lastDate]).toEqual([
    ymdToSerial(2025, 11, 10),
    ymdToSerial(2026, 10, 20),
  ]);
  const p = engine.analyze({ ...defaultSettings(), asOf: "2026-10-31" });
  const got = Object.fromEntries(p.accounts.map((a) => [a.accountId, [a.name, a.revenueLast12]]));
  // by hand: T001 58,000 (10 Nov 2025) + 70,000 (2 Apr 2026) = 128,000; T002 14,000
  expect(got).toEqual({ T001: ["株式会社山田電設", 128000], T002: ["有限会社佐藤工業", 14000] });
});
