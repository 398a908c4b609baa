/**
 * A ;-delimited CSV is what Excel writes where the comma is the decimal mark (de-DE, fr-FR, nl-NL
 * …): when nothing else settles a money column whose every value reads two ways ("1.250"), the
 * delimiter does, and the user is told (the tester's open finding: it was read with a point).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const dir = mkdtempSync(join(tmpdir(), "kap-semicolon-"));

test("'1.250' in a ;-delimited file with nothing else to go by is 1,250 (a thousands dot), flagged", async () => {
  const file = join(dir, "umsatz.csv");
  writeFileSync(
    file,
    [
      "Datum;Rechnung;Kunde;Artikel;Menge;Betrag",
      "01.10.2026;R1;A;X;1;1.250",
      "02.10.2026;R2;B;X;2;2.500",
    ].join("\n")
  );
  const { report, revenue } = await analyzeFile(file);
  // by hand, "." a thousands separator: A 1.250 = 1,250; B 2.500 = 2,500 (not 1.25 and 2.5)
  expect(revenue["A"]).toBe(1250);
  expect(revenue["B"]).toBe(2500);
  expect(report.numbers.find((n) => n.field === "revenue")).toMatchObject({
    decimal: ",",
    source: "delimiter",
  });
  expect(report.warnings.join(" ")).toMatch(
    /Column "Betrag": 2 values such as "1\.250" could be read two ways.*;-delimited.*decimal comma/
  );
});

test("a comma-delimited file with the same values keeps the decimal point, flagged as before", async () => {
  const file = join(dir, "sales.csv");
  writeFileSync(
    file,
    [
      "Date,Invoice,Customer,SKU,Qty,Amount",
      "01/10/2026,R1,A,X,1,1.250",
      "02/10/2026,R2,B,X,2,2.500",
    ].join("\n")
  );
  const { report, revenue } = await analyzeFile(file);
  expect(revenue["A"]).toBe(1.25);
  expect(report.numbers.find((n) => n.field === "revenue")?.source).toBe("default");
});
