/** What `kap analyze` prints: a readable summary, or the whole analysis as JSON. */
import { serialToIso } from "../domain/dates";
import { asOfPhrase, readingLines } from "../engine/assumptions";
import type { KapEngine } from "../engine/engine";

/** The whole analysis as plain data; `file` says what was read and how (encoding, delimiter). */
export function toJson(engine: KapEngine, file?: { name: string; read: string }): unknown {
  const p = engine.portfolio!;
  return {
    asOf: serialToIso(p.asOf),
    asOfSource: engine.settings?.asOf ? "set" : "last order date",
    ...(file ? { file } : {}),
    ingest: engine.report,
    sideTables: {
      accounts: engine.side.accounts.length,
      catalog: engine.side.catalog.length,
      contacts: engine.side.contacts.length,
      engagementLog: engine.side.engagement.length,
      invoices: engine.side.invoices.length,
      notes: engine.side.notes,
    },
    portfolio: p,
  };
}

/**
 * Members whose numbers are day serials in the analysis (`asOf`, `date`, `from`/`to` of a
 * window, `start`/`end` of an initiative, and every `…Date`): the JSON gives them as ISO
 * yyyy-mm-dd, like the top-level `asOf`, so a reader never has to know Excel's day count.
 */
const DATE_KEY = /^(?:asOf|date|from|to|start|end)$|Date$/;

/** Members rounded to 2 decimals in the JSON, as every sheet and summary shows them. */
const TWO_DECIMALS_KEY = /^averageHealth$/;

/** JSON.stringify's replacer for the rules above. */
function jsonValue(key: string, value: unknown): unknown {
  if (typeof value !== "number" || !Number.isFinite(value)) return value;
  if (DATE_KEY.test(key)) return serialToIso(value);
  if (TWO_DECIMALS_KEY.test(key)) return Math.round(value * 100) / 100;
  return value;
}

/**
 * JSON text of `value` in pieces, as JSON.stringify would write it (undefined members left
 * out, undefined in arrays as null, toJSON honoured), with day serials as ISO dates and
 * averages rounded (`jsonValue`): objects and arrays near the top are split member by
 * member, so a portfolio of any size is never one string. `key` is the member name of `value`.
 */
export function* jsonPieces(value: unknown, depth = 3, key = ""): Generator<string> {
  const v =
    value !== null &&
    typeof value === "object" &&
    typeof (value as { toJSON?: unknown }).toJSON === "function"
      ? (value as { toJSON(): unknown }).toJSON()
      : value;
  if (depth === 0 || v === null || typeof v !== "object") {
    yield JSON.stringify(jsonValue(key, v), jsonValue) ?? "null";
    return;
  }
  if (Array.isArray(v)) {
    yield "[";
    for (let i = 0; i < v.length; i++) {
      if (i) yield ",\n";
      const x = v[i];
      if (x === undefined || typeof x === "function" || typeof x === "symbol") yield "null";
      else yield* jsonPieces(x, depth - 1, key);
    }
    yield "]";
    return;
  }
  yield "{";
  let first = true;
  for (const [k, x] of Object.entries(v)) {
    if (x === undefined || typeof x === "function" || typeof x === "symbol") continue;
    yield `${first ? "" : ",\n"}${JSON.stringify(k)}:`;
    first = false;
    yield* jsonPieces(x, depth - 1, k);
  }
  yield "}";
}

function money(n: number, currency: string): string {
  const sym =
    currency === "EUR"
      ? "€"
      : currency === "USD"
        ? "$"
        : currency && currency !== "GBP"
          ? `${currency} `
          : "£";
  return `${n < 0 ? "-" : ""}${sym}${Math.round(Math.abs(n)).toLocaleString("en-GB")}`;
}

export function printSummary(
  engine: KapEngine,
  out: (s: string) => void,
  limit = Infinity,
  file?: string
): void {
  const p = engine.portfolio!;
  const r = engine.report!;
  const d = p.dashboard;
  out(`KAP analysis ${asOfPhrase(p.asOf, !!engine.settings?.asOf)}`);
  if (file) out(`Read: ${file}`);
  // The file line above already says how a text file was read.
  for (const line of readingLines(r))
    if (!(file && line.startsWith("Text file:"))) out(`  ${line}`);
  // The rows below (and "Read … of N accounts") count sites too: say how the two numbers meet.
  const sites = p.accounts.filter((a) => !a.isTopLevel).length;
  out(
    `Order lines: ${r.accepted.toLocaleString("en-GB")} (${r.returns.toLocaleString("en-GB")} returns) · accounts: ${d.accountsManaged.toLocaleString("en-GB")}${sites ? ` (+ ${sites.toLocaleString("en-GB")} site${sites === 1 ? "" : "s"} rolled into their parents)` : ""} · ${r.firstDate !== null ? `${serialToIso(r.firstDate)} to ${serialToIso(r.lastDate!)}` : ""}`
  );
  for (const w of [
    ...r.warnings,
    ...engine.side.notes,
    ...p.warnings,
    ...(p.currencyWarning ? [p.currencyWarning] : []),
  ])
    out(`! ${w}`);
  out(
    `Annual revenue: ${Object.entries(d.annualRevenue)
      .map(([c, v]) => money(v, c))
      .join(
        " + "
      )} · average health ${d.averageHealth === null ? "n/a" : d.averageHealth.toFixed(2)}`
  );
  out(`Bands: ${d.bands.map((b) => `${b.band} ${b.count}`).join(" · ")}`);
  out(
    `Quadrants: ${Object.entries(d.quadrants)
      .map(([q, n]) => `${q} ${n}`)
      .join(" · ")}`
  );
  out("");
  const rows = [...p.accounts].sort((a, b) => b.revenueLast12 - a.revenueLast12);
  const shown = rows.slice(0, limit);
  // The account column is as wide as the longest ID shown (e-mail addresses are IDs in shop exports), within 12–40.
  const idWidth = Math.min(40, Math.max(12, ...shown.map((a) => a.key.length)));
  const cut = (text: string, n: number) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);
  out(
    `${"Account".padEnd(idWidth)} ${"Name".padEnd(30)} ${"Score".padStart(5)} ${"Band".padEnd(9)} ${"Quadrant".padEnd(17)} ABC ${"Revenue 12m".padStart(12)}  Alerts`
  );
  for (const a of shown) {
    const alerts = a.alerts
      .filter((x) => x.severity !== "Opportunity")
      .map((x) => x.message)
      .join(" ");
    out(
      `${cut(a.key, idWidth).padEnd(idWidth)} ${cut(a.name, 30).padEnd(30)} ${(a.health.score === null ? "n/a" : a.health.score.toFixed(2)).padStart(5)} ${String(a.health.finalBand ?? "").padEnd(9)} ${a.quadrant.quadrant.padEnd(17)} ${(a.abcTier ?? "-").padEnd(3)} ${money(a.revenueLast12, a.currency).padStart(12)}  ${cut(alerts, 80)}`
    );
  }
  if (rows.length > shown.length)
    out(
      `… and ${rows.length - shown.length} more (kap analyze <file> shows all; --json for everything)`
    );
}
