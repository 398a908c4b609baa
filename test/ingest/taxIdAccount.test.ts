/**
 * The customer's tax id (CIF, NIF, USt-IdNr., VAT number, n° TVA, btw-nummer) and the account
 * key. A tax id identifies a company, but it is one per legal entity, not per account, and a
 * retail customer's is often blank (1ce98bc): beside a customer number or name column the
 * accounts are keyed on that column, and only a file with no customer column at all keys them on
 * the tax id. A bare "Nombre" / "Name" / "Nom" written next to the tax id is the customer's name
 * (it was left unread and the tax id keyed the accounts). The reading says which column keys the
 * accounts either way. Every figure is worked out by hand from the rows; as of 2026-10-31.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readingLines } from "../../src/engine/assumptions";
import { analyzeFile } from "./fileAnalysis";

const dir = mkdtempSync(join(tmpdir(), "kap-tax-id-"));
let n = 0;
/** `lines` written as a UTF-8 file; analysed. */
async function analyze(lines: string[]) {
  const file = join(dir, `export-${n++}.csv`);
  writeFileSync(file, lines.join("\r\n") + "\r\n", "utf8");
  const a = await analyzeFile(file);
  return { ...a, said: readingLines(a.report) };
}

// Electricidad García SL (B12345678): F1 100,00 + F3 20,00 = 120,00; Fontanería Ruiz SL (B87654321): F2 50,00
const ROWS = [
  ["01/10/2026", "F1", "Electricidad García SL", "B12345678", "P1", "1", "100,00"],
  ["05/10/2026", "F2", "Fontanería Ruiz SL", "B87654321", "P1", "1", "50,00"],
  ["06/10/2026", "F3", "Electricidad García SL", "B12345678", "P2", "2", "20,00"],
];
const file = (name: string | undefined, taxId: string) =>
  [["Fecha", "Nº factura", name, taxId, "Artículo", "Cantidad", "Importe"], ...ROWS].map((r) =>
    r.filter((_c, i) => name !== undefined || i !== 2).join(";")
  );

const byName = { "Electricidad García SL": 120, "Fontanería Ruiz SL": 50 };
const notKey = (by: string, taxId: string) =>
  `Accounts: by "${by}"; "${taxId}", the customer's tax id, is not the key (one per legal entity, not per account, and often blank for a retail customer)`;

describe("a customer name column beside the tax id: accounts by the name", () => {
  it.each([
    ["Cliente", "NIF cliente"],
    ["Razón social", "CIF"],
    ["Company", "VAT number"],
  ])("'%s' beside '%s'", async (name, taxId) => {
    const { revenue, said } = await analyze(file(name, taxId));
    expect(revenue).toEqual(byName);
    expect(said).toContain(notKey(name, taxId));
  });

  it.each([
    ["Nombre", "CIF"],
    ["Name", "USt-IdNr."],
    ["Nom", "N° TVA"],
    ["Empresa", "NIF"],
    ["Naam", "BTW-nummer"],
  ])("a bare '%s' next to '%s' is the customer's name", async (name, taxId) => {
    const { revenue, said } = await analyze(file(name, taxId));
    expect(revenue).toEqual(byName);
    expect(said).toContain(notKey(name, taxId));
  });

  it("a customer number keys the accounts, the name names them, the tax id is left", async () => {
    const { revenue, names, said } = await analyze([
      "Fecha;Nº factura;Código cliente;Cliente;CIF;Artículo;Cantidad;Importe",
      "01/10/2026;F1;430001;Electricidad García SL;B12345678;P1;1;100,00",
      "05/10/2026;F2;430002;Fontanería Ruiz SL;B87654321;P1;1;50,00",
      "06/10/2026;F3;430001;Electricidad García SL;B12345678;P2;2;20,00",
    ]);
    expect(revenue).toEqual({ "430001": 120, "430002": 50 });
    expect(names["430001"]).toBe("Electricidad García SL");
    expect(said).toContain(notKey("Código cliente", "CIF"));
  });
});

describe("no customer column at all: the tax id keys the accounts, and the reading says so", () => {
  it.each(["CIF", "NIF", "USt-IdNr.", "VAT number"])("'%s' alone", async (taxId) => {
    const { revenue, said } = await analyze(file(undefined, taxId));
    expect(revenue).toEqual({ B12345678: 120, B87654321: 50 });
    expect(said).toContain(
      `Accounts: by "${taxId}", the customer's tax id (the file has no customer number or name column)`
    );
  });

  it("a line with a blank tax id is skipped as having no account, and counted", async () => {
    const lines = file(undefined, "CIF");
    // F2's CIF left blank: B12345678 keeps 120,00; 50,00 of 170,00 (29.4%) is skipped
    lines[2] = "05/10/2026;F2;;P1;1;50,00";
    const { revenue, report, said } = await analyze(lines);
    expect(revenue).toEqual({ B12345678: 120 });
    expect(said).toContain("Skipped: 1 no account (29.4% of revenue)");
    expect(report.warnings.join("\n")).toContain("1 row was skipped: 1 no account (row 3;");
  });

  it("a bare 'Nombre' not next to the tax id is not taken for the customer", async () => {
    // "Nombre" here is the product's name, two columns from the CIF: the CIF keys the accounts
    const { revenue } = await analyze([
      "Fecha;Nº factura;CIF;Artículo;Nombre;Cantidad;Importe",
      "01/10/2026;F1;B12345678;P1;Bridas;1;100,00",
      "05/10/2026;F2;B87654321;P1;Bridas;1;50,00",
      "06/10/2026;F3;B12345678;P2;Tacos;2;20,00",
    ]);
    expect(revenue).toEqual({ B12345678: 120, B87654321: 50 });
  });
});
