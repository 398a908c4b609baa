/**
 * Excel for Mac saves "Comma Separated Values" in Mac OS Roman, lines ended by CR: the German
 * export of case 07 so saved read "Sanit\x8Ar" as "SanitŠr" and its "0,035 Û" (€ is 0xDB there)
 * as no price, and kap found no usable line. A file that is not UTF-8 whose words hold bytes
 * 0x80–0x9F between letters, and none above, is now read as Mac OS Roman; Windows-1252 and
 * Windows-1250 files stay as they were read.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { decodeMacRoman, decodeText, sniffEncoding } from "../../src/cli/textFile";
import { analyzeFile } from "../ingest/fileAnalysis";

const FIXTURES = join(__dirname, "../fixtures");

/** `text` in Mac OS Roman, by the ICU table Node's TextDecoder has (not KAP's own table). */
function macRoman(text: string): Buffer {
  const icu = new TextDecoder("macintosh");
  const byChar = new Map<string, number>();
  for (let b = 0x80; b <= 0xff; b++) byChar.set(icu.decode(Uint8Array.of(b)), b);
  return Buffer.from(
    [...text].map((c) => (c.charCodeAt(0) < 0x80 ? c.charCodeAt(0) : byChar.get(c)!))
  );
}

describe("telling Mac OS Roman from Windows-1252 and 1250", () => {
  it("every byte 0x80–0xFF decodes as ICU's Mac OS Roman table has it", () => {
    const icu = new TextDecoder("macintosh");
    for (let b = 0x80; b <= 0xff; b++)
      expect(decodeMacRoman(Uint8Array.of(b))).toBe(icu.decode(Uint8Array.of(b)));
  });

  it("German, French and Spanish text from Excel for Mac is recognised and read as written", () => {
    const texts = [
      "Kunde;Artikel;Menge;Betrag\rMüller & Söhne;Größe M8 Schrauben;1.200;12,50 €\rSanitär Vogel KG;Dübel;10;4,50 €\r",
      "Client;Désignation;Quantité\rÉlectricité Crème;Système à clé;3\rFaçades Leroy;Tête;2\r",
      "Cliente;Descripción;Cantidad\rFontanería Peña;Señalización;5\r",
    ];
    for (const text of texts) {
      const bytes = macRoman(text);
      expect(sniffEncoding(bytes).encoding).toBe("macintosh");
      expect(decodeText(bytes)).toBe(text);
    }
  });

  it("Windows-1252 text with its quotes between letters (O’Neill) stays Windows-1252; Polish stays Windows-1250", () => {
    const w1252 = Buffer.from(
      "Customer;Item\nO\x92Neill\x92s Bar;Don\x92t panic\nMüller;Größe\n",
      "latin1"
    );
    expect(sniffEncoding(w1252).encoding).toBe("windows-1252");
    // "Ilość;Kształtka;Ważna;Mała" in Windows-1250: ś 0x9C, ć 0xE6, ł 0xB3, ż 0xBF
    const polish = Buffer.from("Ilo\x9c\xe6;Kszta\xb3tka;Wa\xbfna;Ma\xb3a\n", "latin1");
    expect(sniffEncoding(polish).encoding).toBe("windows-1250");
  });
});

test("case 07 saved by Excel for Mac is read as its UTF-8 original: D-1001 €255.00, D-1002 €79.88", async () => {
  const mac = join(FIXTURES, "tester/de-mac-roman-cr.csv");
  expect(readFileSync(mac).includes(0x8a)).toBe(true);
  const { revenue, names, currency } = await analyzeFile(mac);
  // D-1001: 500 × 0,035 + 1.200 × 0,125 + 2.500 × 0,035 = 17,50 + 150,00 + 87,50 = 255,00 €
  // D-1002: 40 × 1,25 + 12 × 2,49 = 50,00 + 29,88 = 79,88 €
  expect(revenue).toEqual({ "D-1001": 255, "D-1002": 79.88 });
  expect(names["D-1002"]).toBe("Sanitär Vogel KG");
  expect(currency).toEqual({ "D-1001": "EUR", "D-1002": "EUR" });
});
