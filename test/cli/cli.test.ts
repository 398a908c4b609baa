/** The `kap` command end to end on a generated workbook: output, files, and one-line errors with exit status 1. */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { smallWorkbook } from "../sample/fixture";
import { writeSampleWorkbook } from "../sample/generate";
import { buildCli, kap, KAP } from "./kapProcess";

// Each test runs the real CLI as a child process: on a loaded machine that takes a while.
jest.setTimeout(120_000);

let wb: Awaited<ReturnType<typeof smallWorkbook>>;
beforeAll(async () => {
  // bin/kap.js runs the bundle: build it from the source under test.
  buildCli();
  wb = await smallWorkbook();
});

test("npx kap works from a clone (the package's own bin)", () => {
  const r = spawnSync("npx", ["--no-install", "kap", "--help"], {
    cwd: resolve(__dirname, "../.."),
    encoding: "utf8",
    timeout: 120_000,
  });
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/usage:\n\s+kap analyze/);
});

test("kap analyze prints a summary of every account", () => {
  const r = kap("analyze", wb.path, "--as-of", "2026-10-31");
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/KAP analysis as of 2026-10-31/);
  const lines = wb.data.orders.length - 1;
  expect(r.stdout).toContain(`Order lines: ${lines.toLocaleString("en-GB")}`);
  for (const row of wb.data.accounts.slice(1, 4)) expect(r.stdout).toContain(String(row[0]));
});

test("kap analyze --json gives the whole analysis", () => {
  const r = kap("analyze", wb.path, "--as-of", "2026-10-31", "--json");
  expect(r.status).toBe(0);
  const j = JSON.parse(r.stdout);
  expect(j.asOf).toBe("2026-10-31");
  expect(j.portfolio.accounts.length).toBeGreaterThanOrEqual(12);
  expect(j.ingest.accepted).toBe(wb.data.orders.length - 1);
});

test("a large --json result piped to a slow reader arrives whole (nothing lost past 65,536 bytes), with nothing on stderr", () => {
  // 300 accounts, 4 order lines each
  const rows = ["Order Date,Customer ID,SKU,Qty,Revenue"];
  for (let a = 1; a <= 300; a++)
    for (let m = 1; m <= 4; m++)
      rows.push(`2026-0${m + 4}-1${m},A${a},S${(a + m) % 7},${m},${a * 10 + m}`);
  const csv = join(wb.dir, "many.csv");
  writeFileSync(csv, rows.join("\n"));
  const out = join(wb.dir, "many.json");
  const r = spawnSync(
    "sh",
    [
      "-c",
      `"${process.execPath}" "${KAP}" analyze "${csv}" --as-of 2026-10-31 --json | (sleep 2; cat > "${out}")`,
    ],
    { encoding: "utf8", timeout: 120_000 }
  );
  expect(r.status).toBe(0);
  expect(r.stderr).toBe("");
  const text = readFileSync(out, "utf8");
  expect(text.length).toBeGreaterThan(4 * 65_536);
  const j = JSON.parse(text);
  expect(j.portfolio.accounts).toHaveLength(300);
  expect(j.ingest.accepted).toBe(1200);
  expect(j.file).toEqual({ name: "many.csv", read: "UTF-8, comma-delimited" });
});

test("the .xlsx writer (ExcelJS) is read only by a command that writes a workbook", () => {
  // a preload that says, at exit, whether the process loaded the writer's bundle
  const hook = join(wb.dir, "loaded.js");
  writeFileSync(
    hook,
    `process.on("exit", () => process.stderr.write("WRITER " + Object.keys(require.cache).some((f) => f.endsWith("xlsxWriter.js")) + "\\n"));`
  );
  const writer = (...args: string[]) => {
    const r = spawnSync(process.execPath, ["-r", hook, KAP, ...args], { encoding: "utf8" });
    expect(r.status).toBe(0);
    return /WRITER (\w+)/.exec(r.stderr)?.[1];
  };
  expect(writer("--help")).toBe("false");
  expect(writer("analyze", wb.path, "--as-of", "2026-10-31", "--json")).toBe("false");
  const out = join(wb.dir, "writer.xlsx");
  const id = String(wb.data.accounts[1][0]);
  expect(writer("sheets", wb.path, "--account", id, "--out", out)).toBe("true");
  expect(existsSync(out)).toBe(true);
});

test("kap sheets and kap qbr write workbooks with the expected sheets", async () => {
  const id = String(wb.data.accounts[1][0]);
  const out = join(wb.dir, "sheets.xlsx");
  expect(
    kap("sheets", wb.path, "--account", id, "--out", out, "--as-of", "2026-10-31").status
  ).toBe(0);
  const x = new ExcelJS.Workbook();
  await x.xlsx.readFile(out);
  expect(x.worksheets.map((w) => w.name)).toEqual([
    "KAP Account Health",
    "KAP Dashboard",
    "KAP Alerts",
    "KAP Whitespace Map",
    `KAP Health Report – ${id}`,
    `KAP Breakdown – ${id}`,
    `KAP Cross-Sell – ${id}`,
    `KAP Plan – ${id}`,
    `KAP Relationships – ${id}`,
    `KAP 5P – ${id}`,
  ]);
  const qbr = join(wb.dir, "qbr.xlsx");
  expect(
    kap(
      "qbr",
      wb.path,
      "--account",
      id,
      "--quarter",
      "2026Q3",
      "--out",
      qbr,
      "--as-of",
      "2026-10-31"
    ).status
  ).toBe(0);
  expect(existsSync(qbr)).toBe(true);
  const pack = kap(
    "qbr",
    wb.path,
    "--all-top",
    "3",
    "--out",
    join(wb.dir, "pack"),
    "--as-of",
    "2026-10-31"
  );
  expect(pack.status).toBe(0);
  expect(pack.stdout).toMatch(/Wrote 3 QBR workbooks/);
});

test.each([
  [["analyze", "/no/such/file.xlsx"], /^\/no\/such\/file.xlsx: no such file.\n$/],
  [["analyze", "WRONG_EXT"], /KAP reads .xlsx and .csv files|no such file/],
  [["analyze"], /needs a file/],
  [["frobnicate", "x"], /Unknown command "frobnicate"/],
  [
    ["analyze", "My", "Orders.csv"],
    /^kap analyze reads one file, but was given 2: "My", "Orders.csv". Put a file name with spaces in quotes: kap analyze "My Orders.csv".\n$/,
  ],
  // kap's words only: not Node's hint about positionals after '--' (with its unbalanced quote)
  // … on one line (issue 15 item 6): where the options are listed, not the whole usage
  [
    ["analyze", "SAMPLE", "--bogus"],
    /^Unknown option '--bogus'\. kap --help lists the options\.\n$/,
  ],
  [
    ["analyze", "SAMPLE", "--as-of", "31/10/2026"],
    /--as-of "31\/10\/2026" is not a date: use YYYY-MM-DD./,
  ],
  [["sheets", "SAMPLE", "--out", "x.xlsx"], /needs --account ID/],
  [["qbr", "SAMPLE", "--account", "NOPE", "--out", "x.xlsx"], /No account "NOPE"/],
  [
    ["qbr", "SAMPLE", "--account", "C0001", "--quarter", "Q9", "--out", "QBR_OUT"],
    /"Q9" is not a quarter/,
  ],
  // As of 31/10/2026 the current quarter is FY2026 Q4 (Oct–Dec) and the last complete one FY2026 Q3:
  // FY2030 Q1 has no orders yet, so no QBR of zeros is written.
  [
    [
      "qbr",
      "SAMPLE",
      "--account",
      "C0001",
      "--quarter",
      "2030Q1",
      "--as-of",
      "2026-10-31",
      "--out",
      "QBR_OUT",
    ],
    /FY2030 Q1 \(Jan–Mar 2030\) starts after the analysis date, 2026-10-31: choose FY2026 Q4 or an earlier quarter \(the last complete one is FY2026 Q3\)\./,
  ],
])("bad input %p → one clear line, exit 1, no stack trace", (args, message) => {
  const real = args.map((a) =>
    a === "SAMPLE"
      ? wb.path
      : a === "QBR_OUT"
        ? join(wb.dir, "q9.xlsx")
        : a === "WRONG_EXT"
          ? join(wb.dir, "x.txt.pdf")
          : a
  );
  if (real.includes(join(wb.dir, "x.txt.pdf"))) writeFileSync(join(wb.dir, "x.txt.pdf"), "x");
  const r = kap(...real);
  expect(r.status).toBe(1);
  expect(r.stderr + r.stdout).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at /);
});

test("--sheet reads the order lines from the named sheet, and names the sheets when it is wrong", async () => {
  // Two order sheets: 2025 with one line, 2026 with two; --sheet picks which one is analysed.
  const x = new ExcelJS.Workbook();
  const header = ["Order Date", "Customer ID", "SKU", "Qty", "Line Total"];
  x.addWorksheet("Orders 2025").addRows([
    header,
    [new Date(Date.UTC(2025, 5, 1)), "A1", "S1", 1, 10],
  ]);
  x.addWorksheet("Orders 2026").addRows([
    header,
    [new Date(Date.UTC(2026, 5, 1)), "B1", "S1", 1, 10],
    [new Date(Date.UTC(2026, 6, 1)), "B2", "S2", 2, 20],
  ]);
  const p = join(wb.dir, "two.xlsx");
  await x.xlsx.writeFile(p);
  const r = kap("analyze", p, "--sheet", "orders 2026", "--as-of", "2026-10-31", "--json");
  expect(r.status).toBe(0);
  const j = JSON.parse(r.stdout);
  expect(j.ingest.accepted).toBe(2);
  expect(j.portfolio.accounts.map((a: { accountId: string }) => a.accountId).sort()).toEqual([
    "B1",
    "B2",
  ]);
  const bad = kap("analyze", p, "--sheet", "Sales");
  expect(bad.status).toBe(1);
  expect(bad.stderr).toMatch(/No sheet "Sales" in .*two.xlsx. Sheets: Orders 2025, Orders 2026./);
});

test("a CSV without order lines names what it looked for and what it found", () => {
  const p = join(wb.dir, "notes.csv");
  writeFileSync(p, "Name,Colour\nx,red\n");
  const r = kap("analyze", p);
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/No order lines were found.*notes: Name, Colour/);
});

test("names from the data that look like formulas or numbers are written as text, with the Text format", async () => {
  // '=HYPERLINK(...)', '+44 …', '-1' and '@x' as customer names: each must stay a string cell
  // with the '@' format, so neither opening the file nor editing the cell turns it into a formula or number.
  const names = ['=HYPERLINK("http://x","y")', "+44 20 7946 0958", "-1", "@x"];
  const csv = [
    "Order Date,Invoice No,Customer ID,Customer,SKU,Description,Category,Qty,Line Total",
  ];
  names.forEach((n, a) => {
    for (let m = 1; m <= 9; m++)
      csv.push(
        `2026-0${m}-1${a},INV${a}${m},C${a + 1},"${n.replace(/"/g, '""')}",SKU${m % 3},Widget,Cable Ties,2,${100 + a * 10 + m}`
      );
  });
  const file = join(wb.dir, "hostile.csv");
  writeFileSync(file, csv.join("\n"));
  const out = join(wb.dir, "hostile.xlsx");
  // as of 30/09/2026, 17 days after the last line (13/09/2026): no late-as-of warning on stderr
  const r = kap("sheets", file, "--account", "C1", "--out", out, "--as-of", "2026-09-30");
  expect(r.stderr).toBe("");
  const x = new ExcelJS.Workbook();
  await x.xlsx.readFile(out);
  const ws = x.getWorksheet("KAP Account Health")!;
  const found = new Map<string, ExcelJS.Cell>();
  ws.eachRow((row) =>
    row.eachCell((c) => {
      if (typeof c.value === "string" && names.includes(c.value)) found.set(c.value, c);
    })
  );
  expect([...found.keys()].sort()).toEqual([...names].sort());
  for (const c of found.values()) {
    expect(c.type).toBe(ExcelJS.ValueType.String);
    expect(c.numFmt).toBe("@");
  }
});

test("the sample's summary line: returns with a thousands separator, and the 15 sites beside the 285 managed accounts", () => {
  // From assets/sample-workbook.xlsx with pandas: 70,056 order lines, 1,039 with a negative line
  // total; 300 customer IDs in the orders, 15 of them with a parent account on the Accounts sheet.
  const r = kap("analyze", resolve(__dirname, "../../assets/sample-workbook.xlsx"), "--quiet");
  expect(r.status).toBe(0);
  expect(r.stdout).toContain(
    "Order lines: 70,056 (1,039 returns) · accounts: 285 (+ 15 sites rolled into their parents) · 2024-07-31 to 2026-10-31"
  );
});

describe("kap initiatives (issue 12)", () => {
  const readProposed = async (file: string) => {
    const x = new ExcelJS.Workbook();
    await x.xlsx.readFile(file);
    const ws = x.getWorksheet("KAP Proposed Initiatives")!;
    const rows: string[][] = [];
    ws.eachRow((r, n) => {
      if (n > 4) rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? "")));
    });
    return rows;
  };

  test("lists the Initiatives table's progress", () => {
    const r = kap("initiatives", wb.path, "--as-of", "2026-10-31");
    expect(r.status).toBe(0);
    const first = wb.data.initiatives[1];
    expect(r.stdout).toContain(String(first[1]).slice(0, 36));
    expect(r.stdout).toMatch(/On track|Behind/);
    // target and uplift in the account's money, as the analysis summary shows it ("£9,000", was "9,000")
    const rows = r.stdout.trim().split("\n").slice(1);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/ -?£[\d,]+ +(-?£[\d,]+|–) +(-?\d+%|–) /);
  });

  test("--propose writes the proposals the table lacks; a row added to the table is not proposed again; the input file is unchanged", async () => {
    const id = String(wb.data.accounts[1][0]);
    const outFile = join(wb.dir, "proposed.xlsx");
    const before = readFileSync(wb.path);
    const r = kap("initiatives", wb.path, "--account", id, "--propose", "--out", outFile);
    expect(r.status).toBe(0);
    const rows = await readProposed(outFile);
    expect(r.stdout).toContain(`Wrote ${rows.length} proposed initiative`);
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) {
      expect(row[0]).toBe(id);
      expect(row[9]).toBe("Proposed");
    }
    expect(readFileSync(wb.path).equals(before)).toBe(true);

    // the user copies the first proposal into their Initiatives table (as "  lower case  ")
    const edited = join(wb.dir, "with-initiative.xlsx");
    await writeSampleWorkbook(
      {
        ...wb.data,
        initiatives: [
          ...wb.data.initiatives,
          [
            id,
            `  ${rows[0][1].toLowerCase()}  `,
            null,
            null,
            null,
            1000,
            null,
            null,
            null,
            "Planned",
          ],
        ],
      },
      edited
    );
    const r2 = kap("initiatives", edited, "--account", id, "--propose", "--out", outFile);
    expect(r2.status).toBe(0);
    const again = await readProposed(outFile);
    expect(again.map((row) => row[1])).toEqual(rows.slice(1).map((row) => row[1]));
  });

  test("--propose without --out says what to give", () => {
    const r = kap("initiatives", wb.path, "--propose");
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--propose needs --out/);
  });
});

describe("kap started once more for a large input (glibc's mmap threshold fixed)", () => {
  // KAP_TUNE_MALLOC_ABOVE lowers the 256 MB the launcher starts again above; a launcher that
  // started again and again would never answer.
  const kapWith = (above: string, ...args: string[]) =>
    spawnSync(process.execPath, [KAP, ...args], {
      encoding: "utf8",
      timeout: 120_000,
      env: { ...process.env, KAP_TUNE_MALLOC_ABOVE: above },
    });

  test("answers byte for byte as kap run once", () => {
    const args = ["analyze", wb.path, "--as-of", "2026-10-31", "--json"];
    const once = kapWith(String(2 ** 40), ...args);
    const again = kapWith("1", ...args);
    expect(once.status).toBe(0);
    expect(again.status).toBe(0);
    expect(again.stdout).toBe(once.stdout);
    expect(again.stderr).toBe(once.stderr);
  });

  test("passes a bad input's one-line message and exit status on", () => {
    const again = kapWith("1", "analyze", KAP);
    const once = kapWith(String(2 ** 40), "analyze", KAP);
    expect(once.status).toBe(1);
    expect(again.status).toBe(1);
    expect(again.stderr).toBe(once.stderr);
    expect(again.stderr.trim().split("\n")).toHaveLength(1);
  });

  test("a SIGTERM sent to kap alone ends the second process too, and kap ends by it (status 143 in a shell)", async () => {
    const run = spawn(process.execPath, [KAP, "analyze", wb.path, "--as-of", "2026-10-31"], {
      stdio: "ignore",
      env: { ...process.env, KAP_TUNE_MALLOC_ABOVE: "1" },
    });
    const pid = run.pid!;
    // the second process, as soon as it exists (it needs far longer than this to answer)
    let second = 0;
    for (let tries = 0; second === 0 && tries < 1000; tries++) {
      const list = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
      if (list) second = Number(list.split(" ")[0]);
      else await new Promise((r) => setTimeout(r, 5));
    }
    expect(second).toBeGreaterThan(0);
    const ended = new Promise<[number | null, NodeJS.Signals | null]>((r) =>
      run.on("exit", (code, signal) => r([code, signal]))
    );
    process.kill(pid, "SIGTERM");
    expect(await ended).toEqual([null, "SIGTERM"]);
    // ended and reaped before kap itself ended: no process left running on its own
    expect(existsSync(`/proc/${second}`)).toBe(false);
  });
});
