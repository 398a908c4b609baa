/**
 * Two columns under one header in a file ("Amount" gross and "Amount" net, "Customer" twice):
 * kap says which header is doubled, at which columns (letters as in Excel), and which one it
 * read, in the read summary and in --json's ingest warnings. KAP takes the first of equal
 * columns (ingest/detect: ties go to the leftmost column).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildCli, kap } from "./kapProcess";

jest.setTimeout(180_000);

const dir = mkdtempSync(join(tmpdir(), "kap-dup-"));
const csv = (name: string, lines: string[]) => {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
};

beforeAll(buildCli);

test('two "Amount" columns (gross E, net F): the summary says E was read as the line revenue, not F', () => {
  const file = csv("amounts.csv", [
    "Customer,Order Date,SKU,Qty,Amount,Amount",
    "A1,2026-10-01,X,2,24,20",
    "A1,2026-10-05,Y,1,6,5",
    "B2,2026-10-03,X,3,36,30",
  ]);
  const r = kap("analyze", file, "-q");
  expect(r.status).toBe(0);
  expect(r.stdout).toContain(
    '! Columns E and F are both headed "Amount": KAP read column E as the line revenue, and not column F.'
  );
  // column E read: A1 24 + 6 = £30, B2 £36
  expect(r.stdout).toMatch(/^A1 .* £30 /m);
  expect(r.stdout).toMatch(/^B2 .* £36 /m);
  const j = JSON.parse(kap("analyze", file, "--json").stdout);
  expect(j.ingest.warnings.join("\n")).toContain(
    'Columns E and F are both headed "Amount": KAP read column E as the line revenue, and not column F.'
  );
});

test('"Customer" twice, past column Z (AA and AB): the letters are Excel\'s', () => {
  // A–D the order's columns, E–Z 22 notes, AA and AB both "Customer"
  const notes = Array.from({ length: 22 }, (_, i) => `Note ${i + 1}`);
  const blanks = notes.map(() => "");
  const file = csv("customers.csv", [
    ["Order Date", "SKU", "Qty", "Revenue", ...notes, "Customer", "Customer"].join(","),
    ["2026-10-01", "X", "2", "20", ...blanks, "A1", "Acme"].join(","),
    ["2026-10-05", "Y", "1", "5", ...blanks, "B2", "Bolt"].join(","),
  ]);
  const r = kap("analyze", file, "-q");
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(
    /^! Columns AA and AB are both headed "Customer": KAP read column AA as the account \w+, and not column AB\./m
  );
  expect(r.stdout).toMatch(/^A1 /m);
});
