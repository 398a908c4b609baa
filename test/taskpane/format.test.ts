import { defaultSettings } from "../../src/engine/settings";
import type { FoundTable } from "../../src/engine/contract";
import { ymdToSerial } from "../../src/domain/dates";
import {
  money,
  problemOf,
  progressFraction,
  progressLine,
  columnsCheck,
  chanceText,
  dateText,
  daysAgoText,
  monthText,
  recentQuarters,
  percent,
  scoreText,
  wholeNumber,
} from "../../src/taskpane/format";
import { kapTheme } from "../../src/taskpane/theme";

describe("pane formatting", () => {
  it("lists the fiscal quarter holding the as-of date and the 7 before it, for a fiscal year from April", () => {
    // As-of 15 Aug 2026, year from April: FY2027 runs Apr 2026–Mar 2027 (named by the year it ends),
    // Aug is its 5th month → Q2 (Jul–Sep 2026). Back from there one quarter at a time.
    const q = recentQuarters({ ...defaultSettings(), asOf: "2026-08-15", fiscalYearStartMonth: 4 });
    expect(q.map((x) => x.text)).toEqual([
      "FY2027 Q2 (Jul–Sep 2026)",
      "FY2027 Q1 (Apr–Jun 2026)",
      "FY2026 Q4 (Jan–Mar 2026)",
      "FY2026 Q3 (Oct–Dec 2025)",
      "FY2026 Q2 (Jul–Sep 2025)",
      "FY2026 Q1 (Apr–Jun 2025)",
      "FY2025 Q4 (Jan–Mar 2025)",
      "FY2025 Q3 (Oct–Dec 2024)",
    ]);
    expect(q[0].key).toBe("FY2027 Q2");
  });

  it("uses the last order date when no as-of date is set (RULES.md §2), and today only before any data is read", () => {
    // Last order 3 Feb 2026 with a January year start: FY2026 Q1.
    expect(recentQuarters(defaultSettings(), 1, ymdToSerial(2026, 2, 3))[0].key).toBe("FY2026 Q1");
    // No data yet, today 20 Nov 2026: FY2026 Q4.
    expect(recentQuarters(defaultSettings(), 1, undefined, ymdToSerial(2026, 11, 20))[0].key).toBe(
      "FY2026 Q4"
    );
    expect(
      recentQuarters({ ...defaultSettings(), asOf: "2025-05-01" }, 1, ymdToSerial(2026, 2, 3))[0]
        .key
    ).toBe("FY2025 Q2");
  });

  // Issue 15 item 8: progress reads once, "Analysing 24 accounts… 12 of 24" (it was phase, count
  // and message, which said the count twice).
  it("writes progress as one line: what runs, then how far", () => {
    expect(
      progressLine("Analysing", {
        phase: "analyzing",
        done: 12,
        total: 24,
        message: "Analysing 24 accounts…",
      })
    ).toBe("Analysing 24 accounts… 12 of 24");
    expect(
      progressLine("Analysing", {
        phase: "reading",
        done: 50_000,
        total: 1_048_575,
        message: "Reading order lines…",
      })
    ).toBe("Reading order lines… 50,000 of 1,048,575");
    // nothing done yet: no "0 of 24"
    expect(
      progressLine("Analysing", {
        phase: "analyzing",
        done: 0,
        total: 24,
        message: "Analysing 24 accounts…",
      })
    ).toBe("Analysing 24 accounts…");
    // an action says its name once, then what it does
    expect(
      progressLine("Portfolio dashboard", {
        phase: "writing",
        done: 1,
        total: 3,
        message: "Writing KAP Dashboard…",
      })
    ).toBe("Portfolio dashboard: writing KAP Dashboard… 1 of 3");
    expect(
      progressLine("Cross-sell", { phase: "analyzing", done: 0, message: "Laying out the sheets…" })
    ).toBe("Cross-sell: laying out the sheets…");
    // a message with its own count is not counted twice; "Done" leaves the phase
    expect(
      progressLine("Analysing", {
        phase: "reading",
        done: 5,
        total: 9,
        message: "Read 5 of 9 rows",
      })
    ).toBe("Read 5 of 9 rows");
    expect(
      progressLine("Whitespace map", { phase: "writing", done: 1, total: 1, message: "Done" })
    ).toBe("Whitespace map: writing… 1 of 1");
    expect(progressLine("Analysing")).toBe("Analysing…");
    expect(progressFraction({ phase: "writing", done: 1, total: 4, message: "" })).toBe(0.25);
    expect(progressFraction({ phase: "writing", done: 1, message: "" })).toBeUndefined();
  });

  it("says how well the columns matched in words, not a confidence percentage", () => {
    const table = (fields: FoundTable["fields"]): FoundTable => ({
      role: "orders",
      sheet: "Orders",
      address: "Orders!A1:D9",
      rows: 8,
      confidence: 0.9,
      headers: [],
      fields,
    });
    const f = (
      field: string,
      required: boolean,
      header: string | undefined,
      confidence: number
    ) => ({
      field,
      label: field,
      required,
      header,
      confidence,
    });
    // every mapped column an exact header, an optional field unmapped: nothing to look at
    expect(
      columnsCheck([table([f("date", true, "Date", 1), f("site", false, undefined, 0)])])
    ).toBe("all columns matched");
    // one column matched by part of its header (0.7), one required field with no column
    expect(
      columnsCheck([
        table([f("date", true, "Date", 1), f("revenue", true, "Net amount (ex VAT)", 0.7)]),
        table([f("quantity", true, undefined, 0)]),
      ])
    ).toBe("2 columns need a look");
    expect(columnsCheck([table([f("revenue", true, "Net amount", 0.7)])])).toBe(
      "1 column needs a look"
    );
  });

  it("writes dates as the sheets do and days since the last order in words", () => {
    expect(dateText("2026-10-31")).toBe("31/10/2026");
    expect(dateText("2026-10-31", "en-US")).toBe("10/31/2026");
    expect(dateText("2026-01-05", "en-US")).toBe("1/5/2026");
    expect(dateText("2026-10-31", "de-DE")).toBe("31.10.2026");
    expect(dateText("")).toBe("");
    expect(dateText("", "en-US")).toBe("");
    expect(monthText("2025-09-30")).toBe("Sep 2025");
    expect(daysAgoText(0)).toBe("today");
    // P(alive) 0.9991 rounds to 100% but is not certain; 0.004 is not impossible
    expect(chanceText(0.9991)).toBe("over 99%");
    expect(chanceText(0.7266)).toBe("73%");
    expect(chanceText(0.004)).toBe("under 1%");
    expect(daysAgoText(1)).toBe("yesterday");
    expect(daysAgoText(1234)).toBe("1,234 days ago");
  });

  it("takes the message and the advice from a thrown error", () => {
    expect(
      problemOf(
        Object.assign(new Error("No order lines found."), {
          action: "Open the workbook with your ERP export.",
        })
      )
    ).toEqual({
      message: "No order lines found.",
      action: "Open the workbook with your ERP export.",
    });
    expect(problemOf(new Error("Boom"))).toEqual({ message: "Boom", action: undefined });
    expect(problemOf(42)).toEqual({ message: "Something went wrong." });
  });

  it("shows n/a for a missing score and money in its currency", () => {
    expect(scoreText(null)).toBe("n/a");
    expect(scoreText(3)).toBe("3.00");
    expect(money(39_561.4, "GBP")).toBe("£39,561");
    expect(money(1200, "")).toBe("1,200");
  });
});

describe("the pane's own numbers in the workbook's culture", () => {
  // de-DE groups thousands with "." and marks decimals with ","; the unit follows the number
  // after a no-break space (U+00A0), as "1.234,50 €" is written there. en-US: "$1,235", "73%".
  const NBSP = "\u00a0";
  it("de-DE: 1.187 rows, 52.000 € (whole euros), 73 %, 3,45, 1.234 days ago", () => {
    expect(wholeNumber(1187, "de-DE")).toBe("1.187");
    // 1,234.5 to whole units: 1,235 (half away from zero)
    expect(money(1234.5, "EUR", "de-DE")).toBe(`1.235${NBSP}€`);
    expect(money(52_000, "GBP", "de-DE")).toBe(`52.000${NBSP}£`);
    expect(money(1200, "", "de-DE")).toBe("1.200");
    expect(percent(0.7266, "de-DE")).toBe(`73${NBSP}%`);
    expect(chanceText(0.9991, "de-DE")).toBe(`over 99${NBSP}%`);
    expect(chanceText(0.004, "de-DE")).toBe(`under 1${NBSP}%`);
    expect(scoreText(3.45, "de-DE")).toBe("3,45");
    expect(scoreText(3, "de-DE")).toBe("3,00");
    expect(daysAgoText(1234, "de-DE")).toBe("1.234 days ago");
    expect(
      progressLine(
        "Analysing",
        { phase: "reading", done: 1500, total: 6089, message: "Reading order lines…" },
        "de-DE"
      )
    ).toBe("Reading order lines… 1.500 of 6.089");
  });

  it("en-US: 1,187 rows, $1,235, 73%, 3.45", () => {
    expect(wholeNumber(1187, "en-US")).toBe("1,187");
    expect(money(1234.5, "USD", "en-US")).toBe("$1,235");
    expect(percent(0.7266, "en-US")).toBe("73%");
    expect(scoreText(3.45, "en-US")).toBe("3.45");
  });

  it("money carries KAP's own symbol, the one its sheets and text show, where the culture puts it", () => {
    const NNBSP = "\u202f"; // fr-FR groups thousands with a narrow no-break space
    // US dollars in a British workbook: "$14,100" as the cells' format shows, not Intl's "US$14,100"
    expect(money(14_100, "USD", "en-GB")).toBe("$14,100");
    expect(money(14_100, "USD")).toBe("$14,100");
    // Canadian dollars in an American one: KAP's "C$", not "CA$"; yen: "¥", not "JP¥"
    expect(money(14_100, "CAD", "en-US")).toBe("C$14,100");
    expect(money(14_100, "JPY", "en-GB")).toBe("¥14,100");
    // pounds in a French workbook: 14 100 £ (not "£GB"); 14,100.4 to whole units: 14 100
    expect(money(14_100.4, "GBP", "fr-FR")).toBe(`14${NNBSP}100${NBSP}£`);
    // a loss: -1,234.5 to whole units is -1,235 (half away from zero), the sign before the symbol
    expect(money(-1234.5, "GBP", "en-GB")).toBe("-£1,235");
    expect(money(-1234.5, "EUR", "de-DE")).toBe(`-1.235${NBSP}€`);
    // a code KAP has no symbol for: the code, as the engine writes it
    expect(money(1200, "SEK", "en-GB")).toMatch(/^SEK\s1,200$/);
  });

  it("no culture, or one this browser does not know: en-GB as before", () => {
    expect(wholeNumber(1187)).toBe("1,187");
    expect(money(39_561.4, "GBP", "not a culture")).toBe("£39,561");
    expect(scoreText(3.45, "")).toBe("3.45");
  });
});

describe("pane theme", () => {
  it("follows a dark Office theme and falls back to Fluent light without one", () => {
    const dark = kapTheme({
      bodyBackgroundColor: "#262626",
      bodyForegroundColor: "#FFFFFF",
      controlBackgroundColor: "#3b3b3b",
      controlForegroundColor: "#ffffff",
      isDarkTheme: true,
    });
    expect(dark.isInverted).toBe(true);
    expect(dark.semanticColors.bodyBackground).toBe("#262626");
    expect(dark.semanticColors.bodyText).toBe("#FFFFFF");
    const light = kapTheme(undefined);
    expect(light.isInverted).toBe(false);
    expect(light.semanticColors.bodyBackground).toBe("#ffffff");
  });
});
