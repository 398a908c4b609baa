import { defaultPotentialCut, moneyPotentialCut, quadrantOf } from "../../src/domain/quadrant";

test("money potential: the median is the cut, but an account with £0 whitespace is never high potential", () => {
  // Potentials £0, £0, £0, £500, £900: the median is £0; a literal "≥ £0" would make all five high.
  const pots = [0, 0, 0, 500, 900];
  const cut = defaultPotentialCut(pots);
  expect(cut).toBeGreaterThan(0);
  expect(quadrantOf(4, 0, 3, cut)).toBe("Maintenance");
  expect(quadrantOf(4, 500, 3, cut)).toBe("Key");
  expect(quadrantOf(2, 0, 3, cut)).toBe("Service");
  // Otherwise the median rules: £100, £300, £700 → cut £300; £300 is high (≥ the cut), £100 is low.
  expect(moneyPotentialCut([100, 300, 700])).toBe(300);
  expect(quadrantOf(2, 300, 3, 300)).toBe("Growth Potential");
  expect(quadrantOf(2, 100, 3, 300)).toBe("Service");
});
