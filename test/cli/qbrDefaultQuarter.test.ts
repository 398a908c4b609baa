/**
 * `kap qbr` with no --quarter reviews the last quarter complete at the as-of date (README). When
 * the data's first order comes after that quarter (an export that starts in the running quarter),
 * there is nothing of it to review and the QBR covers the running quarter to date instead: the
 * command's output and the workbook's cover now say so. Before: the QBR silently became "FY2026
 * Q4 to 28/10/2026", a part quarter, with no word on why it was not FY2026 Q3.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { KapEngine, loadGrids } from "../../src/engine/engine";
import { defaultSettings } from "../../src/engine/settings";
import type { Grid } from "../../src/ingest/grid";
import type { SheetSpec } from "../../src/sheets/spec";
import { buildCli, kap } from "./kapProcess";

jest.setTimeout(120_000);

beforeAll(() => {
  buildCli();
});

const dir = mkdtempSync(join(tmpdir(), "kap-qbr-default-"));

// The data starts 02/10/2026 and ends 28/10/2026 (the as-of by default): FY2026 Q3 (Jul–Sep),
// the last quarter complete at 28/10, ends 30/09, before it.
const LATE_START = [
  "Customer,Order Date,Order ID,SKU,Qty,Revenue",
  "Acme,2026-10-02,O1,S1,1,100.00",
  "Acme,2026-10-28,O2,S1,1,50.00",
];
// The same with one order in Q3 (15/09/2026): FY2026 Q3 is reviewed, as the README says.
const COVERS_Q3 = [...LATE_START, "Acme,2026-09-15,O0,S1,1,80.00"];

const NOTE =
  "FY2026 Q3 (Jul–Sep 2026), the last quarter complete at 28/10/2026, has no orders in the data, which starts 02/10/2026: this QBR covers FY2026 Q4 to date, 01/10/2026 – 28/10/2026, not a whole quarter.";

function file(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join("\n") + "\n");
  return path;
}

/** The analysis of `lines` (as of their last order date), as the pane and kap read it. */
async function engineOf(lines: string[]): Promise<KapEngine> {
  const [header, ...rows] = lines.map((l) => l.split(","));
  const grid: Grid = {
    name: "Orders",
    values: [header, ...rows.map((r) => [r[0], r[1], r[2], r[3], Number(r[4]), Number(r[5])])],
  };
  const e = new KapEngine();
  await loadGrids(e, [grid], defaultSettings());
  e.analyze(defaultSettings());
  return e;
}

/** The texts of the QBR's cover, for `quarter` or by default. */
async function cover(lines: string[], quarter?: string): Promise<string[]> {
  return (await engineOf(lines))
    .sheets("qbr", { accountKey: "Acme", quarter, live: false })
    .find((s: SheetSpec) => s.kind === "qbr-cover")!
    .blocks.flatMap((b) => b.rows.flat())
    .filter((v): v is string => typeof v === "string");
}

test("no Q3 orders in the data: kap qbr says the QBR covers FY2026 Q4 to date, 1–28 Oct 2026", () => {
  const r = kap(
    "qbr",
    file("late.csv", LATE_START),
    "--account",
    "Acme",
    "--out",
    join(dir, "q.xlsx")
  );
  expect(r.status).toBe(0);
  expect(r.stdout).toContain(NOTE);
  // --all-top says it once, after the files
  const pack = kap(
    "qbr",
    file("late2.csv", LATE_START),
    "--all-top",
    "1",
    "--out",
    join(dir, "pack")
  );
  expect(pack.status).toBe(0);
  expect(pack.stdout.split(NOTE)).toHaveLength(2);
});

test("the cover says it too; its figures are the part quarter's: 2 orders, 100.00 + 50.00 = 150.00", async () => {
  const t = await cover(LATE_START);
  expect(t).toContain(NOTE);
  expect(t).toContain("Orders, FY2026 Q4 to 28/10/2026");
  const q = (await engineOf(LATE_START)).qbr("Acme");
  expect(q.glance.current.orders).toBe(2);
  expect(q.glance.current.netRevenue).toBe(150);
});

test("a quarter chosen, or data that covers the last complete quarter: no note", async () => {
  const r = kap(
    "qbr",
    file("q4.csv", LATE_START),
    "--account",
    "Acme",
    "--quarter",
    "2026Q4",
    "--out",
    join(dir, "q4.xlsx")
  );
  expect(r.status).toBe(0);
  expect(r.stdout).not.toContain("not a whole quarter");
  expect((await cover(LATE_START, "2026Q4")).join("\n")).not.toContain("not a whole quarter");
  // one Q3 order (15/09): the default is FY2026 Q3, whole
  const t = await cover(COVERS_Q3);
  expect(t.join("\n")).not.toContain("not a whole quarter");
  expect(t).toContain("Orders, FY2026 Q3 (data from 15/09/2026)");
});

test("the tester's SAP billing export (billing dates 02/10–28/10/2026): the same note", () => {
  const sap = join(__dirname, "../fixtures/tester/sap-vbrk-vbrp-october-only.csv");
  const r = kap("qbr", sap, "--account", "100017", "--out", join(dir, "sap.xlsx"));
  expect(r.status).toBe(0);
  expect(r.stdout).toContain(
    "FY2026 Q3 (Jul–Sep 2026), the last quarter complete at 28/10/2026, has no orders in the data, which starts 02/10/2026: this QBR covers FY2026 Q4 to date, 01/10/2026 – 28/10/2026, not a whole quarter."
  );
});
