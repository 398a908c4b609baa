import { generateSample } from '../../scripts/sample/generate';
import { edate, ymdToSerial } from '../../src/domain/dates';
import { END } from './fixture';

const EPOCH = Date.UTC(1899, 11, 30);
const serial = (d: unknown) => Math.round(((d as Date).getTime() - EPOCH) / 86_400_000);

describe('sample generator', () => {
  const a = generateSample({ seed: 1, accounts: 60, months: 27, endDate: END });
  test('same seed, same workbook; another seed, another', () => {
    expect(generateSample({ seed: 1, accounts: 60, months: 27, endDate: END })).toEqual(a);
    expect(generateSample({ seed: 2, accounts: 60, months: 27, endDate: END }).orders).not.toEqual(a.orders);
  });
  test('realistic shape: headers, 2+ years of lines, returns, all SKUs in the catalog, all accounts in Accounts', () => {
    expect(a.orders[0]).toEqual(['Invoice Date', 'Invoice No', 'Customer ID', 'Customer', 'SKU', 'Description', 'Category', 'Qty', 'Unit Price', 'Line Total', 'Ordered By', 'Site']);
    const dates = a.orders.slice(1).map((r) => serial(r[0]));
    expect(Math.min(...dates)).toBeLessThanOrEqual(edate(END, -24));
    expect(Math.max(...dates)).toBeLessThanOrEqual(END);
    expect(a.orders.some((r) => String(r[1]).startsWith('C') && (r[7] as number) < 0)).toBe(true);
    const skus = new Set(a.catalog.slice(1).map((r) => r[0]));
    expect(a.orders.slice(1).every((r) => skus.has(r[4]))).toBe(true);
    const ids = new Set(a.accounts.slice(1).map((r) => r[0]));
    expect(a.orders.slice(1).every((r) => ids.has(r[2]))).toBe(true);
    expect(new Set(a.accounts.slice(1).map((r) => r[4])).size).toBeGreaterThanOrEqual(4);
  });
  test('churned accounts are silent for their days; new accounts start in the last 3 months', () => {
    for (const c of a.churned) {
      const last = Math.max(...a.orders.slice(1).filter((r) => r[2] === c.id && !String(r[1]).startsWith('C')).map((r) => serial(r[0])));
      expect(END - last).toBeGreaterThanOrEqual(c.daysSilent);
    }
    for (const id of a.newAccounts) {
      const first = Math.min(...a.orders.slice(1).filter((r) => r[2] === id).map((r) => serial(r[0])));
      if (Number.isFinite(first)) expect(first).toBeGreaterThan(edate(END, -3));
    }
    expect(ymdToSerial(2026, 10, 31)).toBe(END);
  });
});
