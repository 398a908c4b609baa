/**
 * Case 17 (a small account beside one very large account) through the worksheet functions:
 * KAP.METRICS and KAP.ACCOUNTHEALTH give SMALL the same figures beside BIG's 2,000 lines of
 * £25,000.37 as alone, on both hosts. By hand: prior 12 months (31 Oct 2024, 31 Oct 2025]
 * 400.10 + 299.95 + 299.95 = 1,000.00; last 12 months 400.15 + 394.90 + 399.95 = 1,195.00;
 * change +19.5%, rounded half away from zero to +20%: Revenue factor 5.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { accountColumnsReady, accountHealth, health, metrics } from "../../src/functions/functions";
import { isoToSerial } from "../../src/domain/dates";
import { both } from "./bothHosts";
import { cell, col } from "./ranges";

beforeAll(() => accountColumnsReady());

const lines = readFileSync(
  join(__dirname, "../fixtures/cases/17-prefix-sum-cancellation.csv"),
  "utf8"
)
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((l) => l.split(","));
const AS_OF = cell(isoToSerial("2026-10-31"));

/** The file's columns, the accounts `keep` keeps; BIG's lines £`big` each when given. */
function columns(keep: (account: string) => boolean, big?: number) {
  const rows = lines
    .filter((l) => keep(l[0]))
    .map((l) => (big !== undefined && l[0] === "BIG" ? [...l.slice(0, 6), String(big)] : l));
  const c = (f: (l: string[]) => unknown) => col(...rows.map(f));
  return {
    accounts: c((l) => l[0]),
    dates: c((l) => isoToSerial(l[1])),
    ids: c((l) => l[2]),
    revenue: c((l) => Number(l[6])),
    categories: c((l) => l[4]),
    quantity: c((l) => Number(l[5])),
    products: c((l) => l[3]),
  };
}

function metricsOfSmall(keep: (account: string) => boolean, big?: number) {
  const o = columns(keep, big);
  return both(
    metrics,
    cell("SMALL"),
    o.accounts,
    o.dates,
    o.ids,
    o.revenue,
    o.categories,
    AS_OF,
    o.quantity,
    null as never,
    o.products
  )[0];
}

describe("case 17 through KAP.METRICS and KAP.ACCOUNTHEALTH", () => {
  it("SMALL: £1,195.00 vs £1,000.00, +19.5%, beside BIG as alone", () => {
    const withBig = metricsOfSmall(() => true);
    // the change as KAP.HEALTH reads it, rounded to a whole percent: +20%
    expect(withBig.slice(4, 7)).toEqual([1195, 1000, 0.2]);
    expect(withBig).toEqual(metricsOfSmall((a) => a === "SMALL"));
  });

  it("beside BIG at £100,000,000,000.00 a line (£2e14 in all) SMALL's figures are still its own", () => {
    expect(metricsOfSmall(() => true, 1e11)).toEqual(metricsOfSmall((a) => a === "SMALL"));
  });

  it("SMALL's Revenue factor is 5 read back by KAP.HEALTH, and ACCOUNTHEALTH agrees alone or not", () => {
    const m = metricsOfSmall(() => true);
    // revenueChange alone: +19.5% → +20% → 5
    const n = "n/a";
    expect(both(health, cell(n), cell(n), cell(m[6]), cell(n), cell(n), cell(n))).toEqual([[5]]);
    const score = (keep: (a: string) => boolean) => {
      const o = columns(keep);
      return both(
        accountHealth,
        cell("SMALL"),
        o.accounts,
        o.dates,
        o.ids,
        o.revenue,
        o.categories,
        null as never,
        null as never,
        AS_OF,
        null as never,
        o.quantity,
        o.products
      );
    };
    expect(score(() => true)).toEqual(score((a) => a === "SMALL"));
  });
});
