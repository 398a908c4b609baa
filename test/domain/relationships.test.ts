import fc from "fast-check";
import {
  decisionPosition,
  feelingFromText,
  feelingScale,
  feelingScore,
  influenceLevel,
  introducer,
  mapContacts,
  peopleToAdd,
  requiredCoverage,
  stakeholderRoleOf,
} from "../../src/domain/relationships";
import type { ContactRecord } from "../../src/domain/types";

const c = (name: string, more: Partial<ContactRecord> = {}): ContactRecord => ({
  accountId: "A",
  name,
  ...more,
});

describe("influence levels (methodology 000 Step 4.1)", () => {
  it.each([
    [5, "Very High", 4],
    [4, "High", 3],
    [3, "Medium", 2],
    [2, "Low", 1],
    [1, "Low", 1],
  ])("%p → %s (map rank %p)", (n, level, rank) => {
    expect(influenceLevel(n)).toMatchObject({ level, rank });
  });

  it("no influence given → no level", () => {
    expect(influenceLevel(undefined)).toBeUndefined();
  });

  it("a higher influence never gets a lower level (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 5, noNaN: true }),
        fc.double({ min: 1, max: 5, noNaN: true }),
        (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(influenceLevel(hi)!.rank).toBeGreaterThanOrEqual(influenceLevel(lo)!.rank);
        }
      )
    );
  });
});

describe("feeling about us on one 1–5 scale", () => {
  it("the scale is decided from the whole table, not cell by cell", () => {
    expect(feelingScale([c("a", { feeling: 2 }), c("b", { feeling: -1 })])).toBe("plusMinus2");
    expect(feelingScale([c("a", { feeling: 1 }), c("b", { feeling: 5 })])).toBe("oneToFive");
    expect(feelingScale([c("a", { feeling: 0 }), c("b", { feeling: 5 })])).toBe("plusMinus2"); // a 0 settles it
    expect(feelingScale([c("a", { feeling: 1 }), c("b", { feeling: 2 })])).toBe("plusMinus2"); // only 1s and 2s: −2..+2
    expect(feelingScale([c("a")])).toBe("plusMinus2");
  });

  it("−2..+2 adds 3; 1–5 is as given; out of range is left out", () => {
    expect(feelingScore(c("a", { feeling: 2 }), "plusMinus2")).toBe(5);
    expect(feelingScore(c("a", { feeling: -2 }), "plusMinus2")).toBe(1);
    expect(feelingScore(c("a", { feeling: 0 }), "plusMinus2")).toBe(3);
    expect(feelingScore(c("a", { feeling: 2 }), "oneToFive")).toBe(2);
    expect(feelingScore(c("a", { feeling: 7 }), "oneToFive")).toBeUndefined();
  });

  it('words name a point of the scale; "very negative" is not read as "negative"', () => {
    expect(feelingFromText("Champion")).toBe(5);
    expect(feelingFromText("positive")).toBe(4);
    expect(feelingFromText(" Neutral ")).toBe(3);
    expect(feelingFromText("Sceptical")).toBe(2);
    expect(feelingFromText("very negative")).toBe(1);
    expect(feelingFromText("negative")).toBe(2);
    expect(feelingFromText("purple")).toBeUndefined();
    expect(feelingScore(c("a", { feelingText: "Hostile" }), "plusMinus2")).toBe(1);
  });

  it("without a feeling, the 5P Perception (how they see us) stands in", () => {
    expect(feelingScore(c("a", { fiveP: { perception: 4 } }), "plusMinus2")).toBe(4);
  });
});

describe("decision map: influence against feeling", () => {
  it.each([
    [4, 5, "sponsor"],
    [3, 4, "sponsor"],
    [3, 2, "blocker"],
    [4, 1, "blocker"],
    [4, 3, "toWin"],
    [4, undefined, "toWin"],
    [2, 5, "ally"],
    [undefined, 4, "ally"],
    [1, 1, "watch"],
    [2, 3, "watch"],
  ] as const)("influence rank %p, feeling %p → %s", (rank, feeling, pos) => {
    expect(decisionPosition(rank, feeling)).toBe(pos);
  });
});

describe("required stakeholder coverage (methodology 000 Step 4.2–4.3)", () => {
  it.each([
    ["Managing Director", "Owner/MD"],
    ["MD", "Owner/MD"],
    ["Economic Buyer", "Owner/MD"],
    ["Director", "Owner/MD"],
    ["Finance Director", "Finance/Accounts"],
    ["Accounts Payable", "Finance/Accounts"],
    ["Operations Director", "Operations Manager"],
    ["Technical Buyer", "Operations Manager"],
    ["Site Manager", "Site Supervisor(s)"],
    ["Foreman", "Site Supervisor(s)"],
    ["Purchasing Manager", "Purchasing Manager"],
    ["Purchaser", "Purchasing Manager"],
    ["Buyer", "Purchasing Manager"],
    ["Electrician", "End Users"],
    ["User", "End Users"],
  ])("%s covers %s", (role, covers) => {
    expect(stakeholderRoleOf(role)).toBe(covers);
  });

  it("Legal, blank and unknown roles cover none", () => {
    expect(stakeholderRoleOf("Legal")).toBeUndefined();
    expect(stakeholderRoleOf("")).toBeUndefined();
    expect(stakeholderRoleOf(undefined)).toBeUndefined();
  });

  it("reproduces the methodology's example: purchasing and finance held; MD, operations, site supervisors and end users missing with their priorities", () => {
    const cov = requiredCoverage(
      [
        c("John Smith", { role: "Purchasing Manager" }),
        c("Sarah Jones", { role: "Accounts Payable" }),
      ],
      "John Smith"
    );
    expect(cov.map((r) => [r.role, r.held, r.names.join(", "), r.priority])).toEqual([
      ["Owner/MD", false, "", "High"],
      ["Purchasing Manager", true, "John Smith", null],
      ["Finance/Accounts", true, "Sarah Jones", null],
      ["Operations Manager", false, "", "Medium"],
      ["Site Supervisor(s)", false, "", "High"],
      ["End Users", false, "", "Medium"],
    ]);
    // Step 4.3's acquisition plan, with the account's own contact written in
    expect(cov[0].approaches).toEqual([
      "Request a meeting through John Smith",
      "Invite to a customer appreciation event",
      "Send direct mail (annual review offer)",
      "Follow on LinkedIn with a personalised note",
    ]);
    expect(cov[4].approaches[0]).toBe("Ask John Smith for an introduction");
    expect(cov[1].approaches).toEqual([]);
  });

  it('without anyone to ask, the approaches say "your main contact"', () => {
    expect(requiredCoverage([])[0].approaches[0]).toBe(
      "Request a meeting through your main contact"
    );
  });

  it("the early-payment discount in a de-DE or fr-FR workbook: 2 % within 7 days; none: 2%", () => {
    // nobody held: Finance/Accounts is missing, its third way in is the methodology's 2% discount
    const finance = (culture?: string) =>
      requiredCoverage([], "Hans Müller 2.0", culture).find((r) => r.role === "Finance/Accounts")!;
    expect(finance("de-DE").approaches).toContain(
      "Offer the early-payment discount (2\u00a0% within 7 days)"
    );
    expect(finance("fr-FR").approaches).toContain(
      "Offer the early-payment discount (2\u00a0% within 7 days)"
    );
    expect(finance().approaches).toContain("Offer the early-payment discount (2% within 7 days)");
    // a name from the data is written as it is, never read as a figure
    const owner = requiredCoverage([], "Hans Müller 2.0", "de-DE")[0];
    expect(owner.approaches[0]).toBe("Request a meeting through Hans Müller 2.0");
  });

  it("the introducer is the primary contact, else the strongest relationship", () => {
    const people = [
      c("A", { relationship: 2 }),
      c("B", { relationship: 5 }),
      c("C", { relationship: 5 }),
    ];
    expect(introducer(people, "Pat Lee")).toBe("Pat Lee");
    expect(introducer(people)).toBe("B");
    expect(introducer([])).toBeUndefined();
  });
});

describe("contacts on the map", () => {
  it("levels, feeling labels, positions and 5P totals", () => {
    const people = [
      c("Jo", { role: "Purchasing Manager", influence: 4, relationship: 4, feeling: 2 }),
      c("Pat", {
        role: "MD",
        influence: 5,
        feeling: -1,
        fiveP: {
          power: 5,
          perception: 2,
          priority: 3,
          promoter: 1,
          pliability: 2,
          weight: 4,
          veto: true,
        },
      }),
      c("Al", { role: "Legal" }),
    ];
    const m = mapContacts(people, feelingScale(people));
    expect(
      m.map((x) => [x.name, x.covers, x.influenceLevel, x.feeling, x.feelingLabel, x.positionLabel])
    ).toEqual([
      ["Jo", "Purchasing Manager", "High", 5, "Champion", "Sponsor"],
      ["Pat", "Owner/MD", "Very High", 2, "Sceptical", "Blocker"],
      ["Al", null, null, null, null, "Watch"],
    ]);
    // 5 + 2 + 3 + 1 + 2 = 13; × weight 4 = 52
    expect(m[1].fiveP).toMatchObject({ total: 13, weight: 4, weighted: 52, veto: true });
    expect(m[0].fiveP).toBeNull();
  });

  it("an incomplete 5P (a score missing) gives no total", () => {
    const m = mapContacts([c("X", { fiveP: { power: 3, perception: 3 } })], "plusMinus2");
    expect(m[0].fiveP).toBeNull();
    // Power stands in for influence: 3 → Medium
    expect(m[0].influenceLevel).toBe("Medium");
  });
});

describe("people who order but are not in the contacts", () => {
  it("compares names trimmed and ignoring case and spacing; most recent orderer first", () => {
    const out = peopleToAdd(
      [
        { name: "Jo Smith", date: 10, lastDate: 90 },
        { name: "Sam  Jones", date: 20, lastDate: 50 },
        { name: "Ali Khan", date: 30, lastDate: 80 },
        { name: "  ", date: 1, lastDate: 1 },
      ],
      [c(" jo smith ")]
    );
    expect(out).toEqual([
      { name: "Ali Khan", firstOrder: 30, lastOrder: 80 },
      { name: "Sam  Jones", firstOrder: 20, lastOrder: 50 },
    ]);
  });
});
