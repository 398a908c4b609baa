/**
 * A report exported with its title lines above the header (Lexware's "Umsatzliste nach Kunden",
 * SAP list output, Sage reports): the title lines split into one field whatever the delimiter, so
 * they must not decide it. A semicolon export under a title was read by commas (its decimal commas
 * split the numbers) and refused: "No order lines were found … Headers found — 10001;Elektro
 * Müller GmbH;03.07.2026;…".
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sniffDelimiter } from "../../src/cli/textFile";
import { buildCli, kap } from "./kapProcess";

jest.setTimeout(120_000);

const dir = mkdtempSync(join(tmpdir(), "kap-titled-"));

beforeAll(() => buildCli());

describe("the delimiter of a report with title lines", () => {
  test.each([
    ["Umsatzliste\nZeitraum: 01.07.2026 - 30.09.2026\n\nKunde;Betrag\n1;12,50\n2;3,00\n", ";"],
    ["Sales list\n\nCustomer\tAmount\tQty\nA\t1,200.00\t2\nB\t3.00\t1\n", "\t"],
    ["Ventes\nClient|Montant\nA|12,50\nB|3,00\nTotal|15,50\n", "|"],
    // QuickBooks' title block over a comma export stays comma
    [
      'Sales by Customer Detail\n"January 1 - November 30, 2026"\n\n,Date,Amount\nA,,\n,01/05/2026,300.00\n',
      ",",
    ],
  ])("%j → %j", (text, delim) => {
    expect(sniffDelimiter(text).delimiter).toBe(delim);
  });
});

test("a German sales list with a title block, Summe rows and a Storno read as semicolon-delimited", () => {
  const text =
    "Umsatzliste nach Kunden\r\n" +
    "Zeitraum: 01.07.2026 - 30.09.2026\r\n" +
    "Firma: Muster Handel GmbH\r\n" +
    "\r\n" +
    "Kunden-Nr.;Kunde;Datum;Beleg-Nr.;Belegart;Artikel-Nr.;Bezeichnung;Menge;Einheit;E-Preis;Gesamt netto\r\n" +
    "10001;Elektro Müller GmbH;03.07.2026;RE-1001;Rechnung;KB-100;Kabelbinder;1.000;Stk;0,12;120,00\r\n" +
    "10001;Elektro Müller GmbH;10.08.2026;RE-1010;Rechnung;WN-1;Warnweste;50;Stk;8,90;445,00\r\n" +
    "10001;Elektro Müller GmbH;12.08.2026;ST-1010;Stornorechnung;WN-1;Warnweste;50;Stk;8,90;445,00\r\n" +
    "10001;Elektro Müller GmbH;12.08.2026;RE-1011;Rechnung;WN-1;Warnweste;40;Stk;8,90;356,00\r\n" +
    ";Summe 10001 Elektro Müller GmbH;;;;;;;;;476,00\r\n" +
    "10002;Sanitär Weiß;05.09.2026;RE-1020;Rechnung;RS-15;Rohrschneider;2;Stk;24,50;49,00\r\n" +
    "10002;Sanitär Weiß;15.09.2026;GU-1001;Gutschrift;RS-15;Rohrschneider;1;Stk;24,50;24,50\r\n" +
    ";Summe 10002 Sanitär Weiß;;;;;;;;;24,50\r\n" +
    ";Gesamtsumme;;;;;;;;;500,50\r\n";
  const file = join(dir, "umsatzliste.csv");
  writeFileSync(file, Buffer.from(text, "latin1")); // Windows-1252: ü, ä, ß are their Latin-1 bytes
  // as of the Gutschrift's day, the file's last: the default (the last sale's, 05.09.2026) would
  // leave it out, with a warning
  const r = kap("analyze", file, "--json", "-q", "--culture", "de-DE", "--as-of", "2026-09-15");
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  const j = JSON.parse(r.stdout) as {
    portfolio: { accounts: { accountId: string; name: string; revenueLast12: number }[] };
  };
  const revenue = Object.fromEntries(
    j.portfolio.accounts.map((a) => [`${a.accountId} ${a.name}`, a.revenueLast12])
  );
  // 10001: 120,00 + 445,00 − 445,00 (the Stornorechnung reverses RE-1010) + 356,00 = 476,00
  // 10002: 49,00 − 24,50 (the Gutschrift) = 24,50; the Summe rows are totals, not sales
  expect(revenue).toEqual({
    "10001 Elektro Müller GmbH": 476,
    "10002 Sanitär Weiß": 24.5,
  });
});
