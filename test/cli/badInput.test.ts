/** What a user sees from `kap` on files that are not order exports, and what --help promises. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { FileReadError } from "../../src/cli/errors";
import { fileSource } from "../../src/cli/fileSource";
import { OPTIONS, USAGE } from "../../src/cli/main";

// The spawned tests run the TypeScript source through tsx: on a loaded machine that takes a while.
jest.setTimeout(120_000);

const dir = mkdtempSync(join(tmpdir(), "kap-bad-"));
const file = (name: string, body: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, body);
  return p;
};
const tablesError = async (p: string): Promise<string> => {
  try {
    await fileSource(p).tables();
  } catch (e) {
    expect(e).toBeInstanceOf(FileReadError);
    return (e as Error).message;
  }
  throw new Error(`${p} was read`);
};
const MAIN = resolve(__dirname, "../../src/cli/main.ts");
const kap = (...args: string[]) =>
  spawnSync(process.execPath, ["-r", "tsx/cjs", MAIN, ...args], {
    encoding: "utf8",
    timeout: 120_000,
  });

test("an empty file (0 bytes, only a BOM, only blank lines) is called empty", async () => {
  expect(await tablesError(file("empty.csv", ""))).toBe(
    "empty.csv is empty: export the order lines again and check the file has rows."
  );
  expect(await tablesError(file("bom.csv", Buffer.from([0xef, 0xbb, 0xbf])))).toMatch(
    /^bom\.csv is empty/
  );
  expect(await tablesError(file("blank.csv", "\r\n\r\n  \r\n"))).toMatch(/^blank\.csv is empty/);
});

test("binary data renamed .csv is named as such, without echoing its bytes", async () => {
  const bytes = Buffer.from([
    0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x3e, 0x00, 0x41, 0x42, 0x2c, 0x43,
  ]);
  const msg = await tablesError(file("program.csv", bytes));
  expect(msg).toBe(
    "program.csv is not a text file (it holds binary data): KAP reads .xlsx workbooks and .csv, .txt or .tsv text exports."
  );
});

test("a line wider than Excel's 16,384 columns (a file that is not a table) is refused in one sentence, in little memory", async () => {
  // 200,000 fields on one line: before, a table of values per column took some 10 GB
  const msg = await tablesError(
    file("one-line.csv", Array.from({ length: 200_000 }, (_, i) => `f${i}`).join(","))
  );
  expect(msg).toBe(
    "one-line.csv: row 1 has more than 16,384 fields, Excel's column limit: check it is a table export and its delimiter."
  );
});

test("an .xlsx workbook saved under a .csv name is told to be renamed", async () => {
  const zip = Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(40)]);
  expect(await tablesError(file("orders.csv", zip))).toBe(
    "orders.csv is an Excel workbook (.xlsx) with a text-file name: rename it to .xlsx, or save it from Excel as CSV."
  );
});

test("UTF-16 text (with its BOM, full of NUL bytes) is still read as text", async () => {
  const p = file(
    "u16.txt",
    Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from("Customer ID\tOrder Date\nA\t2026-01-01\n", "utf16le"),
    ])
  );
  const [t] = await fileSource(p).tables();
  expect(t.peek.values[0]).toEqual(["Customer ID", "Order Date"]);
});

test("UTF-16 text without a BOM (little- or big-endian, emoji ids and all) is read as text, not called binary", async () => {
  const text =
    "Customer ID,Order Date,Invoice No\nA,2026-01-01,\u{1F600}\u{1F600}7\nĀ,2026-01-02,\u4e00\n";
  const le = Buffer.from(text, "utf16le");
  for (const [name, bytes, read] of [
    ["le.csv", le, "UTF-16 LE, comma-delimited"],
    ["be.csv", Buffer.from(le).swap16(), "UTF-16 BE, comma-delimited"],
  ] as const) {
    const source = fileSource(file(name, bytes));
    const [t] = await source.tables();
    expect(t.peek.values).toEqual([
      ["Customer ID", "Order Date", "Invoice No"],
      ["A", "2026-01-01", "\u{1F600}\u{1F600}7"],
      ["Ā", "2026-01-02", "\u4e00"],
    ]);
    expect(source.describe()).toBe(read);
  }
  // a NUL character is never text: still binary
  const nul = Buffer.from("Customer ID,Order Date\n\u0000A,2026-01-01\n", "utf16le");
  expect(await tablesError(file("nul.csv", nul))).toMatch(/^nul\.csv is not a text file/);
});

test("--help names every option kap accepts", () => {
  for (const [name, o] of Object.entries(OPTIONS)) {
    expect(USAGE).toContain(`--${name}`);
    if ("short" in o) expect(USAGE).toContain(`-${o.short}`);
  }
});

test("a header with no rows under it says so, in one line, exit 1; with no --as-of the analysis is as of the last order date", () => {
  const header = kap(
    "analyze",
    file("header.csv", "Customer ID,Order Date,SKU,Qty,Revenue\n"),
    "--quiet"
  );
  expect(header.status).toBe(1);
  expect(header.stderr).toBe(
    `No order lines in ${join(dir, "header.csv")}: it has a header row but no rows under it.\n`
  );
  // Two orders, the last on 15/03/2025: without --as-of the summary is as of that day (RULES.md §2), not today.
  const old = kap(
    "analyze",
    file(
      "old.csv",
      "Customer ID,Order Date,SKU,Qty,Revenue\nA1,2025-01-10,X,1,10\nA1,2025-03-15,X,2,20\n"
    ),
    "--quiet"
  );
  expect(old.status).toBe(0);
  expect(old.stdout.split("\n")[0]).toBe("KAP analysis as of 2025-03-15 (the last order date)");
});

test("output piped into a reader that stops early (| head -1) ends quietly: no stack trace, exit 0", () => {
  const rows = Array.from(
    { length: 3000 },
    (_, i) => `A${i},2026-01-${String((i % 28) + 1).padStart(2, "0")},X,1,10`
  );
  const csv = file("many.csv", `Customer ID,Order Date,SKU,Qty,Revenue\n${rows.join("\n")}\n`);
  const r = spawnSync(
    "bash",
    [
      "-c",
      `"${process.execPath}" -r tsx/cjs "${MAIN}" analyze "${csv}" --quiet | head -1; echo "status \${PIPESTATUS[0]}"`,
    ],
    { encoding: "utf8", timeout: 120_000 }
  );
  expect(r.stdout).toBe("KAP analysis as of 2026-01-28 (the last order date)\nstatus 0\n");
  expect(r.stderr).toBe("");
});

test("the summary shows every score with two decimals (3.00, not 3) and e-mail account IDs whole", () => {
  const csv = file(
    "shop.csv",
    [
      "Customer ID,Order Date,SKU,Qty,Revenue",
      "buyer@northfield-builders.co.uk,2026-10-02,GL-1,20,200",
      "buyer@northfield-builders.co.uk,2026-10-02,CT-1,10,100",
      "R2,2026-06-03,CT-1,10,100",
      "R2,2026-09-15,CC-1,5,50",
    ].join("\n")
  );
  const r = kap("analyze", csv, "--as-of", "2026-10-31", "--quiet");
  expect(r.status).toBe(0);
  const lines = r.stdout.split("\n");
  const table = lines
    .slice(lines.findIndex((l) => l.startsWith("Account ")) + 1)
    .filter((l) => l.trim());
  expect(table).toHaveLength(2);
  expect(table[0].startsWith("buyer@northfield-builders.co.uk ")).toBe(true);
  for (const row of table) expect(row).toMatch(/ [1-5]\.\d\d (Healthy|Stable|At Risk|Critical) /);
});

test("an option given twice is refused in one line, not silently the last one (tester: --account A --account B)", () => {
  const r = kap(
    "sheets",
    "assets/sample-workbook.xlsx",
    "--account",
    "C0204",
    "--account",
    "C0001",
    "--out",
    join(dir, "x.xlsx")
  );
  expect(r.status).toBe(1);
  expect(r.stderr).toBe("--account is given twice: C0204 and C0001. Give it once.\n");
});
