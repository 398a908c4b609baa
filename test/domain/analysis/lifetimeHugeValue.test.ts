/**
 * One absurd amount (a code pasted into the revenue column, 1E+16) must not stop the whole
 * analysis: it was "kap: The starting point of the minimisation has no finite value." and no
 * output at all. The health scores do not need the spend model; only expected revenue and CLV do.
 */
import { analyzePortfolio } from "../../../src/domain/analysis";
import { bookOf, d, line } from "./helpers";

/** Three accounts ordering every month of 2025 for 100 a line; B's June line is `huge`. */
function linesWith(huge: number) {
  const out = [];
  for (const id of ["A", "B", "C"])
    for (let m = 1; m <= 12; m++)
      out.push(line(id, d(2025, m, 10), "S", id === "B" && m === 6 ? huge : 100));
  return out;
}

test.each([1e16, 1e20])(
  "an order line of %d leaves the analysis whole, with the spend model's failure said",
  (huge) => {
    const p = analyzePortfolio(bookOf(linesWith(huge)), { asOf: d(2025, 12, 31) });
    // the health scores are there for every account
    expect(p.accounts.map((a) => a.accountId).sort()).toEqual(["A", "B", "C"]);
    expect(p.accounts.every((a) => a.health.score !== null)).toBe(true);
    const m = p.lifetimeModels[0];
    // the repeat-buying model does not read amounts: each account has 11 repeat order days
    expect(m.bgnbd).not.toBeNull();
    expect(m.gammaGamma).toBeNull();
    expect(m.warning).toMatch(
      /The spend model could not be fitted to these order values: expected revenue and CLV cannot be estimated\. Check the order lines for an amount typed wrong\./
    );
    expect(p.accounts.every((a) => a.lifetime?.clv === null)).toBe(true);
  }
);
