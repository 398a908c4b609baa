/**
 * KapHost over Excel: finds the data with src/excel, streams the order lines into the engine
 * (a Web Worker in the task pane), and writes the sheets back — or opens the QBR workbook.
 * Thin on purpose: rules live in src/domain, layout in src/sheets, Office.js in src/excel.
 */
import { listGrids, loadSetting, openNewWorkbook, readAll, readCulture, readRegion, saveSetting, SheetWriteError, withExcel, writeSheets, type GridInfo } from '../excel';
import { addScoreColumns } from '../excel/addScoreColumns';
import type { Detection } from '../ingest/detect';
import { ROLES, type Role } from '../ingest/fields';
import type { Grid } from '../ingest/grid';
import { missingFields, noOrdersError } from '../ingest/mapping';
import { inferDateOrder } from '../ingest/values';
import { serialToIso } from '../domain/dates';
import type { AccountListItem, ActionId, ActionResult, DataRole, Discovery, FoundTable, KapHost, KapSettings, Progress } from './contract';
import { detectAll, readSideTables } from './engine';
import { ACTIONS, actionOf } from './actions';
import { type EngineClient, LocalEngineClient } from './engineClient';
import { completeSettings, settingsProblems } from './settings';

const SETTINGS_KEY = 'kap.settings';
const SHOWN_ROLES: DataRole[] = ['orders', 'accounts', 'catalog', 'contacts'];

/** An error the pane shows as it is: what went wrong and what to do. */
export class KapActionError extends Error {
  constructor(
    message: string,
    readonly action?: string,
  ) {
    super(message);
  }
}

function cancelled(): KapActionError {
  return new KapActionError('Cancelled. Nothing was changed.');
}

interface Found {
  grid: Grid;
  info: GridInfo;
  detection: Detection;
}

export interface ExcelHostOptions {
  /** How to start the engine (the task pane passes a Web Worker; tests the local one). */
  makeEngine?: () => EngineClient;
}

export function createExcelHost(options: ExcelHostOptions = {}): KapHost {
  const makeEngine = options.makeEngine ?? (() => new LocalEngineClient());
  let engine: EngineClient | undefined;
  let found: Partial<Record<Role, Found>> = {};
  let summary: Discovery['summary'];
  let analysed = false;
  let accounts: AccountListItem[] = [];

  async function discoverIn(settings: KapSettings): Promise<Discovery> {
    const infos = await withExcel((ctx) => listGrids(ctx, { peekRows: 30 }));
    const grids: { grid: Grid; info: GridInfo }[] = infos
      .filter((i) => !i.kapMade && i.rowCount > 1)
      .map((info) => ({ info, grid: { name: info.sheet, tableName: info.table, values: info.peek, numberFormats: info.peekFormats, top: info.rowIndex + 1, left: info.columnIndex + 1 } }));
    const det = detectAll(
      grids.map((g) => g.grid),
      settings,
    );
    found = {};
    for (const role of Object.keys(det) as Role[]) {
      const d = det[role]!;
      const g = grids.find((x) => x.grid === d.grid)!;
      // A table and the used range of its sheet can both match: prefer the table.
      const asTable = grids.find((x) => x.info.sheet === g.info.sheet && x.info.table && x !== g && x.grid.values[0]?.join('|') === g.grid.values[d.detection.mapping.headerRow]?.join('|'));
      found[role] = asTable ? { grid: asTable.grid, info: asTable.info, detection: { ...d.detection, mapping: { ...d.detection.mapping, headerRow: 0, table: asTable.info.table } } } : { grid: g.grid, info: g.info, detection: d.detection };
    }
    const tables: FoundTable[] = [];
    for (const role of SHOWN_ROLES) {
      const f = found[role];
      if (!f) continue;
      const m = f.detection.mapping;
      tables.push({
        role,
        sheet: f.info.sheet,
        table: f.info.table,
        address: f.info.address,
        rows: Math.max(0, f.info.rowCount - m.headerRow - 1),
        confidence: f.detection.confidence,
        headers: f.detection.headers.filter((h) => h !== ''),
        fields: ROLES[role].fields.map((fd) => {
          const hit = m.fields.find((x) => x.field === fd.field);
          return { field: fd.field, label: fd.label, required: ROLES[role].requiredAny.some((g) => g.length === 1 && g[0] === fd.field) || (fd.field === 'accountId' || fd.field === 'revenue'), header: hit?.header, confidence: hit?.confidence ?? 0 };
        }),
      });
    }
    const problems: string[] = [];
    if (!found.orders) problems.push(noOrdersError(grids.map((g) => ({ name: g.info.table ?? g.info.sheet, headers: g.grid.values.flat().filter((v): v is string => typeof v === 'string').slice(0, 12) }))).message);
    else {
      const missing = missingFields(found.orders.detection.mapping);
      if (missing.length) problems.push(`The order lines on "${found.orders.info.sheet}" have no column for ${missing.map((x) => `"${x}"`).join(', ')}. Choose it under Columns.`);
    }
    return { tables, problems, summary };
  }

  async function readSide(): Promise<ReturnType<typeof readSideTables>> {
    const roles: Role[] = ['accounts', 'catalog', 'contacts', 'crossSell', 'rates'];
    const full: Partial<Record<Role, { grid: Grid; detection: Detection }>> = {};
    await withExcel(async (ctx) => {
      for (const role of roles) {
        const f = found[role];
        if (!f) continue;
        // Side tables are small; each is read in a constant number of syncs by readAll.
        const { rows, result } = await readAll(ctx, { sheet: f.info.sheet, table: f.info.table });
        full[role] = { grid: { name: f.info.sheet, values: rows, top: result.rowIndex + 1 }, detection: f.detection };
      }
    });
    return readSideTables(full);
  }

  async function addScores(onProgress: (p: Progress) => void): Promise<ActionResult> {
    const acc = found.accounts;
    const idField = acc?.detection.mapping.fields.find((f) => f.field === 'accountId') ?? acc?.detection.mapping.fields.find((f) => f.field === 'name');
    if (!acc || !idField) throw new KapActionError('There is no accounts table to add scores to.', 'Add an Accounts table (Account No, Account Name, …) or use "Score all accounts", which makes its own sheet.');
    onProgress({ phase: 'writing', done: 0, total: accounts.length, message: `Adding score columns to ${acc.info.table ?? acc.info.sheet}…` });
    const scores = new Map(accounts.map((a) => [a.id, { score: a.score, band: a.band }]));
    const res = await withExcel((ctx) => addScoreColumns(ctx, { sheet: acc.info.sheet, table: acc.info.table, idHeader: idField.header }, scores));
    onProgress({ phase: 'writing', done: res.matched, total: res.rows, message: 'Done' });
    return { made: [`${acc.info.table ?? acc.info.sheet}: KAP Health score, KAP Band`], message: `${res.refreshed ? 'Refreshed' : 'Added'} the KAP Health score and KAP Band columns in ${acc.info.table ?? acc.info.sheet} (${res.matched} of ${res.rows} rows matched an account).` };
  }

  const host: KapHost = {
    actions: ACTIONS,
    async loadSettings() {
      const saved = await withExcel((ctx) => loadSetting<Partial<KapSettings>>(ctx, SETTINGS_KEY));
      return completeSettings(saved);
    },

    async saveSettings(settings) {
      await withExcel((ctx) => saveSetting(ctx, SETTINGS_KEY, settings));
    },

    discover: discoverIn,

    async analyse(settings, onProgress, signal): Promise<AccountListItem[]> {
      const problems = settingsProblems(settings);
      if (problems.length) throw new KapActionError(problems.join(' '), 'Fix the settings, then analyse again.');
      const d = await discoverIn(settings);
      if (d.problems.length) throw new KapActionError(d.problems[0], 'Map the columns under Data, or rename the headers.');
      const orders = found.orders!;
      const progress = (p: Progress) => onProgress(p);
      progress({ phase: 'reading', done: 0, total: orders.info.rowCount, message: 'Reading accounts, catalog and contacts…' });
      const side = await readSide();
      if (signal.aborted) throw cancelled();
      engine?.dispose();
      engine = makeEngine();
      const eng = engine;
      const m = orders.detection.mapping;
      const dateCol = m.fields.find((f) => f.field === 'date')?.column ?? 0;
      const revCol = m.fields.find((f) => f.field === 'revenue' || f.field === 'unitPrice')?.column;
      let rowsRead = 0;
      await withExcel(async (ctx) => {
        const culture = (await readCulture(ctx)).name;
        const dateOrder = inferDateOrder(orders.grid.values.slice(m.headerRow + 1).map((r) => r[dateCol]), culture);
        await eng.call('reset', { side, mapping: m, headers: orders.detection.headers, dateOrder, moneySource: revCol === undefined ? undefined : orders.grid.numberFormats?.[m.headerRow + 1]?.[revCol] || undefined });
        await readRegion(ctx, { sheet: orders.info.sheet, table: orders.info.table }, async (rows, offset) => {
          if (signal.aborted) throw cancelled();
          // Rows above and including the header are not data.
          const skip = Math.max(0, m.headerRow + 1 - offset);
          if (skip < rows.length) await eng.call('push', { rows: skip ? rows.slice(skip) : rows, firstRowNumber: orders.info.rowIndex + 1 + offset + skip });
          rowsRead = offset + rows.length;
          progress({ phase: 'reading', done: rowsRead, total: orders.info.rowCount, message: `Read ${rowsRead.toLocaleString()} of ${orders.info.rowCount.toLocaleString()} rows` });
        });
      });
      const report = await eng.call('finish', {});
      if (signal.aborted) throw cancelled();
      progress({ phase: 'analysing', done: 0, total: report.accounts, message: `Analysing ${report.accounts.toLocaleString()} accounts…` });
      const list = await eng.call('analyse', { settings });
      analysed = true;
      accounts = list;
      summary = {
        rows: report.accepted,
        firstDate: report.firstDate === null ? '' : serialToIso(report.firstDate),
        lastDate: report.lastDate === null ? '' : serialToIso(report.lastDate),
        accounts: report.accounts,
        rejected: report.rejected.reduce((s, r) => s + r.count, 0),
        warnings: [...report.warnings, ...side.notes],
      };
      progress({ phase: 'analysing', done: report.accounts, total: report.accounts, message: `Analysed ${list.length.toLocaleString()} accounts` });
      return list;
    },

    async glance(accountId) {
      if (!engine || !analysed) return undefined;
      return (await engine.call('glance', { key: accountId })) ?? undefined;
    },

    async run(action: ActionId, o, settings, onProgress, signal): Promise<ActionResult> {
      if (!engine || !analysed) await host.analyse(settings, onProgress, signal);
      const eng = engine!;
      if (signal.aborted) throw cancelled();
      const scope = actionOf(action).scope;
      if (scope === 'edit') return addScores(onProgress);
      onProgress({ phase: 'analysing', done: 0, message: 'Laying out the sheets…' });
      const specs = await eng.call('sheets', { action, accountKey: o.accountId, quarter: o.quarter, live: scope !== 'workbook' });
      if (signal.aborted) throw cancelled();
      if (scope === 'workbook') {
        onProgress({ phase: 'writing', done: 0, total: specs.length, message: 'Building the QBR workbook…' });
        // ExcelJS is large: loaded only when a QBR is built.
        const { toXlsxBase64 } = await import(/* webpackChunkName: "xlsx" */ '../xlsx/writeXlsx');
        const base64 = await toXlsxBase64(specs);
        await openNewWorkbook(base64);
        onProgress({ phase: 'writing', done: specs.length, total: specs.length, message: 'Opened the QBR workbook' });
        return { made: [`QBR workbook (${specs.length} sheets)`], message: `Opened a new QBR workbook with ${specs.length} sheets: ${specs.map((s) => s.name).join(', ')}. Save it where you keep your QBRs.` };
      }
      onProgress({ phase: 'writing', done: 0, total: specs.length, message: `Writing ${specs.map((s) => s.name).join(', ')}…` });
      try {
        const res = await writeSheets(specs);
        onProgress({ phase: 'writing', done: specs.length, total: specs.length, message: 'Done' });
        const names = res.sheets.map((s) => `'${s.name}'`).join(', ');
        const replaced = res.sheets.some((s) => s.replaced);
        return { made: res.sheets.map((s) => s.name), activated: res.activated, message: `${replaced ? 'Updated' : 'Made'} sheet${res.sheets.length > 1 ? 's' : ''} ${names}${res.activated ? ' and opened it' : ''}.` };
      } catch (e) {
        if (e instanceof SheetWriteError) throw new KapActionError(`KAP could not write the sheet: ${(e.cause as Error | undefined)?.message ?? e.message}. ${e.rolledBack ? 'Your workbook is as it was.' : ''}`.trim(), 'Try again; if it keeps failing, close other add-ins or save and reopen the workbook.');
        throw e;
      }
    },
  };
  return host;
}

