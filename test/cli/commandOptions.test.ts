/**
 * Which options each command reads: one it does not read, or two that contradict each other, are
 * refused in one line before the file is read, never silently ignored.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run, USAGE } from "../../src/cli/main";
import { refused } from "./refused";

const dir = mkdtempSync(join(tmpdir(), "kap-opts-"));
// Never read: every case below is refused before the file is opened.
const orders = join(dir, "orders.csv");
writeFileSync(orders, "Customer ID,Order Date,SKU,Qty,Revenue\nA1,2026-10-01,X,1,10\n");
const folder = join(dir, "pack");
mkdirSync(folder);

test("--account and --all-top together are refused, not --account silently dropped", async () => {
  expect(await refused(["qbr", orders, "--account", "A1", "--all-top", "2", "--out", folder])).toBe(
    "kap qbr takes --account ID (one QBR workbook) or --all-top N (one per account, into a folder), not both."
  );
});

test.each([
  [
    ["analyze", orders, "--out", join(dir, "x.xlsx")],
    "kap analyze does not take --out: it prints the analysis (--json for all of it); kap sheets or kap qbr write a workbook.",
  ],
  [
    ["analyze", orders, "--account", "A1"],
    "kap analyze does not take --account: it prints every account; kap sheets or kap qbr take one.",
  ],
  [
    ["initiatives", orders, "--out", join(dir, "p.xlsx")],
    "kap initiatives takes --out only with --propose (the proposed initiatives written to a file).",
  ],
  [
    ["sheets", orders, "--account", "A1", "--quarter", "2026Q3", "--out", join(dir, "s.xlsx")],
    "kap sheets does not take --quarter (kap --help lists each command's options).",
  ],
  [
    ["demo", "--sheet", "Orders", "--out", join(dir, "demo")],
    "kap demo does not take --sheet (kap --help lists each command's options).",
  ],
])("an option the command does not read is refused, not ignored: %p", async (args, message) => {
  expect(await refused(args)).toBe(message);
});

test("--discount 10 (meant as 10%) is refused with the fraction to write, not read as 1,000% a year", async () => {
  expect(await refused(["clv", orders, "--discount", "10"])).toBe(
    "--discount 10 would be 1000% a year: give the yearly rate as a fraction, e.g. 0.10 for 10%."
  );
  expect(await refused(["clv", orders, "--discount", "ten"])).toBe(
    "--discount must be a yearly rate as a fraction, e.g. 0.10 for 10%."
  );
});

test("--quarter that is not a quarter is refused before the file is read (was after the whole analysis)", async () => {
  // the file does not exist: a check after reading would say "no such file" instead
  const missing = join(dir, "missing.csv");
  expect(
    await refused([
      "qbr",
      missing,
      "--account",
      "A1",
      "--quarter",
      "Q9",
      "--out",
      join(dir, "q.xlsx"),
    ])
  ).toBe('"Q9" is not a quarter: use e.g. 2026Q3 or FY2026 Q3.');
});

test("kap help (the word, as many tools take it) prints the usage like kap --help, status 0", async () => {
  const written: string[] = [];
  const spy = jest
    .spyOn(process.stdout, "write")
    .mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
  try {
    expect(await run(["help"])).toBe(0);
  } finally {
    spy.mockRestore();
  }
  expect(written.join("")).toBe(`${USAGE}\n`);
});

test.each(["xx-XX", "zz"])(
  "--culture %p, well formed but no culture there is, is refused before the file is read (was taken silently and acted as none)",
  async (culture) => {
    // the file does not exist: a check after reading would say "no such file" instead
    expect(await refused(["analyze", join(dir, "missing.csv"), "--culture", culture])).toBe(
      `--culture "${culture}" is not a culture Intl knows (Node's list of languages and regions): use e.g. en-GB, en-US or de-DE.`
    );
  }
);

test.each([
  ["en-XX", "XX"],
  ["de-ZZ", "ZZ"],
  ["fr_QQ", "QQ"],
])(
  "--culture %p, a known language with a region there is not, is refused before the file is read (Intl fell back to the language, silently)",
  async (culture, region) => {
    // the file does not exist: a check after reading would say "no such file" instead
    expect(await refused(["analyze", join(dir, "missing.csv"), "--culture", culture])).toBe(
      `--culture "${culture}" is not a culture Intl knows ("${region}" is no region in Node's list of regions): use e.g. en-GB, en-US or de-DE.`
    );
  }
);

test.each(["en-US", "de-DE", "fr-CH", "en-GB", "de", "es-419", "sr-Latn-RS", "de_DE"])(
  "--culture %p is a culture: not refused",
  async (culture) => {
    // the file does not exist: passing the option check, kap goes on to say so
    const missing = join(dir, "missing.csv");
    await expect(run(["analyze", missing, "--culture", culture])).rejects.toThrow(/missing\.csv/);
  }
);

test.each([
  "Q3 2026",
  "2026 Q3",
  "q3-2026",
  "Q3/2026",
  "2026Q3",
  "2026-Q3",
  "FY2026 Q3",
  "Q3 FY26",
  "FY26 Q3",
])(
  "--quarter %p is a quarter: not refused (quarter first was 'not a quarter')",
  async (quarter) => {
    // the file does not exist: passing the option check, kap goes on to say so
    const missing = join(dir, "missing.csv");
    await expect(
      run(["qbr", missing, "--account", "A1", "--quarter", quarter, "--out", join(dir, "q.xlsx")])
    ).rejects.toThrow(/missing\.csv/);
  }
);

test.each(["Q5 2026", "2026Q0"])("--quarter %p is still not a quarter", async (quarter) => {
  expect(
    await refused([
      "qbr",
      orders,
      "--account",
      "A1",
      "--quarter",
      quarter,
      "--out",
      join(dir, "q.xlsx"),
    ])
  ).toBe(`"${quarter}" is not a quarter: use e.g. 2026Q3 or FY2026 Q3.`);
});

test.each([
  [
    ["analyze", orders, "--as-of", "2026-01-31", "--as-of", "2026-06-30"],
    "--as-of is given twice: 2026-01-31 and 2026-06-30. Give it once.",
  ],
  [
    ["sheets", orders, "--account", "A1", "--out", "a.xlsx", "--out=b.xlsx"],
    "--out is given twice: a.xlsx and b.xlsx. Give it once.",
  ],
  [
    ["analyze", orders, "--culture", "de-DE", "--culture", "en-US", "--culture", "de-DE"],
    "--culture is given 3 times: de-DE, en-US and de-DE. Give it once.",
  ],
])(
  "a valued option given more than once is refused, naming the values: %p",
  async (args, message) => {
    expect(await refused(args)).toBe(message);
  }
);

test.each([
  ["--json", "--json"],
  ["-q", "--quiet"],
])("a flag given twice (%p %p) is harmless: not refused", async (a, b) => {
  // the file does not exist: passing the option check, kap goes on to say so
  await expect(run(["analyze", join(dir, "missing.csv"), a, b])).rejects.toThrow(/missing\.csv/);
});

/** `kap analyze orders.csv …args --json`, run in process: the as-of date it analysed. */
async function asOfOf(args: string[]): Promise<string> {
  const written: string[] = [];
  const spy = jest
    .spyOn(process.stdout, "write")
    .mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
  try {
    expect(await run(["analyze", orders, ...args, "--json", "--quiet"])).toBe(0);
  } finally {
    spy.mockRestore();
  }
  return (JSON.parse(written.join("")) as { asOf: string }).asOf;
}

test.each([
  // FY2026 starting in April runs Apr 2025 – Mar 2026: its Q3 is Oct–Dec 2025, ending 31 Dec 2025
  [["--as-of", "Q3 FY26", "--fiscal-start", "4"], "2025-12-31"],
  [["--fiscal-start", "4", "--as-of", "FY26 Q3"], "2025-12-31"],
  // starting in July: FY2026 is Jul 2025 – Jun 2026, Q3 Jan–Mar 2026
  [["--as-of", "FY2026 Q3", "--fiscal-start", "7"], "2026-03-31"],
  // a calendar quarter, no FY: Jul–Sep 2026
  [["--as-of", "Q3 2026"], "2026-09-30"],
  [["--as-of", "2026-10-15"], "2026-10-15"],
])("--as-of %p is the quarter's last day (was 'not a date'): %s", async (args, asOf) => {
  expect(await asOfOf(args)).toBe(asOf);
});

test.each(["Q3 FY26", "FY26 Q3", "FY2026 Q3"])(
  "--as-of %p with no --fiscal-start is refused, saying what is missing (FY26 Q3 ends on a day only the fiscal year's start settles)",
  async (asOf) => {
    expect(await refused(["analyze", join(dir, "missing.csv"), "--as-of", asOf])).toBe(
      `--as-of "${asOf}" is a fiscal quarter, and when your fiscal year starts is not known: add --fiscal-start MONTH (1–12, e.g. 4 for April), or give the day as YYYY-MM-DD.`
    );
  }
);

test("--as-of that is neither a date nor a quarter is refused, naming both spellings", async () => {
  expect(await refused(["analyze", join(dir, "missing.csv"), "--as-of", "Q9 FY26"])).toBe(
    '--as-of "Q9 FY26" is not a date: use YYYY-MM-DD, or a quarter (Q3 2026; Q3 FY26 with --fiscal-start) for its last day.'
  );
});

test.each(["0", "2.5", "ten"])(
  "--all-top %s is refused saying what it takes (was 'needs a whole number of accounts' for 0 too)",
  async (n) => {
    expect(await refused(["qbr", orders, "--all-top", n, "--out", folder])).toBe(
      `--all-top "${n}" is not a number of accounts: give a whole number, 1 or more, e.g. --all-top 10.`
    );
  }
);

test("kap --help says which quarter a QBR covers when --quarter is left out", () => {
  expect(USAGE).toMatch(
    /--quarter Q {10}the QBR's quarter: 2026Q3, Q3 2026 or FY2026 Q3 \(default: the last quarter\n {23}complete at the as-of date\)/
  );
});
