/**
 * Stands in for office.js in the browser tests: installs `Office` and `Excel` backed by the
 * in-memory Excel double, preloaded with a small generated workbook, and exposes the double
 * as `window.kapDouble` so tests can look at the sheets the pane made.
 */
import { ExcelDouble } from '../excel-double/excel';
import { generateSample, type Row } from '../sample/generate';
import { ymdToSerial } from '../../src/domain/dates';

const EPOCH = Date.UTC(1899, 11, 30);
const cell = (v: Row[number]) => (v instanceof Date ? Math.round((v.getTime() - EPOCH) / 86_400_000) : v ?? '');
const sheet = (rows: Row[]) => rows.map((r) => r.map(cell));

const data = generateSample({ seed: 5, accounts: 24, months: 27, endDate: ymdToSerial(2026, 10, 31) });
const x = new ExcelDouble(['Orders', 'Accounts', 'Catalog', 'Contacts']);
x.model.fill(x.sheet('Orders'), 'A1', sheet(data.orders));
x.model.fill(x.sheet('Accounts'), 'A3', sheet(data.accounts));
x.model.fill(x.sheet('Accounts'), 'A1', [['Account list — exported 31/10/2026']]);
x.model.fill(x.sheet('Catalog'), 'A1', sheet(data.catalog));
x.model.fill(x.sheet('Contacts'), 'A1', sheet(data.contacts));

const w = window as unknown as Record<string, unknown>;
w.kapDouble = x;
w.kapSample = { accounts: data.accounts.slice(1).map((r) => ({ id: r[0], name: r[1] })) };
w.Excel = x.Excel;
const ready = Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' });
w.Office = {
  onReady: (cb?: (info: unknown) => void) => {
    if (cb) void ready.then(cb);
    return ready;
  },
  HostType: { Excel: 'Excel' },
  StartupBehavior: { load: 'Load', none: 'None' },
  addin: { setStartupBehavior: async () => undefined },
  context: {
    requirements: { isSetSupported: () => true },
    officeTheme: { bodyBackgroundColor: '#ffffff', bodyForegroundColor: '#000000', controlBackgroundColor: '#ffffff', controlForegroundColor: '#000000' },
    displayLanguage: 'en-GB',
  },
};
w.CustomFunctions = { associate: () => undefined, Error: class {}, ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' } };
