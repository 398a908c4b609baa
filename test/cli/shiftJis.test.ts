/**
 * Shift-JIS files (Excel's CSV on Japanese Windows) were read as Windows-1252: names became
 * mojibake ("“`•[“ú•t") and a file with Japanese headers was refused with them in its message.
 * A file that is not UTF-8 and whose bytes above 0x7F all pair up as Shift-JIS is now read so.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { decodeText, sniffEncoding } from "../../src/cli/textFile";
import { buildCli } from "./kapProcess";

jest.setTimeout(120_000);

const KAP = resolve(__dirname, "../../bin/kap.js");

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
    else {
      const pair = byChar.get(c);
      if (!pair) throw new Error(`${c} has no Shift-JIS pair`);
      out.push(...pair);
    }
  }
  return Buffer.from(out);
}

const TEXT =
  "Date,Order No,Customer ID,Customer,Item,Qty,Amount\n" +
  '2025/11/10,100231,T001,株式会社山田電設,ケーブル,10,"58,000"\n' +
  '2026/04/02,100455,T001,株式会社山田電設,コンセント 2口,200,"70,000"\n' +
  '2026/10/20,100812,T002,有限会社佐藤工業,ケーブル,2,"14,000"\n';

beforeAll(() => buildCli());

it("a Shift-JIS file is recognised and read as written; Western Windows-1252 is not taken for it", () => {
  expect(sniffEncoding(sjis(TEXT)).encoding).toBe("shift_jis");
  expect(decodeText(sjis(TEXT))).toBe(TEXT);
  // é and ü before letters pair up as Shift-JIS would, but never two high bytes in a row
  const western = "Client;Désignation\nSociété Générale;Café crème\nMüller;Größe\n";
  expect(sniffEncoding(Buffer.from(western, "latin1")).encoding).toBe("windows-1252");
});

it("kap analyze reads a Shift-JIS export with its names", () => {
  const file = join(mkdtempSync(join(tmpdir(), "kap-sjis-")), "jp.csv");
  writeFileSync(file, sjis(TEXT));
  const run = spawnSync(
    process.execPath,
    [KAP, "analyze", file, "--as-of", "2026-10-31", "--culture", "ja-JP", "--json", "-q"],
    { encoding: "utf8" }
  );
  expect(run.status).toBe(0);
  const out = JSON.parse(run.stdout);
  expect(out.file.read).toBe("Shift-JIS, comma-delimited");
  // worked by hand: T001 58,000 + 70,000 = 128,000; T002 14,000
  const got: Record<string, [string, number]> = {};
  for (const a of out.portfolio.accounts as {
    accountId: string;
    name: string;
    revenueLast12: number;
  }[])
    got[a.accountId] = [a.name, a.revenueLast12];
  expect(got).toEqual({ T001: ["株式会社山田電設", 128000], T002: ["有限会社佐藤工業", 14000] });
});
