import {
  analyzeAccount,
  buildPortfolio,
  OrderBook,
  siteFigures,
} from "../../../src/domain/analysis";
import type { AccountRecord, ContactRecord } from "../../../src/domain/types";
import { bookOf, d, line } from "./helpers";

const asOf = d(2025, 6, 30);

/*
 * A parent P with two sites in the order lines' site column and three child accounts:
 *   Head Office  £300 (1 Sep 2024) + £500 (10 Jun 2025) − £50 return (20 Jun)  → £750, last order 10 Jun (20 days)
 *   Warehouse    £200 (15 Jan 2025); "warehouse " £100 on 1 May 2024 (before the 12 months) → £200, 166 days: silent
 *   C1 Leeds     £400 on 2 Apr 2025: 89 days → ordering
 *   C2 York      £250 on 1 Apr 2025: 90 days → silent
 *   C3 Hull      in the accounts table, no lines → never ordered
 */
const lines = [
  line("P", d(2024, 9, 1), "a", 300, { site: "Head Office", orderedBy: "Sam Jones" }),
  line("P", d(2025, 6, 10), "a", 500, { site: "Head Office", orderedBy: "Jo Smith" }),
  line("P", d(2025, 6, 20), "a", -50, { site: "Head Office", orderId: "CN1", isReturn: true }),
  line("P", d(2025, 1, 15), "a", 200, { site: "Warehouse", orderedBy: "sam jones " }),
  line("P", d(2024, 5, 1), "a", 100, { site: "warehouse " }),
  line("C1", d(2025, 4, 2), "a", 400, { orderedBy: "Ali Khan" }),
  line("C2", d(2025, 4, 1), "a", 250),
];
const accounts: AccountRecord[] = [
  { accountId: "P", name: "Parent Ltd", primaryContact: "Jo Smith" },
  { accountId: "C1", name: "Parent – Leeds", parentId: "P" },
  { accountId: "C2", name: "Parent – York", parentId: "P" },
  { accountId: "C3", name: "Parent – Hull", parentId: "P" },
];
const contacts: ContactRecord[] = [
  {
    accountId: "P",
    name: "Jo Smith",
    role: "Purchasing Manager",
    influence: 4,
    relationship: 4,
    feeling: 2,
  },
  { accountId: "P", name: "Pat Lee", role: "MD", influence: 5, relationship: 1, feeling: -1 },
];

function detail() {
  return analyzeAccount(buildPortfolio(bookOf(lines), { asOf, accounts, contacts }), "P");
}

describe("sites (methodology 000 Steps 4.2 and 8.2)", () => {
  it("each site with its 12-month revenue, last order and whether it ordered in the last 90 days; ordering first, then silent, then never", () => {
    const s = detail().relationships.sites;
    expect(
      s.map((x) => [
        x.site,
        x.source,
        x.revenueLast12,
        x.daysSinceLastOrder,
        x.orderedLast90,
        x.status,
      ])
    ).toEqual([
      ["Head Office", "site column", 750, 20, true, "ordering"],
      ["Parent – Leeds", "child account", 400, 89, true, "ordering"],
      ["Parent – York", "child account", 250, 90, false, "silent"],
      ["Warehouse", "site column", 200, 166, false, "silent"],
      ["Parent – Hull", "child account", 0, null, false, "never ordered"],
    ]);
    expect(s[0].lastOrderDate).toBe(d(2025, 6, 10)); // the return on 20 Jun is not an order
  });

  it("proposes multi-site expansion: 3 of 5 sites do not order; estimate = each brought up to the median of the ordering sites (750, 400 → 575) less its own 12 months: York 575 − 250, Warehouse 575 − 200, Hull 575 − 0 = 1,275", () => {
    const r = detail();
    expect(r.relationships.multiSite).toMatchObject({
      sites: 5,
      notOrdering: ["Parent – York", "Warehouse", "Parent – Hull"],
      estimate: 1275,
    });
    const i = r.plan.initiatives.find((x) => x.type === "Multi-site expansion")!;
    expect(i).toMatchObject({
      title: "Multi-site expansion",
      estimate: 1275,
      categories: [],
      skus: [],
    });
  });

  it("one site, or every site ordering: no multi-site initiative", () => {
    const book = bookOf([
      line("S", d(2025, 6, 1), "a", 10, { site: "Depot" }),
      line("S", d(2025, 6, 2), "a", 10, { site: "Yard" }),
    ]);
    const r = analyzeAccount(buildPortfolio(book, { asOf }), "S");
    expect(r.relationships.sites).toHaveLength(2);
    expect(r.relationships.multiSite).toBeNull();
    expect(r.plan.initiatives.some((x) => x.type === "Multi-site expansion")).toBe(false);
  });

  it("a file without a site column and no children has no sites", () => {
    const book = bookOf([line("S", d(2025, 6, 1), "a", 10)]);
    const r = analyzeAccount(buildPortfolio(book, { asOf }), "S");
    expect(r.relationships.sites).toEqual([]);
  });

  it("sites and ordered-by names read between lines count every line added so far", () => {
    const b = new OrderBook();
    b.add(line("X", d(2025, 6, 1), "a", 10, { site: "Depot", orderedBy: " Jo Smith " }));
    expect(b.sites.sitesOf(0).map((s) => [s.name, [...s.dates], [...s.revenue]])).toEqual([
      ["Depot", [d(2025, 6, 1)], [10]],
    ]);
    expect(b.orderedByOf(0).get("jo smith")).toEqual({
      name: "Jo Smith",
      date: d(2025, 6, 1),
      lastDate: d(2025, 6, 1),
    });
    // "depot " is Depot again; Jo Smith orders again a month later
    b.add(line("X", d(2025, 7, 1), "a", 5, { site: "depot ", orderedBy: "JO SMITH" }));
    b.add(line("X", d(2025, 7, 1), "b", 7, { site: "Yard" }));
    // 5,000 lines of £1 each for Y at its one site, 500 a day over 10 days: £500 a day
    for (let i = 0; i < 5000; i++)
      b.add(
        line("Y", d(2025, 5, 1) + Math.floor(i / 500), "c", 1, { site: "Yard", orderedBy: "Al" })
      );
    const rows = (u: number) =>
      b.sites.sitesOf(u).map((s) => [s.name, [...s.dates], [...s.revenue]]);
    expect(rows(0)).toEqual([
      ["Depot", [d(2025, 6, 1), d(2025, 7, 1)], [10, 5]],
      ["Yard", [d(2025, 7, 1)], [7]],
    ]);
    const days = Array.from({ length: 10 }, (_, i) => d(2025, 5, 1) + i);
    expect(rows(1)).toEqual([["Yard", days, days.map(() => 500)]]);
    expect(b.orderedByOf(0).get("jo smith")?.lastDate).toBe(d(2025, 7, 1));
    expect(b.orderedByOf(1).get("al")).toEqual({
      name: "Al",
      date: d(2025, 5, 1),
      lastDate: d(2025, 5, 10),
    });
  });

  it("site figures ignore lines after the as-of date", () => {
    const b = new OrderBook();
    b.add(line("X", d(2025, 6, 1), "a", 10, { site: "Depot" }));
    b.add(line("X", d(2025, 8, 1), "a", 99, { site: "Depot" }));
    expect(siteFigures(b.sites.sitesOf(0)[0], asOf)).toMatchObject({
      revenueLast12: 10,
      lastOrderDate: d(2025, 6, 1),
      daysSinceLastOrder: 29,
    });
  });
});

describe("relationship map of an account", () => {
  it("contacts on the decision map; feeling read on the table’s −2..+2 scale", () => {
    const m = detail().relationships.contacts;
    expect(m.map((x) => [x.name, x.influenceLevel, x.feelingLabel, x.positionLabel])).toEqual([
      ["Jo Smith", "High", "Champion", "Sponsor"],
      ["Pat Lee", "Very High", "Sceptical", "Blocker"],
    ]);
  });

  it("coverage: Owner/MD and Purchasing held; the rest missing, with ways to reach them through the primary contact", () => {
    const r = detail();
    expect(
      r.relationships.coverage.filter((x) => !x.held).map((x) => `${x.role}:${x.priority}`)
    ).toEqual([
      "Finance/Accounts:Low",
      "Operations Manager:Medium",
      "Site Supervisor(s):High",
      "End Users:Medium",
    ]);
    expect(r.relationships.introducer).toBe("Jo Smith");
    expect(r.plan.stakeholders).toBe(r.relationships.coverage);
    // 2 contacts + 4 roles missing
    expect(r.plan.contactsTarget).toBe(6);
    // the highest-priority missing role first among the next actions
    expect(r.plan.nextActions).toContain(
      "Find and meet the Site Supervisor(s): Ask Jo Smith for an introduction."
    );
  });

  it("people who order (here or at a child) but are not in the contacts, most recent first", () => {
    const r = detail();
    expect(r.relationships.peopleToAdd).toEqual([
      { name: "Ali Khan", firstOrder: d(2025, 4, 2), lastOrder: d(2025, 4, 2) },
      { name: "Sam Jones", firstOrder: d(2024, 9, 1), lastOrder: d(2025, 1, 15) },
    ]);
  });
});
