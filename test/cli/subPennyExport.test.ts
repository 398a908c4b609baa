/**
 * A German ERP export of small parts priced below a cent (`0,035 €` a cable tie): `kap analyze`
 * totals the lines exactly and rounds the written figure once. By hand:
 * - D-2001: 30 orders of 1 × 0,035 € = 30 × 0,035 = 1,05 € (a cent per line first: 30 × 0,04 = 1,20 €);
 * - D-2002: 7 orders of 1 × 0,125 € = 0,875 € → 0,88 € (a cent per line first: 7 × 0,13 = 0,91 €).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildCli, kap } from "./kapProcess";

jest.setTimeout(120_000);

beforeAll(() => buildCli());

function germanExport(): string {
  const rows = ["Kundennr;Kunde;Belegdatum;Belegnr;Artikel;Warengruppe;Menge;Einzelpreis"];
  for (let i = 0; i < 30; i++)
    rows.push(
      `D-2001;Elektro Lenz GmbH;${String(1 + (i % 28)).padStart(2, "0")}.09.2026;B-${100 + i};KB-100;Kabelbinder;1;0,035 €`
    );
  for (let i = 0; i < 7; i++)
    rows.push(
      `D-2002;Haustechnik Roth KG;${String(1 + i).padStart(2, "0")}.10.2026;B-${200 + i};US-8;Unterlegscheiben;1;0,125 €`
    );
  const file = join(mkdtempSync(join(tmpdir(), "kap-subcent-")), "belege.csv");
  writeFileSync(file, rows.join("\n") + "\n", "utf8");
  return file;
}

test("sub-cent unit prices: D-2001 1,05 €, D-2002 0,88 € over the last 12 months, and 1,93 € in all", () => {
  const r = kap("analyze", germanExport(), "--json", "--as-of", "2026-10-31");
  expect(r.status).toBe(0);
  const j = JSON.parse(r.stdout) as {
    ingest: { revenue: number };
    portfolio: { accounts: { accountId: string; revenueLast12: number; ordersLast12: number }[] };
  };
  const byId = Object.fromEntries(j.portfolio.accounts.map((a) => [a.accountId, a]));
  expect(byId["D-2001"].revenueLast12).toBe(1.05);
  expect(byId["D-2001"].ordersLast12).toBe(30);
  expect(byId["D-2002"].revenueLast12).toBe(0.88);
  expect(byId["D-2002"].ordersLast12).toBe(7);
  // 1,05 + 0,875 = 1,925 → 1,93 €
  expect(j.ingest.revenue).toBe(1.93);
});
