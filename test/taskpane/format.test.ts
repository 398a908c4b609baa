import { defaultSettings } from "../../src/engine/settings";
import { ymdToSerial } from "../../src/domain/dates";
import {
  money,
  problemOf,
  progressFraction,
  progressText,
  recentQuarters,
  scoreText,
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

  it("writes progress as phase, count and message", () => {
    expect(
      progressText({ phase: "reading", done: 50_000, total: 1_048_575, message: "Reading Orders" })
    ).toBe("Reading 50,000 of 1,048,575 — Reading Orders");
    expect(progressText({ phase: "analyzing", done: 0, message: "Laying out the sheets…" })).toBe(
      "Analysing — Laying out the sheets…"
    );
    expect(progressFraction({ phase: "writing", done: 1, total: 4, message: "" })).toBe(0.25);
    expect(progressFraction({ phase: "writing", done: 1, message: "" })).toBeUndefined();
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
