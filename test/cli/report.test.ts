/** `kap analyze --json`: dates as ISO yyyy-mm-dd wherever the analysis keeps day serials. */
import { jsonPieces } from "../../src/cli/report";

const json = (v: unknown) => JSON.parse([...jsonPieces(v)].join("")) as Record<string, never>;

test("day serials in the JSON are ISO dates at every depth, other numbers unchanged", () => {
  // Serials worked by hand from Excel's 1900 day count: 45658 = 2025-01-01, so
  // 46326 = 45658 + 365 + 303 = 2026-10-31, 46325 = 2026-10-30, 45961 = 45658 + 303 = 2025-10-31,
  // 46236 = 46326 − 90 = 2026-08-02, 45504 = 45658 − 154 = 2024-07-31.
  const j = json({
    asOf: "2026-10-31",
    ingest: { firstDate: 45504, lastDate: 46326, revenue: 6817661.08 },
    portfolio: {
      asOf: 46326,
      accounts: [
        {
          accountId: "C0204",
          health: {
            score: 4.25,
            inputs: {
              date: 46326,
              lastOrderDate: 46325,
              firstOrderDate: null,
              daysSinceLastOrder: 1,
              engagementLog: { from: 46236, to: 46326, medianResponseHours: 8.241666500000001 },
            },
          },
          history: [{ date: 45961, score: 3.95 }],
          lifetime: { pAlive: 0.9998938142679342 },
          revenueLast12: 228972.47,
        },
      ],
      initiatives: [{ start: 46204, end: 46568, target: 9000 }],
      dashboard: { averageHealth: 3.4417543859649142 },
    },
  });
  expect(j).toMatchObject({
    asOf: "2026-10-31",
    ingest: { firstDate: "2024-07-31", lastDate: "2026-10-31", revenue: 6817661.08 },
    portfolio: {
      asOf: "2026-10-31",
      accounts: [
        {
          health: {
            score: 4.25,
            inputs: {
              date: "2026-10-31",
              lastOrderDate: "2026-10-30",
              firstOrderDate: null,
              daysSinceLastOrder: 1,
              engagementLog: {
                from: "2026-08-02",
                to: "2026-10-31",
                medianResponseHours: 8.241666500000001,
              },
            },
          },
          history: [{ date: "2025-10-31", score: 3.95 }],
          lifetime: { pAlive: 0.9998938142679342 },
          revenueLast12: 228972.47,
        },
      ],
      // 46204 = 46326 − 122 = 2026-07-01 (Oct 31 − 31 − 30 − 31 − 30); 46568 = 46204 + 364 = 2027-06-30
      initiatives: [{ start: "2026-07-01", end: "2027-06-30", target: 9000 }],
      dashboard: { averageHealth: 3.44 },
    },
  });
});

test("the same key is written the same way every time it comes (kinds and dates are remembered)", () => {
  // 45658 = 2025-01-01 (Excel's 1900 day count); 45658.75 is that day at 18:00, still 2025-01-01.
  const rows = [1, 2, 3].map(() => ({
    invoiceDate: 45658.75,
    lastReturnDate: 45658,
    score: 3.456,
    revenue: 45658,
    lastOrderDate: NaN,
    currency: "",
    note: "",
    currencies: ["", "EUR"],
    annualRevenue: { "": 10, EUR: 5 },
  }));
  const text = [...jsonPieces({ rows })].join("");
  const j = JSON.parse(text) as { rows: Record<string, unknown>[] };
  for (const r of j.rows)
    expect(r).toEqual({
      invoiceDate: "2025-01-01",
      lastReturnDate: "2025-01-01",
      score: 3.46,
      revenue: 45658,
      lastOrderDate: null, // not a number: written as JSON writes NaN
      currency: null, // no currency known for it: null, never "XXX"
      note: "",
      currencies: [null, "EUR"],
      annualRevenue: { XXX: 10, EUR: 5 },
    });
});

test("a long array deep in the result (a whitespace map's rows) is written in pieces of one row, the same text as JSON.stringify's", () => {
  // 2,000 accounts × 200 categories, three levels down as the portfolio's whitespace map is:
  // about 1.2 MB of JSON in one piece before; a row is about 550 characters
  const rows = Array.from({ length: 2000 }, (_, i) => ({
    key: `C${i}`,
    spend: Array.from({ length: 200 }, (_, c) => (i * c) % 97),
  }));
  const pieces = [...jsonPieces({ portfolio: { whitespaceMap: { rows } } })];
  expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(2000);
  // rows is the last member: its text ends the output, before the three closing braces
  const text = pieces.join("");
  expect(text.endsWith(`${JSON.stringify(rows)}}}}`)).toBe(true);
  expect(JSON.parse(text)).toEqual({ portfolio: { whitespaceMap: { rows } } });
});
