/**
 * A row's P(alive), expected revenue and CLV from a lifetime fit that is not reliable are flagged on
 * the row: "not reliable" under Lifetime fit beside them, and the figures muted (was: a confident
 * "10%, $12, $11" on the row, the doubt only in a note at the top of the sheet).
 *
 * Two currencies as of 31/10/2026, each fitted apart:
 *   EUR  E1 orders on 01/06, 01/08 and 01/10/2026 (2 repeat orders), E2 on 01/09 and 01/10 (1),
 *        E3 once on 15/10: 3 accounts and 2 repeat buyers, under the 200 and 50 a reliable fit
 *        needs → not reliable
 *   USD  U1 on 01/07 and 01/10 (1 repeat order), U2 on 01/08 and 01/09, 3 accounts and 2 repeat
 *        buyers too; set reliable below, as a fit on enough accounts would be, so the two kinds
 *        of row sit side by side
 */
import { analyzePortfolio, type PortfolioAnalysis } from "../../src/domain/analysis";
import { dashboardSheet } from "../../src/sheets/dashboardSheet";
import { healthSheet } from "../../src/sheets/healthSheet";
import { NOT_RELIABLE_STYLE } from "../../src/sheets/lifetimeCells";
import { layoutOptions } from "../../src/sheets/options";
import { colLetter, parseCell, type SheetSpec } from "../../src/sheets/spec";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 10, 31);
const eur = { currency: "EUR" };
const usd = { currency: "USD" };
const analysed = analyzePortfolio(
  bookOf([
    line("E1", d(2026, 6, 1), "s", 100, eur),
    line("E1", d(2026, 8, 1), "s", 300, eur),
    line("E1", d(2026, 10, 1), "s", 200, eur),
    line("E2", d(2026, 9, 1), "s", 50, eur),
    line("E2", d(2026, 10, 1), "s", 70, eur),
    line("E3", d(2026, 10, 15), "s", 500, eur),
    line("U1", d(2026, 7, 1), "s", 400, usd),
    line("U1", d(2026, 10, 1), "s", 600, usd),
    line("U2", d(2026, 8, 1), "s", 80, usd),
    line("U2", d(2026, 9, 1), "s", 90, usd),
    line("U3", d(2026, 9, 20), "s", 30, usd),
  ]),
  { asOf }
);

/** The analysis with `currencies`' fits (and their accounts' figures) reliable. */
function reliableIn(p: PortfolioAnalysis, currencies: string[]): PortfolioAnalysis {
  const ok = (c: string) => currencies.includes(c);
  return {
    ...p,
    lifetimeModels: p.lifetimeModels.map((m) =>
      ok(m.currency) ? { ...m, reliable: true, warning: null } : m
    ),
    accounts: p.accounts.map((a) =>
      a.lifetime && ok(a.currency) ? { ...a, lifetime: { ...a.lifetime, reliable: true } } : a
    ),
    dashboard: {
      ...p.dashboard,
      valueHealth: p.dashboard.valueHealth.map((v) =>
        ok(v.currency) ? { ...v, reliable: true } : v
      ),
    },
  };
}
const p = reliableIn(analysed, ["USD"]);

/** A table's rows (header first) and its top-left cell. */
function tableOf(s: SheetSpec, name: string) {
  const b = s.blocks.find((x) => x.table?.name === name)!;
  return { rows: b.rows, at: parseCell(b.at) };
}
const noteAt = (s: SheetSpec, a1: string) => s.blocks.find((b) => b.at === a1)?.rows[0][0];

test("the fits as the analysis makes them: both currencies 3 accounts and 2 repeat buyers, not reliable", () => {
  expect(
    analysed.lifetimeModels.map((m) => [m.currency, m.accounts, m.repeatBuyers, m.reliable])
  ).toEqual([
    ["EUR", 3, 2, false],
    ["USD", 3, 2, false],
  ]);
  // each account carries its fit's reliability
  expect(analysed.accounts.every((a) => a.lifetime?.reliable === false)).toBe(true);
});

describe("Account Health sheet", () => {
  const spec = healthSheet(p, layoutOptions({ live: false, asOf }));
  const { rows, at } = tableOf(spec, "KAP_Health");
  const col = (h: string) => rows[0].indexOf(h);
  const fit = col("Lifetime fit");

  test("'Lifetime fit' follows CLV, beside it on screen; each EUR row says 'not reliable', each USD row nothing", () => {
    expect(fit).toBe(col("CLV (12 months, 10% a year)") + 1);
    expect(rows[0].slice(fit - 3, fit + 1)).toEqual([
      "P(alive)",
      "Expected revenue 12m",
      "CLV (12 months, 10% a year)",
      "Lifetime fit",
    ]);
    const byId = new Map(rows.slice(1).map((r) => [r[0], r[fit]]));
    expect(["E1", "E2", "E3", "U1", "U2", "U3"].map((id) => byId.get(id))).toEqual([
      "not reliable",
      "not reliable",
      "not reliable",
      null,
      null,
      null,
    ]);
    // neither printed: the print area ends at Win-back stage, the column before P(alive)
    expect(spec.page!.printArea).toMatch(
      new RegExp(`^A1:${colLetter(at.col + col("P(alive)") - 1)}\\d+$`)
    );
    expect(rows[0][col("P(alive)") - 1]).toBe("Win-back stage");
  });

  test("the flagged rows' P(alive) … Lifetime fit cells are muted, every other row left as it is", () => {
    const from = colLetter(at.col + col("P(alive)"));
    const to = colLetter(at.col + fit);
    // Excel rows of the EUR accounts (the table's header is on row at.row + 1)
    const eurRows = rows
      .slice(1)
      .map((r, k) => (String(r[0]).startsWith("E") ? at.row + 2 + k : 0))
      .filter(Boolean);
    const muted = new Set<number>();
    for (const s of spec.styles ?? []) {
      expect(s.style).toEqual(NOT_RELIABLE_STYLE);
      const [a, b] = s.range.split(":").map(parseCell);
      expect([colLetter(a.col), colLetter(b.col)]).toEqual([from, to]);
      for (let r = a.row; r <= b.row; r++) muted.add(r + 1);
    }
    expect([...muted].sort((x, y) => x - y)).toEqual(eurRows.sort((x, y) => x - y));
  });

  test("the note above the table says what the mark means", () => {
    const note = String(noteAt(spec, "A5"));
    expect(note).toMatch(
      /^Lifetime value: EUR: Not reliable: 3 accounts and 2 repeat buyers; the lifetime-value models need about 200 accounts and 50 repeat buyers\. /
    );
    expect(note).toMatch(
      / Figures from such a fit are in grey, "not reliable" under Lifetime fit\.$/
    );
  });

  test("every fit reliable: no Lifetime fit column, nothing muted, no note", () => {
    const all = healthSheet(reliableIn(analysed, ["EUR", "USD"]), layoutOptions({ asOf }));
    expect(tableOf(all, "KAP_Health").rows[0]).not.toContain("Lifetime fit");
    expect(all.styles ?? []).toEqual([]);
    expect(noteAt(all, "A5")).toBeUndefined();
  });
});

test("the dashboard's value × health rows say the same: 'not reliable' under Lifetime fit for the EUR accounts, their CLV, expected revenue and P(alive) muted", () => {
  const dash = dashboardSheet(p, layoutOptions({ asOf }));
  const { rows, at } = tableOf(dash, "KAP_Dashboard_ValueHealth");
  expect(rows[0].slice(-1)).toEqual(["Lifetime fit"]);
  const flagged = rows
    .slice(1)
    .filter((r) => r[9] === "not reliable")
    .map((r) => r[0]);
  const clean = rows
    .slice(1)
    .filter((r) => r[9] === "")
    .map((r) => r[0]);
  // every EUR account with a CLV is flagged, no USD one
  expect(flagged.every((id) => String(id).startsWith("E"))).toBe(true);
  expect(clean.every((id) => String(id).startsWith("U"))).toBe(true);
  expect(flagged.length).toBeGreaterThan(0);
  const mutedRows = new Set(
    (dash.styles ?? [])
      .filter((s) => s.style === NOT_RELIABLE_STYLE && s.range.startsWith("D"))
      .flatMap((s) => {
        const [a, b] = s.range.split(":").map(parseCell);
        return Array.from({ length: b.row - a.row + 1 }, (_, k) => rows[a.row + k - at.row][0]);
      })
  );
  expect([...mutedRows].sort()).toEqual([...flagged].sort());
});
