/**
 * Issue 15 item 6, the CLI: two-decimal scores, ISO dates and currency codes in --json (no Excel
 * serial anywhere), every option in --help, unknown commands and options refused in one line,
 * `kap` alone prints the usage on stderr with status 2, mapping advice in the CLI's own words,
 * alerts never cut mid-word.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { cutAtWord, isDateKey, jsonReplacer, jsonReplacerFor } from "../../src/cli/report";
import { OPTIONS, USAGE } from "../../src/cli/main";

jest.setTimeout(180_000);

const KAP = resolve(__dirname, "../../bin/kap.js");
const SAMPLE = resolve(__dirname, "../../assets/sample-workbook.xlsx");
const INVOICES = resolve(__dirname, "../fixtures/exports/invoice-level-totals.csv");
const kap = (...args: string[]) =>
  spawnSync(process.execPath, [KAP, ...args], {
    encoding: "utf8",
    timeout: 180_000,
    maxBuffer: 1 << 28,
  });

beforeAll(() => {
  execFileSync(process.execPath, [resolve(__dirname, "../../scripts/build-cli.mjs")]);
});

describe("usage and errors", () => {
  test("kap with no arguments: the usage on stderr, nothing on stdout, status 2", () => {
    const r = kap();
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`${USAGE}\n`);
  });

  test("kap --help: the usage on stdout, status 0, naming every option the parser accepts", () => {
    const r = kap("--help");
    expect(r.status).toBe(0);
    for (const [name, o] of Object.entries(OPTIONS)) {
      expect(r.stdout).toContain(`--${name}`);
      if ("short" in o) expect(r.stdout).toContain(`-${o.short}`);
    }
  });

  test.each([
    [
      ["frobnicate", "x.csv"],
      'Unknown command "frobnicate": kap knows analyze, sheets, qbr, clv, initiatives, demo (kap --help for the options).',
    ],
    [["analyze", INVOICES, "--frob"], "Unknown option '--frob'. kap --help lists the options."],
    // a file whose name starts with "-" is read as options (-d, -a, …; -q.csv trips on "-."):
    // how to name it instead
    [
      ["analyze", "-dash.csv"],
      '"-dash.csv" starts with "-", so it was read as options: to read the file, write it as ./-dash.csv.',
    ],
    [
      ["analyze", "-q.csv"],
      '"-q.csv" starts with "-", so it was read as options: to read the file, write it as ./-q.csv.',
    ],
    [
      ["analyze", INVOICES, "--as-of"],
      "Option '--as-of <value>' argument missing. kap --help lists the options.",
    ],
  ])("%p is an error: status 1, one line on stderr", (args, line) => {
    const r = kap(...args);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`${line}\n`);
  });

  test("a missing column is explained in the CLI's words, never the task pane's", () => {
    const dir = mkdtempSync(join(tmpdir(), "kap-map-"));
    const p = join(dir, "nodate.csv");
    writeFileSync(p, "Customer,SKU,Qty,Revenue\nA,S1,1,10\n");
    const r = kap("analyze", p);
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/task pane/i);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/kap takes the headers as they are: rename .* in the file/);
  });
});

describe("--json", () => {
  let json: string;
  let j: Record<string, unknown>;
  beforeAll(() => {
    const r = kap("analyze", SAMPLE, "--json", "-q");
    expect(r.status).toBe(0);
    json = r.stdout;
    j = JSON.parse(json);
  });

  /** Every [key, value] pair in the JSON, at any depth. */
  function* members(v: unknown, key = ""): Generator<[string, unknown]> {
    yield [key, v];
    if (Array.isArray(v)) for (const x of v) yield* members(x, key);
    else if (v && typeof v === "object")
      for (const [k, x] of Object.entries(v)) yield* members(x, k);
  }

  test("dates are YYYY-MM-DD: every date member, and the as-of date is the sample's last order (2026-10-31)", () => {
    expect(j.asOf).toBe("2026-10-31");
    let dates = 0;
    for (const [k, v] of members(j)) {
      if (!isDateKey(k) || v === null || typeof v === "object") continue;
      expect([k, v]).toEqual([k, expect.stringMatching(/^\d{4}-\d\d-\d\d$/)]);
      dates++;
    }
    expect(dates).toBeGreaterThan(1000);
    expect((j.portfolio as { asOf: string }).asOf).toBe("2026-10-31");
  });

  test("every member the analysis types as a serial date is written as a date (scanned from the sources)", () => {
    const names = new Set<string>();
    const walk = (d: string): void => {
      for (const f of readdirSync(d)) {
        const p = join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith(".ts"))
          for (const m of readFileSync(p, "utf8").matchAll(
            // members, not a function's parameters ("first: Serial | null," in a signature)
            /^\s+(?:readonly )?([a-zA-Z]+)\??: Serial\b[^,\n]*$/gm
          ))
            names.add(m[1]);
      }
    };
    for (const d of ["domain", "ingest", "engine"]) walk(resolve(__dirname, "../../src", d));
    expect(names.size).toBeGreaterThan(10);
    for (const n of names) expect([n, isDateKey(n)]).toEqual([n, true]);
  });

  test("a member named like a date is a date: money is never written as one (expectedToDate, £3,032.88, was 1908-04-19)", () => {
    // The sample's dates run from 2021 (customers since) to 2027 (initiatives' ends): a date before
    // 2000 is a number that is not a day, read as one because of its name.
    for (const [k, v] of members(j))
      if (typeof v === "string" && /^\d{4}-\d\d-\d\d$/.test(v))
        expect([k, v >= "2000-01-01"]).toEqual([k, true]);
    // C0204's "Grow Lighting share": target £9,000 from 2026-07-01 to 2027-06-30 (365 days), 123
    // of them run by 2026-10-31 (Jul 31 + Aug 31 + Sep 30 + Oct 31), so 9,000 × 123 / 365 = £3,032.88 due by now.
    const lighting = (j.portfolio as { initiatives: Record<string, unknown>[] }).initiatives.find(
      (i) => i.account === "C0204" && i.initiative === "Grow Lighting share"
    )!;
    expect(lighting.expectedByNow).toBeCloseTo(3032.88, 2);
  });

  test("scores carry at most two decimals", () => {
    let scores = 0;
    for (const [k, v] of members(j)) {
      if ((k === "score" || k === "averageHealth") && typeof v === "number") {
        expect(Math.abs(v * 100 - Math.round(v * 100))).toBeLessThan(1e-9);
        scores++;
      }
    }
    expect(scores).toBeGreaterThan(300);
  });

  test("currencies are ISO 4217 codes; money whose lines name none is in the currency its revenue column's format names (£: GBP), never '' nor 'XXX'", () => {
    for (const [k, v] of members(j)) {
      if (k === "currency") expect(v).toMatch(/^[A-Z]{3}$/);
      if (k === "currencies" && Array.isArray(v))
        for (const c of v) expect(c).toMatch(/^[A-Z]{3}$/);
    }
    const d = (j.portfolio as { dashboard: { annualRevenue: Record<string, number> } }).dashboard;
    expect(Object.keys(d.annualRevenue)).toEqual(["GBP"]);
    expect(json).not.toContain("XXX");
    expect(json).not.toContain('"":');
  });

  test("the replacer: a serial under a date key is its ISO date; 46203 is 2026-06-30 (Excel: DATE(2026,6,30))", () => {
    expect(jsonReplacer("lastOrderDate", 46203)).toBe("2026-06-30");
    expect(jsonReplacer("asOf", 45658)).toBe("2025-01-01");
    expect(jsonReplacer("revenueLast12", 46203)).toBe(46203);
    expect(jsonReplacer("score", 4.154999)).toBe(4.15);
    // no currency known for money that names none: null as a value, ISO's "no currency" as a key
    expect(jsonReplacer("currency", "")).toBeNull();
    expect(jsonReplacer("annualRevenue", { "": 7850 })).toEqual({ XXX: 7850 });
    // one the data names (a format, totals rows, the culture): that code
    expect(jsonReplacerFor("USD")("currency", "")).toBe("USD");
    expect(jsonReplacerFor("USD")("annualRevenue", { "": 7850 })).toEqual({ USD: 7850 });
  });
});

describe("text", () => {
  test("scores with two decimals; alerts cut at a word, never inside one", () => {
    const r = kap("analyze", SAMPLE, "-q");
    expect(r.status).toBe(0);
    const rows = r.stdout.split("\n").filter((l) => /^C\d{4} /.test(l));
    expect(rows.length).toBe(300); // 285 accounts managed + 15 sites rolled into their parents
    const full = JSON.parse(kap("analyze", SAMPLE, "--json", "-q").stdout) as {
      portfolio: { accounts: { key: string; alerts: { severity: string; message: string }[] }[] };
    };
    const alertsOf = new Map(
      full.portfolio.accounts.map((a) => [
        a.key,
        a.alerts
          .filter((x) => x.severity !== "Opportunity")
          .map((x) => x.message)
          .join(" "),
      ])
    );
    let cut = 0;
    for (const row of rows) {
      // "C0204  Warren Facilities  4.15 Healthy …": the score is n.nn
      expect(row.slice(44, 49)).toMatch(/^ ?\d\.\d\d$|^  n\/a$/);
      const id = row.slice(0, 12).trim();
      const whole = alertsOf.get(id)!;
      const shown = row.slice(row.indexOf("£") + 1).replace(/^[\d,]+  /, "");
      if (shown.endsWith("…")) {
        cut++;
        const kept = shown.slice(0, -1);
        expect(whole.startsWith(kept)).toBe(true);
        // the next character of the whole text after what is kept ends a word
        expect(whole.slice(kept.length)).toMatch(/^[\s,;:.–—-]/);
      } else expect(shown).toBe(whole);
    }
    expect(cut).toBeGreaterThan(10);
  });

  test("cutAtWord: whole words and an ellipsis within the width", () => {
    const t =
      "Last order £202.16 is 32% of the 12-month average order £635.82. 1 return in the last 30 days";
    expect(cutAtWord(t, 80)).toBe(
      "Last order £202.16 is 32% of the 12-month average order £635.82. 1 return in…"
    );
    expect(cutAtWord("short", 80)).toBe("short");
    expect(cutAtWord("x".repeat(90), 80)).toBe(`${"x".repeat(79)}…`);
    for (const n of [10, 25, 40, 79]) expect(cutAtWord(t, n).length).toBeLessThanOrEqual(n);
  });
});
