/**
 * `kap` — KAP's command line over .xlsx / .csv files.
 *   kap analyze <file> [--sheet NAME] [--as-of YYYY-MM-DD] [--json]
 *   kap sheets  <file> --account ID --out out.xlsx [--as-of ...]
 *   kap qbr     <file> --account ID [--quarter 2026Q3] --out qbr.xlsx
 *   kap qbr     <file> --all-top N [--quarter 2026Q3] --out folder/
 *   kap demo    (the bundled sample → out/)
 * A bad input prints one clear line and exits with status 1; never a stack trace.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isoToSerial, serialToIso } from '../domain/dates';
import { MissingRoleError } from '../ingest/mapping';
import { isFiscalStartMonth } from '../domain/analysis/fiscal';
import { actionsOfScope } from '../engine/actions';
import { KapEngine, loadGrids } from '../engine/engine';
import { completeSettings } from '../engine/settings';
import type { KapSettings } from '../engine/settings';
import { writeXlsxFile } from '../xlsx/writeFile';
import { FileReadError, readWorkbookFile } from './workbookFile';
import { printSummary, toJson } from './report';

export class UsageError extends Error {}

const USAGE = `usage:
  kap analyze <file.xlsx|file.csv> [--sheet NAME] [--as-of YYYY-MM-DD] [--json]
  kap sheets  <file> --account ID --out out.xlsx [--as-of YYYY-MM-DD]
  kap qbr     <file> --account ID [--quarter 2026Q3] --out qbr.xlsx [--as-of YYYY-MM-DD]
  kap qbr     <file> --all-top N [--quarter 2026Q3] --out folder/
  kap demo    [--out folder/]`;

interface Opts {
  sheet?: string;
  'as-of'?: string;
  json?: boolean;
  account?: string;
  out?: string;
  quarter?: string;
  'all-top'?: string;
  'fiscal-start'?: string;
  help?: boolean;
}

async function load(file: string, o: Opts): Promise<KapEngine> {
  const settings: KapSettings = completeSettings({});
  if (o['as-of'] !== undefined) {
    if (isoToSerial(o['as-of']) === undefined) throw new UsageError(`--as-of "${o['as-of']}" is not a date: use YYYY-MM-DD.`);
    settings.asOf = o['as-of'];
  }
  if (o['fiscal-start'] !== undefined) {
    const m = Number(o['fiscal-start']);
    if (!isFiscalStartMonth(m)) throw new UsageError('--fiscal-start must be a month number 1–12.');
    settings.fiscalYearStartMonth = m;
  }
  const { grids, culture } = await readWorkbookFile(file);
  if (o.sheet && !grids.some((g) => g.name.toLowerCase() === o.sheet!.toLowerCase())) throw new UsageError(`No sheet "${o.sheet}" in ${file}. Sheets: ${grids.map((g) => g.name).join(', ')}.`);
  // With --sheet, the order lines come from that sheet; the side tables still come from the whole workbook.
  const engine = new KapEngine();
  const report = await loadGrids(engine, grids, settings, { culture, ordersSheet: o.sheet });
  if (report.accepted === 0) throw new UsageError(`No usable order lines in ${file}. ${report.warnings.join(' ')}`);
  engine.analyse(settings);
  return engine;
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      sheet: { type: 'string' },
      'as-of': { type: 'string' },
      json: { type: 'boolean' },
      account: { type: 'string' },
      out: { type: 'string' },
      quarter: { type: 'string' },
      'all-top': { type: 'string' },
      'fiscal-start': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const o = values as Opts;
  const [command, file] = positionals;
  if (o.help || !command) {
    console.log(USAGE);
    return o.help ? 0 : 1;
  }
  if (command === 'demo') return demo(o);
  if (!['analyze', 'analyse', 'sheets', 'qbr'].includes(command)) throw new UsageError(`Unknown command "${command}".\n${USAGE}`);
  if (!file) throw new UsageError(`kap ${command} needs a file.\n${USAGE}`);

  if (command === 'analyze' || command === 'analyse') {
    const engine = await load(file, o);
    if (o.json) process.stdout.write(JSON.stringify(toJson(engine), null, 1) + '\n');
    else printSummary(engine, (s) => console.log(s));
    return 0;
  }
  if (command === 'sheets') {
    if (!o.account) throw new UsageError('kap sheets needs --account ID.');
    if (!o.out) throw new UsageError('kap sheets needs --out file.xlsx.');
    const engine = await load(file, o);
    if (!engine.account(o.account)) throw new UsageError(`No account "${o.account}" in the order lines.`);
    const specs = [...actionsOfScope('portfolio'), ...actionsOfScope('account')].flatMap((a) => engine.sheets(a, { accountKey: o.account, live: false }));
    await writeXlsxFile(resolve(o.out), specs);
    console.log(`Wrote ${specs.length} sheets to ${resolve(o.out)}`);
    return 0;
  }
  // qbr
  if (!o.out) throw new UsageError('kap qbr needs --out (a .xlsx file, or a folder with --all-top).');
  const engine = await load(file, o);
  if (o['all-top'] !== undefined) {
    const n = Number(o['all-top']);
    if (!Number.isInteger(n) || n < 1) throw new UsageError('--all-top needs a whole number of accounts.');
    const top = engine.portfolio!.accounts.filter((a) => a.isTopLevel).sort((a, b) => b.revenueLast12 - a.revenueLast12).slice(0, n);
    const dir = resolve(o.out);
    mkdirSync(dir, { recursive: true });
    for (const a of top) {
      const specs = engine.sheets('qbr', { accountKey: a.key, quarter: o.quarter, live: false });
      const path = join(dir, `QBR ${safeFile(a.accountId)} ${safeFile(a.name)}.xlsx`);
      await writeXlsxFile(path, specs);
      console.log(path);
    }
    console.log(`Wrote ${top.length} QBR workbooks to ${dir}`);
    return 0;
  }
  if (!o.account) throw new UsageError('kap qbr needs --account ID or --all-top N.');
  if (!engine.account(o.account)) throw new UsageError(`No account "${o.account}" in the order lines.`);
  const specs = engine.sheets('qbr', { accountKey: o.account, quarter: o.quarter, live: false });
  await writeXlsxFile(resolve(o.out), specs);
  console.log(`Wrote the QBR workbook to ${resolve(o.out)}`);
  return 0;
}

function safeFile(s: string): string {
  return s.replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_').slice(0, 60).trim();
}

/** The README's main job: the bundled sample → health sheet, dashboard and a QBR workbook in out/. */
async function demo(o: Opts): Promise<number> {
  const sample = resolve(__dirname, '../../assets/sample-workbook.xlsx');
  const dir = resolve(o.out ?? 'out');
  mkdirSync(dir, { recursive: true });
  const t0 = Date.now();
  const { grids } = await readWorkbookFile(sample);
  const engine = new KapEngine();
  const settings = completeSettings({});
  const report = await loadGrids(engine, grids, settings);
  // The sample's history ends on its last order date: analyse as of then, so the demo never ages.
  settings.asOf = o['as-of'] ?? serialToIso(report.lastDate ?? 0);
  const p = engine.analyse(settings);
  const portfolioFile = join(dir, 'KAP portfolio.xlsx');
  await writeXlsxFile(portfolioFile, actionsOfScope('portfolio').flatMap((a) => engine.sheets(a, { live: false })));
  const top = p.accounts.filter((a) => a.isTopLevel).sort((a, b) => b.revenueLast12 - a.revenueLast12)[0];
  const qbrFile = join(dir, `QBR ${safeFile(top.accountId)} ${safeFile(top.name)}.xlsx`);
  await writeXlsxFile(qbrFile, engine.sheets('qbr', { accountKey: top.key, live: false }));
  const accountFile = join(dir, `KAP account ${safeFile(top.accountId)}.xlsx`);
  await writeXlsxFile(accountFile, actionsOfScope('account').flatMap((a) => engine.sheets(a, { accountKey: top.key, live: false })));
  printSummary(engine, (s) => console.log(s), 10);
  console.log('');
  console.log(`Read ${report.accepted.toLocaleString('en-GB')} order lines of ${report.accounts} accounts as of ${settings.asOf} in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
  console.log(`Health sheet, dashboard and whitespace map: ${portfolioFile}`);
  console.log(`Purchase breakdown, cross-sell, account plan and 5P for ${top.name}: ${accountFile}`);
  console.log(`QBR workbook for ${top.name}: ${qbrFile}`);
  return 0;
}

/** One clear line for anything the user can fix; exit status 1. */
export function explain(e: unknown): string {
  if (e instanceof UsageError || e instanceof FileReadError || e instanceof MissingRoleError) return e.message;
  if (e instanceof Error && e.name === 'TypeError' && /Unknown option|Unexpected argument/.test(e.message)) return `${e.message}\n${USAGE}`;
  if (e instanceof Error && (e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) return `${e.message}\n${USAGE}`;
  if (e instanceof Error) return `kap: ${e.message.split('\n')[0]}`;
  return `kap: ${String(e)}`;
}

/** The process entry: bin/kap.js (npx kap) and `tsx src/cli/main.ts` (npm run demo) both end here. */
export function main(argv: string[] = process.argv.slice(2)): void {
  run(argv).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(explain(e));
      if (process.env.KAP_DEBUG) console.error(e);
      process.exit(1);
    },
  );
}

if (require.main === module) main();

export { run };
