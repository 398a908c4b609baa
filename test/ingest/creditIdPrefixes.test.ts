/**
 * Credit notes numbered apart from the invoices, written with positive figures and no document
 * type: Sage 100 and EBP number factures FA… and avoirs AV…, German systems Rechnungen RE…/RG…
 * and Gutschriften GU…/GS…. Were read as sales. Worked by hand, as of 2026-10-31.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { creditNotePrefixes } from "../../src/ingest/orders";
import { isCreditNoteId } from "../../src/domain/orderLines";
import { analyzeFile } from "./fileAnalysis";

const dir = mkdtempSync(join(tmpdir(), "kap-creditids-"));

const analyze = analyzeFile;

test("which prefixes are credit notes", () => {
  expect(creditNotePrefixes(["FA00101", "FA00108", "AV00003"])).toEqual(["av"]);
  expect(creditNotePrefixes(["RE-1001", "RG-1002", "GU-0033"])).toEqual(["gu"]);
  // no invoice prefix beside it, or as many credit notes as invoices: the numbering, not credits
  expect(creditNotePrefixes(["AV00001", "AV00002", "X-1"])).toEqual([]);
  expect(creditNotePrefixes(["FA1", "AV1"])).toEqual([]);
  // "Avenue", "Gusto": no digit or dash after the two letters
  expect(creditNotePrefixes(["FA1", "FA2", "Avenue 3"])).toEqual([]);
});

test("an order's lines each count: a credit note of three lines beside two one-line invoices is as many", () => {
  // worked by hand: av 3 lines, fa 2 lines → not fewer credit notes than invoices
  expect(creditNotePrefixes(["AV00003", "AV00003", "AV00003", "FA00101", "FA00108"])).toEqual([]);
  // av 2 lines, fa 3 lines (one invoice of 2 lines, then one of 1) → av are credit notes
  expect(creditNotePrefixes(["FA00101", "FA00101", "AV00003", "AV00003", "FA00108"])).toEqual([
    "av",
  ]);
  // Odoo's numbers likewise, line by line: RINV 2 lines, INV 2 lines → the numbering, not credits
  expect(creditNotePrefixes(["INV/2026/1", "INV/2026/1", "RINV/2026/1", "RINV/2026/1"])).toEqual(
    []
  );
});

test("Odoo: a journal's credit notes are numbered R + its code (RINV/… beside INV/…)", () => {
  expect(creditNotePrefixes(["INV/2026/00001", "INV/2026/00002", "RINV/2026/00001", ""])).toEqual([
    "rinv",
  ]);
  // a journal of its own starting with R (RET/…) with no ET/… beside it: no credit notes
  expect(creditNotePrefixes(["INV/2026/1", "RET/2026/1"])).toEqual([]);
  // as many reversals as invoices: the numbering, not credits
  expect(creditNotePrefixes(["INV/2026/1", "RINV/2026/1"])).toEqual([]);
  // a slash then the year, not "INVOICE/…" text or "RINV-1"
  expect(creditNotePrefixes(["INV/2026/1", "INV/2026/2", "RINV-1"])).toEqual([]);
});

test("French: AV00003 with positive Qté and Total HT is an avoir", async () => {
  const { report, revenue, orders } = await analyze(
    join(__dirname, "../fixtures/exports/french-avoir-by-number.csv")
  );
  // Martin: FA00108 1 500,00 − AV00003 125,00 = 1 375,00 (not 1 625,00), one order
  expect(revenue).toEqual({ "Dupont SARL": 45, "Martin & Fils": 1375 });
  expect(orders).toEqual({ "Dupont SARL": 1, "Martin & Fils": 1 });
  expect(report.returns).toBe(1);
  expect(report.warnings).toContain(
    "Order ids starting AV beside the invoices' FA… are credit notes: read as returns, whatever their sign."
  );
});

test("German: GU-0033 beside RE-… is a Gutschrift", async () => {
  const path = join(dir, "de.csv");
  writeFileSync(
    path,
    "Datum;Belegnr.;Kundennr.;Artikelnr.;Menge;Einzelpreis;Betrag\n" +
      "01.10.2026;RE-1001;10045;KS-10;1000;0,15;150,00\n" +
      "08.10.2026;RE-1004;10045;KS-10;200;0,15;30,00\n" +
      "15.10.2026;GU-0033;10045;KS-10;100;0,15;15,00\n"
  );
  const { revenue, orders, report } = await analyze(path);
  // 150 + 30 − 15 = 165,00; two orders
  expect(revenue).toEqual({ "10045": 165 });
  expect(orders).toEqual({ "10045": 2 });
  expect(report.returns).toBe(1);
});

describe("ids that look like credit notes after the first 1,000 lines", () => {
  /** `invoices` lines with INV ids, then `cs` with ids C26001…, each £10, one a day from 2025-01-01. */
  function book(invoices: number, cs: number, every = 0): string {
    const rows = ["Date,Invoice,Customer,SKU,Qty,Line Total"];
    for (let i = 0; i < invoices + cs; i++) {
      const d = new Date(Date.UTC(2025, 0, 1 + Math.floor(i / 20))).toISOString().slice(0, 10);
      const id =
        i >= invoices
          ? `C${26001 + i - invoices}`
          : every && i % every === 0
            ? `CN${i}`
            : `INV${1000 + i}`;
      rows.push(`${d},${id},A${i % 9},S${i % 7},1,10`);
    }
    return `${rows.join("\n")}\n`;
  }

  test("1,200 invoices then 1,500 lines numbered C26…: read as returns, as the first 1,000 say, and flagged from row 1,202", async () => {
    const path = join(dir, "numbering-changes.csv");
    writeFileSync(path, book(1200, 1500));
    const { report } = await analyze(path);
    // 1,200 × £10 − 1,500 × £10 = −£3,000: what the first 1,000 ids settle (C… are credit notes)
    expect(report.returns).toBe(1500);
    expect(report.revenue).toBe(-3000);
    const w = report.warnings.find((x) => x.includes("look like credit-note numbers"));
    // the header is row 1, INV lines rows 2–1,201, the first C26… id on row 1,202
    expect(w).toMatch(
      /^From row 1202, most order ids look like credit-note numbers \(such as "C26001"\)/
    );
  });

  test("a credit note every 20th line (CN…) is no change of numbering: no warning", async () => {
    const path = join(dir, "credit-notes.csv");
    writeFileSync(path, book(3000, 0, 20));
    const { report } = await analyze(path);
    // 3,000 lines, 150 of them CN credit notes: 2,850 × £10 − 150 × £10 = £27,000
    expect(report.returns).toBe(150);
    expect(report.revenue).toBe(27000);
    expect(report.warnings.join(" ")).not.toMatch(/credit-note numbers/);
  });
});

describe("Italian, Polish and Czech numbering: NC beside FT, FK beside FV/FS, DB beside FV", () => {
  test("which prefixes are credit notes, with a space or a slash after the letters ('NC 12/2026', 'FK/3/2026')", () => {
    expect(creditNotePrefixes(["FT 1/2026", "FT 90/2026", "NC 12/2026"])).toEqual(["nc"]);
    expect(creditNotePrefixes(["FV/1/2026", "FS/2/2026", "FK/3/2026"])).toEqual(["fk"]);
    expect(creditNotePrefixes(["FV2026001", "FV2026002", "DB2026001"])).toEqual(["db"]);
    // no invoice prefix beside it: "NC" alone is no credit numbering; "Ncompany 3" is no prefix
    expect(creditNotePrefixes(["1/2026", "2/2026", "NC 1/2026"])).toEqual([]);
    expect(creditNotePrefixes(["FT 1", "FT 2", "Ncompany 3"])).toEqual([]);
  });

  test("Italian: a Nota di credito NC 12/2026 written positive, with no document type column, is a return", async () => {
    const path = join(dir, "it.csv");
    writeFileSync(
      path,
      "Codice cliente;Ragione sociale;Data documento;Numero documento;Codice articolo;Descrizione;Quantità;Prezzo unitario;Importo\n" +
        "I-1;Elettrica Rossi S.r.l.;02/09/2026;FT 1/2026;FC-200;Fascette;1.200;0,125;150,00\n" +
        "I-1;Elettrica Rossi S.r.l.;14/10/2026;FT 90/2026;FC-200;Fascette;2.500;0,035;87,50\n" +
        "I-2;Idraulica Bianchi;07/10/2026;FT 77/2026;RC-15;Raccordo 15;40;1,25;50,00\n" +
        "I-2;Idraulica Bianchi;09/10/2026;NC 12/2026;RC-15;Raccordo 15 (reso);4;1,25;5,00\n"
    );
    const { revenue, orders, report } = await analyze(path);
    // I-1: 150,00 + 87,50 = 237,50; I-2: 50,00 − NC 5,00 = 45,00 (not 55,00), one order
    expect(revenue).toEqual({ "I-1": 237.5, "I-2": 45 });
    expect(orders).toEqual({ "I-1": 2, "I-2": 1 });
    expect(report.returns).toBe(1);
    expect(report.warnings).toContain(
      "Order ids starting NC beside the invoices' FT… are credit notes: read as returns, whatever their sign."
    );
  });
});

describe("credit-note ids CR… and CM… (credit memo), and CN with a space or slash", () => {
  test("isCreditNoteId: CR-0001, CR0002, CM-5, CM1001, CN 77, CRN/12 are credit notes; CRATE-1, CMS1, CO-1, Cash are not", () => {
    const credit = [
      "CR-0001",
      "CR0002",
      "cr-3",
      "CM-5",
      "CM1001",
      "CN 77",
      "CN/78",
      "CRN/12",
      "C1",
    ];
    const not = ["CRATE-1", "CMS1", "CO-1", "Cash", "CUST1", "CR", "CN", "CR A1"];
    expect(credit.filter((id) => !isCreditNoteId(id))).toEqual([]);
    expect(not.filter((id) => isCreditNoteId(id))).toEqual([]);
  });

  test("a category returned in full on two CR-… credit notes written positive (the second with a blank category) is not bought", async () => {
    const path = join(dir, "cr-gloves.csv");
    writeFileSync(
      path,
      [
        "Customer ID,Order Date,Order No,SKU,Description,Category,Qty,Revenue",
        "R1,2026-06-03,SO-1,CT-1,Cable ties 200mm,Cable Ties,10,100",
        "R1,2026-07-08,SO-2,CC-1,Cable clips 10mm,Cable Clips,5,50",
        "R1,2026-09-15,SO-3,GL-1,Nitrile gloves L,Gloves,20,200",
        "R1,2026-09-22,CR-0001,GL-1,Nitrile gloves L (returned),Gloves,12,120",
        "R1,2026-09-23,CR-0002,GL-1,Nitrile gloves L (returned),,8,80",
        "R1,2026-10-06,SO-4,CT-1,Cable ties 200mm,Cable Ties,10,100",
        "R1,2026-10-06,SO-4,IT-1,Insulation tape,Tape,4,20",
        "R2,2026-10-01,SO-5,CT-1,Cable ties 200mm,Cable Ties,10,100",
        "R3,2026-10-02,SO-6,GL-1,Nitrile gloves L,Gloves,20,200",
        "R3,2026-10-02,SO-6,CT-1,Cable ties 200mm,Cable Ties,10,100",
      ].join("\n") + "\n"
    );
    const { p, revenue, orders, report } = await analyze(path);
    // R1: 100 + 50 + 200 − 120 − 80 + 100 + 20 = 270.00 (not 670.00); SO-1 to SO-4: 4 orders
    expect(revenue.R1).toBe(270);
    expect(orders.R1).toBe(4);
    expect(report.returns).toBe(2);
    const r1 = p.accounts.find((a) => a.accountId === "R1")!;
    // Gloves 200 − 120 − 80 = 0: not bought; Cable Ties, Cable Clips, Tape → Diversity 3
    expect([...r1.categoriesLast12].sort()).toEqual(["Cable Clips", "Cable Ties", "Tape"]);
    expect(r1.health.factors.diversity).toBe(3);
    // R2's Gloves gap: R3 alone buys Gloves, £200
    const r2 = p.accounts.find((a) => a.accountId === "R2")!;
    expect(r2.whitespace.gaps.find((g) => g.category === "Gloves")).toMatchObject({
      comparableBuyers: 1,
      medianSpend: 200,
    });
  });
});

describe("credit notes named in their id, or numbered CR/CN after a series code", () => {
  it.each([
    ["PS-CR104001", true], // Business Central's posted credit memo beside PS-INV103001
    ["S-CN/12", true],
    ["SCN-0005", true], // "sales credit note"
    ["SCM1001", true],
    ["Credit Note 0004", true],
    ["Credit Memo 12", true],
    ["Gutschrift 33", true],
    ["Kreditnota 5", true],
    ["PS-INV103001", false],
    ["INV-CN1", false], // an invoice series stays an invoice
    ["SCRAP-1", false],
    ["Creditor 5", false],
    ["CRATE-1", false],
    ["SO-1001", false],
  ])("%s → %s", (id, credit) => {
    expect(isCreditNoteId(id)).toBe(credit);
  });

  it('"Credit Note 0004" and "SCN-0005" with positive Net are credit notes', async () => {
    const { revenue, orders, report } = await analyze(
      join(__dirname, "../fixtures/exports/credit-note-ids-in-words.csv")
    );
    // Northgate 250 + 60 − 100 = 210 in 2 orders; Harbour 500 − 40 = 460 in 1
    expect(revenue).toEqual({ "Northgate Services": 210, "Harbour Electrical": 460 });
    expect(orders).toEqual({ "Northgate Services": 2, "Harbour Electrical": 1 });
    expect(report.returns).toBe(2);
  });

  it("Business Central's posted invoices and credit memos pasted together: PS-CR… is a return", async () => {
    const { revenue, orders, days, report } = await analyze(
      join(__dirname, "../fixtures/exports/business-central-posted-documents.csv")
    );
    // 10000: 1,400 + 1,920 − 700 = 2,620 in 2 orders, last order 18/09 (43 days to 31/10);
    // 20000: 3,500 + 400 = 3,900. "Amount Including VAT" is never the value.
    expect(revenue).toEqual({ "10000": 2620, "20000": 3900 });
    expect(orders).toEqual({ "10000": 2, "20000": 2 });
    expect(days["10000"]).toBe(43);
    expect(report.read?.layout).toBe(
      "Dynamics 365 Business Central posted sales invoices and credit memos"
    );
  });

  it.each(["kreditnota", "kreditfaktura", "hyvityslasku"])(
    "Nordic credit notes by document type (%s) are returns",
    async (word) => {
      const { revenue, orders, report } = await analyze(
        join(__dirname, `../fixtures/exports/nordic-${word}.csv`)
      );
      // Nordvik: 250 + 60 − 100 = 210 in 2 orders; Bergen 500
      expect(revenue).toEqual({ "Nordvik Elektro AS": 210, "Bergen VVS AS": 500 });
      expect(orders).toEqual({ "Nordvik Elektro AS": 2, "Bergen VVS AS": 1 });
      expect(report.warnings.join(" ")).not.toMatch(/no document type KAP knows/);
    }
  );
});
