/**
 * freee's 取引 (deals) export (Japan): 収支区分 says whether a deal is income (収入) or an
 * expense (支出). A tester found the file refused (発生日 and 金額 not known as the date and the
 * amount) and, with those headers renamed, the expense deals read as sales. Now only income deals
 * are sales, before tax; the Shift-JIS file (Excel on Japanese Windows) reads the same. Figures
 * worked out by hand, as of 2026-10-31.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const LINES = [
  "収支区分,管理番号,発生日,決済期日,取引先,勘定科目,税区分,金額,税計算区分,税額,備考,品目,部門,メモタグ（複数指定可、カンマ区切り）,決済日,決済口座,決済金額",
  "収入,10,2026/02/10,2026/03/31,株式会社青木商事,売上高,課税売上10%,55000,内税,5000,,部品A,営業部,,2026/03/31,みずほ銀行,55000",
  "収入,11,2026/04/05,2026/05/31,株式会社青木商事,売上高,課税売上10%,30000,外税,3000,,部品B,営業部,,,,",
  "支出,12,2026/04/20,2026/05/31,丸山資材株式会社,仕入高,課対仕入10%,44000,内税,4000,,部品A,購買部,,2026/05/31,みずほ銀行,44000",
  "支出,13,2026/05/01,2026/05/31,東京電力,水道光熱費,課対仕入10%,11000,内税,1000,,,総務部,,,,",
  "収入,14,2026/06/15,2026/07/31,合同会社森田,売上高,課税売上8%,10800,内税,800,,部品C,営業部,,,,",
];

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

function fileOf(content: string | Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), "kap-freee-")), "torihiki.csv");
  writeFileSync(file, content);
  return file;
}

const skippedOf = (skipped: readonly { rule: string; rows: number; revenue: number | null }[]) =>
  Object.fromEntries(skipped.map((s) => [s.rule, [s.rows, s.revenue]]));

// 青木商事: 55,000 内税 (tax inside) − 5,000 = 50,000; 30,000 外税 (before tax) stays 30,000:
// 80,000. 森田: 10,800 − 800 = 10,000. The expense deals (支出) 44,000 + 11,000 = 55,000 are no
// sales.
const EXPECTED = { 株式会社青木商事: 80000, 合同会社森田: 10000 };

test.each([
  ["UTF-8", LINES.join("\n")],
  ["Shift-JIS", sjis(LINES.join("\r\n"))],
])("only income deals are sales, before tax (%s)", async (_, content) => {
  const { report, revenue, orders } = await analyzeFile(fileOf(content));
  expect(revenue).toEqual(EXPECTED);
  expect(orders).toEqual({ 株式会社青木商事: 2, 合同会社森田: 1 });
  expect(skippedOf(report.skipped)).toEqual({ 'not a sales voucher ("支出")': [2, 55000] });
});

test("with the date, customer and amount headers renamed, the expense deals are still no sales", async () => {
  const renamed = [
    LINES[0]
      .replace("発生日", "Order Date")
      .replace("取引先", "Customer")
      .replace("金額", "Revenue"),
    ...LINES.slice(1),
  ];
  const { report, revenue } = await analyzeFile(fileOf(renamed.join("\n")));
  expect(revenue).toEqual(EXPECTED);
  expect(report.skipped.find((s) => s.rule === 'not a sales voucher ("支出")')?.rows).toBe(2);
});
