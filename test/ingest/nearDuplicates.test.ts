/**
 * One customer spelled several ways in a hand-typed export: KAP keeps the spellings apart (it
 * cannot know they are one customer) and says so.
 */
import { KapEngine, loadGrids } from "../../src/engine/engine";
import { defaultSettings } from "../../src/engine/settings";
import { nearDuplicateKeys, nearDuplicateWarning } from "../../src/ingest/nearDuplicates";

describe("nearDuplicateKeys", () => {
  test("keys that differ only in case, spaces or punctuation are grouped; others are not", () => {
    expect(
      nearDuplicateKeys([
        "ACME Ltd",
        "Bolt & Nut Co",
        "Acme Ltd.",
        "C0001",
        "acme  ltd",
        "Bolt and Nut Co",
        "c0001",
        "—",
        "–",
      ])
    ).toEqual([
      ["ACME Ltd", "Acme Ltd.", "acme  ltd"],
      ["C0001", "c0001"],
    ]);
  });

  test("accented letters count as letters: Müller and Muller are two names", () => {
    expect(nearDuplicateKeys(["Müller GmbH", "Muller GmbH", "MÜLLER GMBH"])).toEqual([
      ["Müller GmbH", "MÜLLER GMBH"],
    ]);
  });

  test("the warning shows three groups and counts the rest; none when every key is distinct", () => {
    const keys = ["A1", "a1", "B2", "b2", "C3", "c3", "D4", "d 4", "E5"];
    expect(nearDuplicateWarning(keys)).toBe(
      '4 accounts are written in more than one way ("A1" and "a1"; "B2" and "b2"; "C3" and "c3"; and 1 more): KAP reads each spelling as its own account. If they are one customer, make the spellings the same in the data, or map a customer ID column, and analyse again.'
    );
    expect(nearDuplicateWarning(["A1", "B2"])).toBeUndefined();
  });
});

test("an export with one customer typed two ways: two accounts, and a warning naming both spellings", async () => {
  const engine = new KapEngine();
  const report = await loadGrids(
    engine,
    [
      {
        name: "Orders",
        values: [
          ["Date", "Invoice", "Customer", "SKU", "Qty", "Line Total"],
          ["2026-09-01", "INV1", "Harbour Plumbing", "P-1", 2, 40],
          ["2026-09-15", "INV2", "HARBOUR PLUMBING", "P-1", 1, 20],
          ["2026-10-01", "INV3", "Quay Electrical", "P-2", 1, 15],
        ],
      },
    ],
    defaultSettings()
  );
  expect(report.accounts).toBe(3);
  expect(report.warnings).toContain(
    '1 account is written in more than one way ("Harbour Plumbing" and "HARBOUR PLUMBING"): KAP reads each spelling as its own account. If they are one customer, make the spellings the same in the data, or map a customer ID column, and analyse again.'
  );
});
