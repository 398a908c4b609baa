import fc from "fast-check";
import { normaliseHeader } from "../../src/ingest/fields";
import { couldNormaliseTo } from "../../src/ingest/tables";

const compact = (h: string) => normaliseHeader(h).replace(/ /g, "");

describe("couldNormaliseTo (the repeated-header test's cheap first look at a cell)", () => {
  it("lets through a header written another way and stops other text", () => {
    // the same header with other case, spacing and punctuation normalises alike
    expect(normaliseHeader("Invoice_No.")).toBe(normaliseHeader("invoice no"));
    expect(couldNormaliseTo("Invoice_No.", compact("Invoice No"))).toBe(true);
    expect(couldNormaliseTo("INVOICE  NO", compact("Invoice No"))).toBe(true);
    expect(couldNormaliseTo("InvoiceNo", compact("Invoice No"))).toBe(true);
    // data: an invoice number, a longer or shorter word
    expect(couldNormaliseTo("INV-00123", compact("Invoice No"))).toBe(false);
    expect(couldNormaliseTo("Invoice Notes", compact("Invoice No"))).toBe(false);
    expect(couldNormaliseTo("Invoice", compact("Invoice No"))).toBe(false);
    // from the first character beyond ASCII on, the text is left to normaliseHeader itself
    expect(couldNormaliseTo("WÄHRUNG", compact("Währung"))).toBe(true);
    expect(couldNormaliseTo("Wahrung", compact("Währung"))).toBe(false);
  });

  it("never stops a cell that normaliseHeader would read as the header (property)", () => {
    const headers = [
      "Invoice No",
      "Due Date",
      "Account ID",
      "Paid (date)",
      "Währung",
      "customer_id",
    ];
    const piece = fc.constantFrom(
      ..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _-./\\()[]{}#:;,'\"*?!&+|\t–—äÄ\u00a0İ".split(
        ""
      )
    );
    // cells made from a header by changing case and adding punctuation, and random text
    const fromHeader = fc
      .tuple(
        fc.constantFrom(...headers),
        fc.array(fc.tuple(fc.nat(20), piece), { maxLength: 4 }),
        fc.boolean()
      )
      .map(([h, inserts, upper]) => {
        let t = upper ? h.toUpperCase() : h;
        for (const [at, ch] of inserts) t = t.slice(0, at) + ch + t.slice(at);
        return t;
      });
    const cell = fc.oneof(
      fromHeader,
      fc.array(piece, { maxLength: 14 }).map((a) => a.join(""))
    );
    fc.assert(
      fc.property(cell, fc.constantFrom(...headers), (text, header) => {
        if (normaliseHeader(text) === normaliseHeader(header))
          expect(couldNormaliseTo(text, compact(header))).toBe(true);
      }),
      { numRuns: 5000 }
    );
  });
});
