/**
 * The Nordic krona's "kr" after or before an amount ("1 249,50 kr", a Fortnox export) made every
 * amount unreadable and the file was refused as "unreadable revenue". "kr" is Swedish, Norwegian,
 * Danish or Icelandic alike, so it is read as money that names no currency: the culture's region
 * names it (sv-SE → SEK), as for figures without a symbol.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseNumberText } from "../../src/ingest/numbers";
import { buildCli } from "../cli/kapProcess";

jest.setTimeout(120_000);

const KAP = resolve(__dirname, "../../bin/kap.js");

describe('"kr" beside an amount', () => {
  it("is read as the amount, naming no currency", () => {
    // worked by hand: narrow no-break space groups thousands, U+2212 is a minus
    expect(parseNumberText("1\u202f249,50 kr", ",")).toEqual({ value: 1249.5 });
    expect(parseNumberText("\u22121\u202f120,00 kr", ",")).toEqual({ value: -1120 });
    expect(parseNumberText("kr 45,00", ",")).toEqual({ value: 45 });
    expect(parseNumberText("12 kr.", ",")).toEqual({ value: 12 });
    // letters that only end in kr are no amount
    expect(parseNumberText("12 Okr", ",")).toBeUndefined();
  });

  it("kap analyze reads a Swedish export, in SEK with --culture sv-SE", () => {
    buildCli();
    const dir = mkdtempSync(join(tmpdir(), "kap-kr-"));
    const file = join(dir, "se.csv");
    writeFileSync(
      file,
      "\ufeffInvoice Date;Invoice No;Customer No;Customer;Qty;Amount\n" +
        "2025-12-03;10451;1042;Öresund Bygg AB;5;1\u202f249,50 kr\n" +
        "2026-05-20;10622;1042;Öresund Bygg AB;200;3\u202f400,00 kr\n" +
        "2026-10-14;10790;1042;Öresund Bygg AB;10;2\u202f499,00 kr\n" +
        "2026-10-21;10801;1077;Skånska Rör & VVS;40;\u22121\u202f120,00 kr\n" +
        "2026-08-02;10701;1077;Skånska Rör & VVS;100;2\u202f800,00 kr\n"
    );
    const run = spawnSync(
      process.execPath,
      [KAP, "analyze", file, "--as-of", "2026-10-31", "--culture", "sv-SE", "--json", "-q"],
      { encoding: "utf8" }
    );
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.portfolio.currencies).toEqual(["SEK"]);
    // worked by hand: 1042 1,249.50 + 3,400 + 2,499 = 7,148.50; 1077 2,800 − 1,120 = 1,680
    const got: Record<string, number> = {};
    for (const a of out.portfolio.accounts as { accountId: string; revenueLast12: number }[])
      got[a.accountId] = a.revenueLast12;
    expect(got).toEqual({ "1042": 7148.5, "1077": 1680 });
  });
});
