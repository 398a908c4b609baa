/**
 * Windows-1250 text files (Polish, Czech, Slovak, Hungarian exports from Windows ERPs) were read
 * as Windows-1252: "Ilość" became "Iloœæ", "Číslo odběratele" "Èíslo odbìratele", and the file was
 * refused for want of an account column. A file that is not UTF-8 and shows Central European
 * letters inside its words is now read as Windows-1250 from its first byte; Western Windows-1252
 * files (è, ø, œ, ñ, a final ì, ¿ and £) stay Windows-1252.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import {
  decode1250,
  decodeText,
  looksCentralEuropean,
  sniffEncoding,
} from "../../src/cli/textFile";
import { buildCli } from "./kapProcess";

jest.setTimeout(120_000);

const dir = mkdtempSync(join(tmpdir(), "kap-1250-"));
const KAP = resolve(__dirname, "../../bin/kap.js");
const FIXTURES = resolve(__dirname, "../fixtures/exports");

/** `text` in Windows-1250, by the ICU table Node's TextDecoder has (not KAP's own table). */
function cp1250(text: string): Buffer {
  const icu = new TextDecoder("windows-1250");
  const byChar = new Map<string, number>();
  for (let b = 0x80; b <= 0xff; b++) byChar.set(icu.decode(Uint8Array.of(b)), b);
  return Buffer.from(
    [...text].map((c) => {
      if (c.charCodeAt(0) < 0x80) return c.charCodeAt(0);
      const b = byChar.get(c);
      if (b === undefined) throw new Error(`${c} has no Windows-1250 byte`);
      return b;
    })
  );
}

/** `text` in Windows-1252: Latin-1 bytes for the letters used here, and œ is 0x9C. */
const cp1252 = (text: string) => Buffer.from(text.replace(/œ/g, "\x9c"), "latin1");

beforeAll(() => buildCli());

describe("telling Windows-1250 from Windows-1252", () => {
  it("every byte 0x80–0xFF decodes as ICU's Windows-1250 table has it", () => {
    const icu = new TextDecoder("windows-1250");
    for (let b = 0x80; b <= 0xff; b++)
      expect(decode1250(Uint8Array.of(b))).toBe(icu.decode(Uint8Array.of(b)));
  });

  it("Polish and Czech exports in Windows-1250 are recognised and read as written", () => {
    for (const name of ["polish-pozycje-faktur.csv", "czech-polozky-faktur.csv"]) {
      const text = readFileSync(join(FIXTURES, name), "utf8");
      const bytes = cp1250(text);
      expect(looksCentralEuropean(bytes)).toBe(true);
      expect(sniffEncoding(bytes).encoding).toBe("windows-1250");
      expect(decodeText(bytes)).toBe(text);
    }
  });

  it("Western Windows-1252 text stays Windows-1252: French, German, Spanish, Italian, Danish", () => {
    const western = [
      "Client;Désignation;Quantité;Prix\nÉlectricité Crème;Système à clé;3;1,50\nCœur & Fils;Tête;2;£4\n",
      "Kunde;Artikel;Menge;Betrag\nMüller & Söhne;Größe M8 Schrauben;1.200;12,50\n",
      "Cliente;Descripción;Cantidad\nPeña Hermanos;¿Tornillería?;10\nAñil S.L.;Señalización;5\n",
      "Cliente;Articolo;Quantità\nCosì Srl;Lunedì consegna;4\nCaffè Più;Però;2\n",
      "Kunde;Vare;Antal\nSørensen ApS;Kørestol;1\nRøde Kors;Fløde;3\n",
    ];
    for (const text of western) {
      const bytes = cp1252(text);
      expect(looksCentralEuropean(bytes)).toBe(false);
      expect(sniffEncoding(bytes).encoding).toBe("windows-1252");
      expect(decodeText(bytes)).toBe(text);
    }
  });
});

describe("Windows-1250 told by evidence over the whole sample, not only letters inside words", () => {
  it("Polish with Ł and Ż opening words and ł ending one (zł) is Windows-1250", () => {
    const text =
      "Customer;Net Value\nPrzedsiębiorstwo Budowlane Łęczna;1 236,00 zł\nŻabka Instalacje;259,55 zł\n";
    expect(sniffEncoding(cp1250(text)).encoding).toBe("windows-1250");
    expect(decodeText(cp1250(text))).toBe(text);
  });

  it("Czech whose only Central European letters are č in Kč and ř, á is Windows-1250", () => {
    const text = "Customer;Net Amount\nStavby Novák;4 560,00 Kč\nElektro Dvořák;938,20 Kč\n";
    expect(sniffEncoding(cp1250(text)).encoding).toBe("windows-1250");
    expect(decodeText(cp1250(text))).toBe(text);
  });

  it("Western text with a repeated final è, m³ and £ figures stays Windows-1252", () => {
    const western = [
      "Cliente;Articolo\nCaffè Nero;Caffè\nCaffè Nero;Tè verde\n",
      "Customer;Item;Price\nA Ltd;Concrete 2 m³;£120\nB Ltd;Sand 1 m³;£45\n",
      "Client;Article\nÉlectricité Crème;Système\nPère Noël;Crème brûlée\n",
    ];
    for (const text of western) {
      const bytes = cp1252(text);
      expect(sniffEncoding(bytes).encoding).toBe("windows-1252");
      expect(decodeText(bytes)).toBe(text);
    }
  });
});

describe("kap analyze on a Windows-1250 export", () => {
  it("reads the Polish and Czech files as their UTF-8 versions are read, and says Windows-1250", () => {
    for (const name of ["polish-pozycje-faktur.csv", "czech-polozky-faktur.csv"]) {
      const file = join(dir, name);
      writeFileSync(file, cp1250(readFileSync(join(FIXTURES, name), "utf8")));
      const run = (f: string) =>
        spawnSync(process.execPath, [KAP, "analyze", f, "--as-of", "2026-10-31", "--json", "-q"], {
          encoding: "utf8",
        });
      const legacy = run(file);
      const utf8 = run(join(FIXTURES, name));
      expect(legacy.status).toBe(0);
      const a = JSON.parse(legacy.stdout);
      const b = JSON.parse(utf8.stdout);
      expect(a.file.read).toBe("Windows-1250, semicolon-delimited");
      // the same accounts, names, categories and money as from the UTF-8 file
      expect(a.portfolio).toEqual(b.portfolio);
      expect(a.ingest.numbers).toEqual(b.ingest.numbers);
    }
  });

  it("a Polish file with zł amounts and a Czech one with Kč are read in PLN and CZK", () => {
    const polish =
      "Date;Invoice No;Customer ID;Customer;Qty;Net Value\n" +
      "2025-11-21;FV/2025/11/0042;K-0017;Przedsiębiorstwo Budowlane Łęczna;4;1\u00a0236,00 zł\n" +
      "2026-02-13;FV/2026/02/0007;K-0017;Przedsiębiorstwo Budowlane Łęczna;120;2\u00a0076,40 zł\n" +
      "2026-10-19;FV/2026/10/0088;K-0031;Żabka Instalacje s.c.;15;259,55 zł\n";
    const czech =
      "Date;Document;Customer ID;Customer;Qty;Net Amount\n" +
      "15.11.2025;FV2025-0451;25123456;Stavby Novák s.r.o.;3;4\u00a0560,00 Kč\n" +
      "03.04.2026;FV2026-0102;25123456;Stavby Novák s.r.o.;50;2\u00a0345,50 Kč\n" +
      "01.10.2026;FV2026-0350;47111111;Elektro Dvořák a.s.;20;938,20 Kč\n";
    // worked by hand: K-0017 1,236.00 + 2,076.40 = 3,312.40 PLN; K-0031 259.55 PLN;
    // 25123456 4,560.00 + 2,345.50 = 6,905.50 CZK; 47111111 938.20 CZK
    const cases: [string, string, string, Record<string, number>][] = [
      ["pl.csv", polish, "PLN", { "K-0017": 3312.4, "K-0031": 259.55 }],
      ["cz.csv", czech, "CZK", { "25123456": 6905.5, "47111111": 938.2 }],
    ];
    for (const [name, text, currency, revenue] of cases) {
      const file = join(dir, name);
      writeFileSync(file, cp1250(text));
      const run = spawnSync(
        process.execPath,
        [KAP, "analyze", file, "--as-of", "2026-10-31", "--json", "-q"],
        { encoding: "utf8" }
      );
      expect(run.status).toBe(0);
      const out = JSON.parse(run.stdout);
      expect(out.file.read).toBe("Windows-1250, semicolon-delimited");
      expect(out.portfolio.currencies).toEqual([currency]);
      const got: Record<string, number> = {};
      for (const a of out.portfolio.accounts as { accountId: string; revenueLast12: number }[])
        got[a.accountId] = a.revenueLast12;
      expect(got).toEqual(revenue);
    }
  });
});
