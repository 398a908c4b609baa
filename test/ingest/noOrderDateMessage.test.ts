/**
 * Order lines whose date header KAP does not know ("Erfasst"): the file was refused with the
 * general "No order lines were found … KAP needs a table with an account, an order date and a
 * line value", though it had an account and a line value. The refusal names the missing role
 * (the order date), the headers, and the columns that hold dates, and says how to map them.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MissingRoleError } from "../../src/ingest/mapping";
import { analyzeFile } from "./fileAnalysis";

const dir = mkdtempSync(join(tmpdir(), "kap-no-date-"));
let n = 0;
function analyze(lines: string[]) {
  const file = join(dir, `export-${n++}.csv`);
  writeFileSync(file, lines.join("\r\n") + "\r\n", "utf8");
  return analyzeFile(file, "2026-11-30");
}

describe("a sheet of order lines whose date header KAP does not know: the refusal names the date", () => {
  const lines = (dates: [string, string]) => [
    "Auftragsnummer;Erfasst;Kundennummer;Firma;Artikelnummer;Menge;Gesamtpreis netto",
    `AU-1;${dates[0]};K-501;Elektro Klein;ART-1;10;108,00`,
    `AU-2;${dates[1]};K-502;Haustechnik Roth;ART-1;1;8,00`,
  ];
  const headers =
    "Auftragsnummer, Erfasst, Kundennummer, Firma, Artikelnummer, Menge, Gesamtpreis netto";

  it("says there is no order date column and which column holds dates", async () => {
    const e = await analyze(lines(["04.11.2026 09:12", "05.11.2026 14:40"])).catch(
      (x: unknown) => x
    );
    expect(e).toBeInstanceOf(MissingRoleError);
    const m = e as MissingRoleError;
    const sheet = m.cliMessage.match(/^No order lines were found\. "([^"]+)"/)![1];
    expect(m.cliMessage).toBe(
      `No order lines were found. "${sheet}" has no order date column: none of its headers (${headers}) reads as a date; column with dates in it: "Erfasst". ` +
        `kap takes the headers as they are: rename "Erfasst" in the file to "Order Date", or pick the sheet with --sheet.`
    );
    expect(m.message).toBe(
      `No order lines were found. "${sheet}" has no order date column: none of its headers (${headers}) reads as a date; column with dates in it: "Erfasst". ` +
        `To read them, choose the sheet that holds them under "Order lines are on", then its order date column.`
    );
    expect(m.missing).toEqual(["order date"]);
  });

  it("says so when no column holds dates", async () => {
    const e = (await analyze(lines(["x", "y"])).catch((x: unknown) => x)) as MissingRoleError;
    expect(e.cliMessage).toMatch(
      /has no order date column: none of its headers \(.*\) reads as a date; no column's cells read as dates\. kap takes the headers as they are: rename the order date column in the file to "Order Date", or export the lines with their order or invoice date/
    );
  });

  it("a list with no order columns keeps the general message", async () => {
    const e = (await analyze(["Name,Colour", "x,red"]).catch(
      (x: unknown) => x
    )) as MissingRoleError;
    expect(e.cliMessage).toMatch(/^No order lines were found\. KAP needs a table with/);
  });
});
