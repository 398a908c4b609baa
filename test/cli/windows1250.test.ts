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
});
