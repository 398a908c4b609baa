/**
 * SAP's sales document types in a VA05 order list (tester round 2, file 01): "Verkaufsbelegart"
 * was not read as the document type, so a quotation (AG, Angebot) of 9,999.00 was counted as a
 * sale. Now TA (Terminauftrag) is a sale, AG (Angebot) and AF (Anfrage) are no sales, RE
 * (Retoure) and G2 (Gutschriftsanforderung) are returns whatever their sign, L2
 * (Lastschriftsanforderung) a charge; so are the English codes (OR, QT, IN, RE, CR, DR) and the
 * words written out; SAP's billing list (VF05) skips its pro forma invoices (F5, F8). Worked by
 * hand, as of 2026-11-30.
 */
import { docTypeCodes } from "../../src/ingest/docTypeCodes";
import { analyzeFile, csvFile } from "./fileAnalysis";

const fileOf = (lines: string[]): string => csvFile(lines, "export.csv", "latin1");
const AS_OF = "2026-11-30";
const NOT_SOLD = "not a sale (a quote, sales order or delivery note)";
const skippedRows = (skipped: readonly { rule: string; rows: number }[]) =>
  Object.fromEntries(skipped.map((s) => [s.rule, s.rows]));

/** The tester's 01_sap_va05_de.csv, its type column's header and values given. */
function va05(
  header = "Verkaufsbelegart",
  types = ["TA", "TA", "TA", "AG", "RE", "TA"],
  ret = "250,00-"
) {
  const qty = ret.endsWith("-") ? "2-" : "2";
  return fileOf([
    `Verkaufsbeleg;${header};Belegdatum;Auftraggeber;Name Auftraggeber;Material;Bezeichnung;Auftragsmenge;ME;Nettowert;Währung`,
    `4711;${types[0]};02.11.2026;100234;Elektro Müller GmbH;M-100;Kabelbinder 200mm;10;ST;1.250,00;EUR`,
    `4711;${types[1]};02.11.2026;100234;Elektro Müller GmbH;M-200;Dübel 8mm;5;ST;312,50;EUR`,
    `4712;${types[2]};05.11.2026;100235;Bau Schmidt AG;M-100;Kabelbinder 200mm;2;ST;250,00;EUR`,
    `20001;${types[3]};06.11.2026;100235;Bau Schmidt AG;M-300;Installationsrohr 20mm;100;ST;9.999,00;EUR`,
    `60001;${types[4]};09.11.2026;100234;Elektro Müller GmbH;M-100;Kabelbinder 200mm;${qty};ST;${ret};EUR`,
    `4713;${types[5]};12.11.2026;100234;Elektro Müller GmbH;M-200;Dübel 8mm;1;ST;62,50;EUR`,
  ]);
}

// 100234: 4711 1.250,00 + 312,50, 4713 62,50, less Retoure 60001 250,00 = 1.375,00 in 2 orders,
// last 12.11 (18 days); 100235: 4712 250,00 in 1 order, last 05.11 (25 days), the Angebot 20001
// 9.999,00 no sale. File total 1.625,00 (was 11.624,00: 100235 10.249,00 in 2 orders, last 06.11).
const RIGHT = { "100234": 1375, "100235": 250 };

test("VA05: the Angebot (AG) is no sale — 100235 250.00 in 1 order, last 05.11, was 10,249.00 in 2, last 06.11", async () => {
  const { report, revenue, orders, days } = await analyzeFile(va05(), AS_OF);
  expect(revenue).toEqual(RIGHT);
  expect(orders).toEqual({ "100234": 2, "100235": 1 });
  expect(days).toEqual({ "100234": 18, "100235": 25 });
  expect(report.revenue).toBe(1625);
  expect(skippedRows(report.skipped)).toEqual({ [NOT_SOLD]: 1 });
  expect(report.warnings).toContain(
    '"Verkaufsbelegart" writes document types as codes: its RE (Retoure) lines are credit notes, read as returns whatever their sign; its AG (Angebot, a quotation) lines are no sales, skipped and counted.'
  );
});

test.each([["Belegart"], ["VArt"]])("the header %s is the sales document type too", async (h) => {
  const { revenue, orders } = await analyzeFile(va05(h), AS_OF);
  expect(revenue).toEqual(RIGHT);
  expect(orders).toEqual({ "100234": 2, "100235": 1 });
});

test("a Retoure (RE) written positive beside TA is a return: 100234 1,375.00, was 1,875.00", async () => {
  // 1.250,00 + 312,50 + 62,50 − 250,00 (RE, written positive) = 1.375,00
  const { revenue, report } = await analyzeFile(va05(undefined, undefined, "250,00"), AS_OF);
  expect(revenue).toEqual(RIGHT);
  expect(report.returns).toBe(1);
});

test("the words written out: Terminauftrag, Angebot, Retoure (positive)", async () => {
  const types = ["Terminauftrag", "Terminauftrag", "Terminauftrag", "Angebot", "Retoure"];
  const { revenue, orders } = await analyzeFile(
    va05(undefined, [...types, "Terminauftrag"], "250,00"),
    AS_OF
  );
  expect(revenue).toEqual(RIGHT);
  expect(orders).toEqual({ "100234": 2, "100235": 1 });
});

test("AF (Anfrage) is no sale, G2 a credit memo request written positive, L2 a charge", async () => {
  const { revenue, orders, report } = await analyzeFile(
    va05(undefined, ["TA", "TA", "L2", "AF", "G2", "TA"], "250,00"),
    AS_OF
  );
  // 100234 as above: 1.375,00 (G2 250,00 taken off); 100235: L2 250,00 (a charge, a sale);
  // AF 9.999,00 no sale
  expect(revenue).toEqual(RIGHT);
  expect(orders).toEqual({ "100234": 2, "100235": 1 });
  expect(skippedRows(report.skipped)).toEqual({ [NOT_SOLD]: 1 });
});

test("the English codes: OR a sale, QT a quotation, RE and CR returns", async () => {
  const { revenue } = await analyzeFile(
    va05("Sales Document Type", ["OR", "OR", "OR", "QT", "RE", "OR"], "250,00"),
    AS_OF
  );
  expect(revenue).toEqual(RIGHT);
});

test("a German ERP's RE beside GU is still a Rechnung; IN beside CR an invoice", () => {
  expect(docTypeCodes(["RE", "GU"])).toEqual({
    credits: [
      { code: "GS", name: "Gutschrift" },
      { code: "GU", name: "Gutschrift" },
      { code: "RK", name: "Rechnungskorrektur" },
    ],
    notSales: [],
  });
  expect(docTypeCodes(["IN", "CR"]).notSales).toEqual([]);
  // beside SAP's English order codes, IN is an inquiry
  expect(docTypeCodes(["OR", "IN"]).notSales.map((c) => c.code)).toEqual(["QT", "IN"]);
});

test("SAP billing (VF05): a pro forma invoice (F5) is no sale; F2 less G2", async () => {
  const { revenue, report } = await analyzeFile(
    fileOf([
      "Billing Document;Billing Type;Billing Date;Sold-To Party;Material;Billed Quantity;Net Value",
      "90000101;F2;02.11.2026;100017;CT-100;10;100,00",
      "90000102;F5;03.11.2026;100017;CT-100;50;500,00",
      "90000190;G2;20.11.2026;100017;CT-100;1;10,00",
    ]),
    AS_OF
  );
  // 100,00 − 10,00 (G2, written positive) = 90,00; the pro forma 500,00 skipped
  expect(revenue).toEqual({ "100017": 90 });
  expect(skippedRows(report.skipped)).toEqual({ [NOT_SOLD]: 1 });
});
