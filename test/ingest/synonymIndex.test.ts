import fc from "fast-check";
import { headerScores } from "../../src/ingest/detect";
import { ROLES } from "../../src/ingest/fields";

const roles = Object.values(ROLES);
const synonyms = [...new Set(roles.flatMap((r) => r.fields.flatMap((f) => f.synonyms)))];

describe("the synonym index of header detection", () => {
  it("scores headers as comparing them with every synonym does (hand-picked)", () => {
    for (const h of [
      "Customer",
      "Customer No.",
      "Tax Amount",
      "GL Account",
      "Net sales value",
      "x",
    ]) {
      for (const r of roles)
        expect(headerScores(h, r.fields, "index")).toEqual(headerScores(h, r.fields, "scan"));
    }
    // an exact synonym scores 1, a header holding one as whole words 0.7 (the documented strengths)
    const orders = ROLES.orders.fields;
    const at = (h: string, field: string) =>
      headerScores(h, orders)[orders.findIndex((f) => f.field === field)];
    expect(at("Order Date", "date").score).toBe(1);
    expect(at("Original order date (UK)", "date").score).toBe(0.7);
  });

  it("scores any header as comparing it with every synonym does (property)", () => {
    const word = fc.oneof(
      fc.constantFrom(...synonyms),
      fc.constantFrom("the", "of", "total", "no.", "ID", "(GBP)", "-", "net", "x"),
      fc.string({ maxLength: 6 })
    );
    const header = fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(" "));
    fc.assert(
      fc.property(header, fc.constantFrom(...roles), (h, role) => {
        expect(headerScores(h, role.fields, "index")).toEqual(headerScores(h, role.fields, "scan"));
      }),
      { numRuns: 3000 }
    );
  });
});
