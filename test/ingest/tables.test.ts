import { ymdToSerial } from "../../src/domain/dates";
import { detectTable } from "../../src/ingest/detect";
import type { Cell, Grid } from "../../src/ingest/grid";
import {
  parseAccounts,
  parseBand,
  parseCatalog,
  parseContacts,
  parseCrossSell,
  parseInitiatives,
  parseList,
  parseNumberList,
  parseRates,
  parseTier,
  tierLabel,
} from "../../src/ingest/tables";
import { peerBasisText } from "../../src/domain/analysis/plan";

const _ = null;
function mapped(values: Cell[][]) {
  const grid: Grid = { name: "t", values };
  const d = detectTable(grid);
  if (!d) throw new Error("not detected");
  return d;
}

describe("accounts", () => {
  const values: Cell[][] = [
    ["Customer accounts", _, _, _, _, _, _, _, _, _, _, _],
    [
      "Account No",
      "Account Name",
      "Parent Account",
      "Tier",
      "Industry",
      "Engagement",
      "Avg Days Late",
      "Credit Hold",
      "Health Override",
      "Override Reason",
      "Customer Since",
      "Days Late History",
    ],
    /* 3 */ [
      "A1",
      " Acme Ltd ",
      "G1",
      "gold",
      "Electrical Contractor",
      4,
      3,
      "Y",
      _,
      _,
      2014,
      "9, 6; 3",
    ],
    /* 4 */ [
      "A2",
      "Bolt & Co",
      _,
      "PLATINUM account",
      "Plumber",
      "Proactively reaches out",
      "-2",
      "no",
      "at-risk",
      "Lost the framework tender",
      "01/03/2019",
      _,
    ],
    /* 5 */ [
      "A3",
      "Cogs",
      _,
      "Tier 2",
      _,
      "rarely",
      _,
      "TRUE",
      "Healthy",
      _,
      new Date(Date.UTC(2020, 5, 15)),
      _,
    ],
    /* 6 */ [_, _, _, "Gold", _, _, _, _, _, _, _, _],
    /* 7 */ [_, _, _, _, _, _, _, _, _, _, _, _],
    /* 8 */ ["Total", _, _, _, _, _, _, _, _, _, _, _],
    /* 9 */ ["A4", _, _, "bronze", _, 9, _, 1, "purple", _, _, _],
  ];
  const d = mapped(values);
  const { records, rejected } = parseAccounts(d.mapping, values, 1);

  it("is detected as accounts with the header on row 2", () => {
    expect(d.role).toBe("accounts");
    expect(d.mapping.headerRow).toBe(1);
  });

  it("reads a full row, keeping text as found (trimmed)", () => {
    expect(records[0]).toEqual({
      accountId: "A1",
      name: "Acme Ltd",
      parentId: "G1",
      tier: "Gold",
      industry: "Electrical Contractor",
      primaryContact: undefined,
      email: undefined,
      phone: undefined,
      accountManager: undefined,
      creditTerms: undefined,
      creditLimit: undefined,
      engagement: 4,
      daysBeyondTerms: 3,
      daysBeyondTermsHistory: [9, 6, 3],
      creditHold: true,
      healthOverride: undefined,
      customerSince: ymdToSerial(2014, 1, 1),
      row: 3,
    });
  });

  it("normalises tiers, engagement labels, yes/no and override bands", () => {
    const a2 = records.find((r) => r.accountId === "A2")!;
    expect(a2.tier).toBe("Platinum");
    expect(a2.engagement).toBe(5); // "proactively reaches out" = 5 (RULES.md §2.1)
    expect(a2.daysBeyondTerms).toBe(-2);
    expect(a2.creditHold).toBe(false);
    expect(a2.healthOverride).toEqual({ band: "At Risk", reason: "Lost the framework tender" });
    expect(a2.customerSince).toBe(ymdToSerial(2019, 3, 1)); // day-first
    const a3 = records.find((r) => r.accountId === "A3")!;
    // "Tier 2" names none of the four tiers: kept as the user wrote it, never dropped (was undefined)
    expect(a3.tier).toBe("Tier 2");
    expect(a3.engagement).toBe(1); // "rarely"
    expect(a3.creditHold).toBe(true);
    expect(a3.healthOverride).toEqual({ band: "Healthy", reason: "Set by hand (no reason given)" });
    expect(a3.customerSince).toBe(ymdToSerial(2020, 6, 15));
  });

  it("out-of-range engagement and unknown bands are left out, not guessed", () => {
    const a4 = records.find((r) => r.accountId === "A4")!;
    expect(a4.engagement).toBeUndefined();
    expect(a4.healthOverride).toBeUndefined();
    expect(a4.creditHold).toBe(true); // 1
  });

  it("skips blank and totals rows, counts a row with no id", () => {
    expect(records.map((r) => r.row)).toEqual([3, 4, 5, 9]);
    expect(rejected).toEqual([{ reason: "no account id", count: 1, rows: [6] }]);
  });

  it("parseTier, parseBand and parseNumberList", () => {
    expect(["bronze", "Silver ", "GOLD", "Plat", "Tier: Platinum"].map(parseTier)).toEqual([
      "Bronze",
      "Silver",
      "Gold",
      "Platinum",
      "Platinum",
    ]);
    expect(parseTier("Golden Gate")).toBeUndefined();
    expect(["healthy", "STABLE", "At_Risk", "atrisk", "Critical (manual)"].map(parseBand)).toEqual([
      "Healthy",
      "Stable",
      "At Risk",
      "At Risk",
      "Critical",
    ]);
    expect(parseNumberList("3 | 5 | 12")).toEqual([3, 5, 12]);
    expect(parseNumberList(7)).toEqual([7]);
    expect(parseNumberList("3, soon")).toBeUndefined();
  });
});

describe("catalog", () => {
  it("reads SKUs with prices as text and counts rows without a SKU", () => {
    const values: Cell[][] = [
      ["SKU", "Product Name", "Category", "Product Line", "RRP", "Premium Alternative"],
      ["CT-100", "Cable ties 100mm", "Cable Ties", "Ties", "£4.50", "CT-100HD"],
      ["CT-100HD", "Heavy-duty ties", "Cable Ties", "Ties", 6, _],
      [_, "Orphan", "Misc", _, _, _],
    ];
    const d = mapped(values);
    expect(d.role).toBe("catalog");
    const r = parseCatalog(d.mapping, values, 1);
    expect(r.records).toEqual([
      {
        sku: "CT-100",
        name: "Cable ties 100mm",
        category: "Cable Ties",
        productLine: "Ties",
        listPrice: 4.5,
        premiumSku: "CT-100HD",
        row: 2,
      },
      {
        sku: "CT-100HD",
        name: "Heavy-duty ties",
        category: "Cable Ties",
        productLine: "Ties",
        listPrice: 6,
        premiumSku: undefined,
        row: 3,
      },
    ]);
    expect(r.rejected).toEqual([{ reason: "no SKU", count: 1, rows: [4] }]);
  });
});

describe("accounts: lost / churned status and the learning recorded (win-back Stage 5)", () => {
  it("a Status column with Lost / Churned / Active words; the learning from a Lost Reason column", () => {
    const values: Cell[][] = [
      ["Account No", "Account Name", "Tier", "Status", "Lost Reason"],
      ["A1", "Acme", "Gold", "Lost", "Price: went to Toolstation"],
      ["A2", "Bolt", "Silver", "Active", _],
      ["A3", "Cogs", _, "Churned – closed the Leeds branch", _],
      ["A4", "Dove", _, _, _],
    ];
    const d = mapped(values);
    expect(d.mapping.fields.map((f) => `${f.field}:${f.header}`)).toEqual([
      "accountId:Account No",
      "name:Account Name",
      "tier:Tier",
      "status:Status",
      "lostReason:Lost Reason",
    ]);
    const r = parseAccounts(d.mapping, values, 1).records;
    expect(r.map((x) => [x.accountId, x.lost, x.lostReason])).toEqual([
      ["A1", true, "Price: went to Toolstation"],
      ["A2", false, undefined],
      ["A3", true, undefined],
      ["A4", undefined, undefined],
    ]);
  });

  it('a yes/no column headed "Lost?" or "Churned"', () => {
    for (const header of ["Lost?", "Churned"]) {
      const values: Cell[][] = [
        ["Account No", "Tier", header],
        ["A1", "Gold", "Yes"],
        ["A2", "Bronze", "no"],
        ["A3", "Bronze", "Lost"],
      ];
      const r = parseAccounts(mapped(values).mapping, values, 1).records;
      expect(r.map((x) => [x.accountId, x.lost])).toEqual([
        ["A1", true],
        ["A2", false],
        ["A3", true],
      ]);
    }
  });

  it("a Status column that holds tiers still gives the tier (and nobody is lost)", () => {
    const values: Cell[][] = [
      ["Account No", "Industry", "Status"],
      ["A1", "Plumber", "Gold"],
      ["A2", "Plumber", "bronze"],
    ];
    const r = parseAccounts(mapped(values).mapping, values, 1).records;
    expect(r.map((x) => [x.accountId, x.tier, x.lost])).toEqual([
      ["A1", "Gold", false],
      ["A2", "Bronze", false],
    ]);
  });
});

describe("contacts", () => {
  it("reads 1–5 scores as numbers or words; feeling as a number or kept text", () => {
    const values: Cell[][] = [
      ["Account", "Name", "Job Title", "Influence", "Relationship Strength", "Feeling about us"],
      ["A1", "Jo Bloggs", "Buyer", 5, "High", 2],
      ["A1", "Sam Hill", "MD", "very high", 7, "Sceptical"],
      ["A2", _, "Buyer", 3, 3, 0],
      [_, "Nobody", _, _, _, _],
    ];
    const d = mapped(values);
    expect(d.role).toBe("contacts");
    const r = parseContacts(d.mapping, values, 1);
    expect(r.records).toEqual([
      {
        accountId: "A1",
        name: "Jo Bloggs",
        role: "Buyer",
        influence: 5,
        relationship: 4,
        feeling: 2,
        feelingText: undefined,
        row: 2,
      },
      {
        accountId: "A1",
        name: "Sam Hill",
        role: "MD",
        influence: 5,
        relationship: undefined,
        feeling: undefined,
        feelingText: "Sceptical",
        row: 3,
      },
    ]);
    expect(r.rejected).toEqual([
      { reason: "no name", count: 1, rows: [4] },
      { reason: "no account", count: 1, rows: [5] },
    ]);
  });
});

describe("contacts with 5P scores (methodology 003)", () => {
  it("Power … Pliability, Weight and Veto beside Influence and Feeling; scores outside 1–5 are left out", () => {
    const values: Cell[][] = [
      [
        "Account",
        "Name",
        "Role",
        "Influence",
        "Feeling",
        "Power",
        "Perception",
        "Priority",
        "Promoter",
        "Pliability",
        "Weight",
        "Veto",
      ],
      ["A1", "Pat Lee", "MD", "Very High", -1, 5, 2, 3, 1, 2, 4, "Yes"],
      ["A1", "Jo Smith", "Buyer", "High", 2, 3, 9, _, _, _, _, _],
    ];
    const d = mapped(values);
    expect(d.role).toBe("contacts");
    expect(d.mapping.fields.find((f) => f.field === "influence")!.header).toBe("Influence");
    expect(d.mapping.fields.find((f) => f.field === "fivePPower")!.header).toBe("Power");
    const r = parseContacts(d.mapping, values, 1).records;
    expect(r[0].fiveP).toEqual({
      power: 5,
      perception: 2,
      priority: 3,
      promoter: 1,
      pliability: 2,
      weight: 4,
      veto: true,
    });
    expect(r[1].fiveP).toEqual({
      power: 3,
      perception: undefined,
      priority: undefined,
      promoter: undefined,
      pliability: undefined,
      weight: undefined,
      veto: undefined,
    });
  });

  it('a lone "Power" column is still the influence', () => {
    const values: Cell[][] = [
      ["Account", "Name", "Power"],
      ["A1", "Pat Lee", "High"],
    ];
    const d = mapped(values);
    expect(d.mapping.fields.map((f) => f.field)).toEqual(["accountId", "name", "influence"]);
    expect(parseContacts(d.mapping, values, 1).records[0]).toMatchObject({
      influence: 4,
      fiveP: undefined,
    });
  });
});

describe("initiatives (the user-owned table)", () => {
  const values: Cell[][] = [
    [
      "Account",
      "Initiative",
      "Categories",
      "SKUs",
      "Target",
      "Start Date",
      "End Date",
      "Owner",
      "Status",
    ],
    [
      "C0001",
      "Cable tie range expansion",
      "Cable Ties; Cable Management",
      _,
      "£1,800",
      "15/01/2026",
      "14/04/2026",
      "Kim",
      "In progress",
    ],
    [
      "C0002",
      "Liverpool site",
      _,
      "CT-100, CT-200\nCT-300",
      3000,
      new Date(Date.UTC(2026, 0, 1)),
      _,
      _,
      _,
    ],
    ["C0003", "Backwards", "Tools", _, 100, "01/03/2026", "01/02/2026", _, _],
    [_, "No account", "Tools", _, _, _, _, _, _],
    ["C0004", _, "Tools", _, _, _, _, _, _],
    ["C0005", "Unpriced", "Tools", _, "lots", _, _, _, _],
  ];

  it("is detected as the initiatives table, not as accounts", () => {
    const d = mapped(values);
    expect(d.role).toBe("initiatives");
    expect(d.mapping.fields.map((f) => f.field)).toEqual([
      "account",
      "initiative",
      "categories",
      "skus",
      "target",
      "start",
      "end",
      "owner",
      "status",
    ]);
  });

  it("reads lists, money, day-first dates; refuses rows without account or initiative, or ending before they start", () => {
    const d = mapped(values);
    const r = parseInitiatives(d.mapping, values, 1);
    expect(r.records).toEqual([
      {
        account: "C0001",
        initiative: "Cable tie range expansion",
        type: undefined,
        categories: ["Cable Ties", "Cable Management"],
        skus: [],
        target: 1800,
        start: ymdToSerial(2026, 1, 15),
        end: ymdToSerial(2026, 4, 14),
        owner: "Kim",
        status: "In progress",
        row: 2,
      },
      {
        account: "C0002",
        initiative: "Liverpool site",
        type: undefined,
        categories: [],
        skus: ["CT-100", "CT-200", "CT-300"],
        target: 3000,
        start: ymdToSerial(2026, 1, 1),
        end: undefined,
        owner: undefined,
        status: undefined,
        row: 3,
      },
      {
        account: "C0005",
        initiative: "Unpriced",
        type: undefined,
        categories: ["Tools"],
        skus: [],
        target: undefined,
        start: undefined,
        end: undefined,
        owner: undefined,
        status: undefined,
        row: 7,
      },
    ]);
    expect(r.rejected).toEqual([
      { reason: "end date before start date", count: 1, rows: [4] },
      { reason: "no account", count: 1, rows: [5] },
      { reason: "no initiative", count: 1, rows: [6] },
    ]);
  });

  it("parseList splits on ; , | and new lines, trims, drops blanks and repeats", () => {
    expect(parseList(" a; b ,a|c\n\n")).toEqual(["a", "b", "c"]);
    expect(parseList(null)).toEqual([]);
    expect(parseList(42)).toEqual(["42"]);
  });
});

describe("cross-sell rules", () => {
  it("reads They buy | Consider selling | Rationale | Priority", () => {
    const values: Cell[][] = [
      ["They buy", "Consider selling", "Rationale", "Priority"],
      ["Cable Ties", "Cable Clips", "Same job", "high"],
      ["Drills", "Drill Bits", _, "L"],
      ["Gloves", "Eye Protection", "PPE bundle", 2],
      ["Fixings", _, _, _],
    ];
    const d = mapped(values);
    expect(d.role).toBe("crossSell");
    const r = parseCrossSell(d.mapping, values, 1);
    expect(r.records).toEqual([
      {
        theyBuy: "Cable Ties",
        considerSelling: "Cable Clips",
        rationale: "Same job",
        priority: "High",
      },
      { theyBuy: "Drills", considerSelling: "Drill Bits", rationale: "", priority: "Low" },
      {
        theyBuy: "Gloves",
        considerSelling: "Eye Protection",
        rationale: "PPE bundle",
        priority: "Medium",
      },
    ]);
    expect(r.rejected).toEqual([{ reason: "incomplete rule", count: 1, rows: [5] }]);
  });
});

describe("rates", () => {
  it("reads codes or symbols and rates in either decimal convention; rejects unusable rates", () => {
    const values: Cell[][] = [
      ["FX rates to GBP"],
      ["Currency", "Rate"],
      ["eur", "0,85"],
      ["$", 0.79],
      ["SEK", "n/a"],
      ["NOK", -1],
      [_, 2],
    ];
    const d = mapped(values);
    expect(d.role).toBe("rates");
    const r = parseRates(d.mapping, values, 1);
    expect(r.records).toEqual([
      { from: "EUR", rate: 0.85 },
      { from: "USD", rate: 0.79 },
    ]);
    expect(r.rejected).toEqual([
      { reason: "unreadable rate", count: 2, rows: [5, 6] },
      { reason: "no currency", count: 1, rows: [7] },
    ]);
  });
});

describe("an Accounts table's own tier labels (A/B, Key/Strategic) are kept, apart from KAP's ABC tiers", () => {
  it("the four named tiers are spelled so; any other label as given, trimmed; blank is none", () => {
    expect(
      ["A", " B ", "Key account", "strategic", "gold", "  ", undefined].map(tierLabel)
    ).toEqual(["A", "B", "Key account", "strategic", "Gold", undefined, undefined]);
  });
  it("a comparable group of the user's tier A is never called an A tier (KAP's ABC)", () => {
    expect(peerBasisText("tier", "Gold")).toBe("Gold-tier accounts");
    expect(peerBasisText("tier", "A")).toBe('accounts of your tier "A"');
  });
});
