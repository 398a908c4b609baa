/** The streaming order-line parser: messy rows, rejects counted with row numbers, returns, currencies, chunking. */
import fc from 'fast-check';
import type { OrderLine } from '../../src/domain/types';
import { ymdToSerial } from '../../src/domain/dates';
import { detectTable } from '../../src/ingest/detect';
import { createOrderParser } from '../../src/ingest/orders';
import type { Cell } from '../../src/ingest/grid';

const HEADER = ['Invoice Date', 'Invoice No', 'Customer ID', 'Customer', 'SKU', 'Category', 'Qty', 'Unit Price', 'Line Total', 'Currency'];
const mapping = detectTable({ name: 'Orders', values: [HEADER] })!.mapping;

function parse(rows: Cell[][], opts: Partial<Parameters<typeof createOrderParser>[1]> = {}, chunk = rows.length) {
  const p = createOrderParser(mapping, { dateOrder: 'dmy', ...opts });
  const lines: OrderLine[] = [];
  for (let i = 0; i < rows.length; i += Math.max(1, chunk)) p.push(rows.slice(i, i + chunk), 2 + i, (l) => lines.push(l));
  return { lines, report: p.finish() };
}

// Sheet rows 2..: the header is row 1.
const MESSY: Cell[][] = [
  ['03/04/2025', 'INV1', 'A1', 'Acme Ltd', 'CT-100', 'Cable Ties', 10, 2.5, '£25.00', 'GBP'], // row 2
  [null, null, null, null, null, null, null, null, null, null], // 3 blank
  HEADER, // 4 repeated header
  [45760, 'INV2', 'A1', 'Acme Ltd', 'FX-1', 'Fixings', 4, 3, '1.200,50 €', 'EUR'], // 5
  ['Total', null, null, null, null, null, 14, null, '£1,225.50', null], // 6 totals
  ['not a date', 'INV3', 'A2', 'Bolt Co', 'CT-100', 'Cable Ties', 1, 2.5, 2.5, 'GBP'], // 7 unreadable date
  [45761, 'INV4', null, null, 'CT-100', 'Cable Ties', 1, 2.5, 2.5, 'GBP'], // 8 no account
  [45762, 'C1001', 'A2', 'Bolt Co', 'CT-100', 'Cable Ties', 2, 2.5, '(5.00)', 'GBP'], // 9 credit note
  [45763, 'INV5', 'A2', 'Bolt Co', 'HT-9', null, 'three', 2.5, 7.5, 'GBP'], // 10 unreadable qty
  [45764, 'INV6', 'A2', 'Bolt Co', 'HT-9', null, 3, 2.5, null, 'GBP'], // 11 revenue from qty × price
  [45765, null, 'A3', 'Cog & Co', 'CT-100', 'Cable Ties', -1, 2.5, -2.5, 'GBP'], // 12 return, no order id
  ['Grand Total', null, null, null, null, null, null, null, 999, null], // 13 totals
];

describe('order parser', () => {
  test('keeps every usable row, skips blank/header/total rows, counts rejects by reason with row numbers', () => {
    const { lines, report } = parse(MESSY);
    expect(lines.map((l) => l.row)).toEqual([2, 5, 9, 11, 12]);
    expect(report).toMatchObject({ accepted: 5, returns: 2, skippedBlank: 1, skippedHeaders: 1, skippedTotals: 2 });
    expect(report.rejected).toEqual(
      expect.arrayContaining([
        { reason: 'unreadable date', count: 1, rows: [7] },
        { reason: 'no account', count: 1, rows: [8] },
        { reason: 'unreadable quantity', count: 1, rows: [10] },
      ]),
    );
    expect(report.warnings.join(' ')).toMatch(/3 rows were skipped: .*unreadable date \(row 7\)/);
  });

  test('values: day-first text date, money text, revenue = qty × unit price when the line total is blank', () => {
    const { lines } = parse(MESSY);
    expect(lines[0]).toMatchObject({ date: ymdToSerial(2025, 4, 3), orderId: 'INV1', accountId: 'A1', accountName: 'Acme Ltd', sku: 'CT-100', category: 'Cable Ties', quantity: 10, revenue: 25, currency: 'GBP', isReturn: false });
    expect(lines[1]).toMatchObject({ revenue: 1200.5, currency: 'EUR' });
    // 3 × £2.50 = £7.50; no category and no catalog → Uncategorised
    expect(lines[3]).toMatchObject({ revenue: 7.5, category: 'Uncategorised' });
  });

  test('returns and credit notes: negative quantity/revenue or an order id starting with C; no order id → one order per account per day', () => {
    const { lines } = parse(MESSY);
    const credit = lines.find((l) => l.row === 9)!;
    expect(credit).toMatchObject({ isReturn: true, quantity: -2, revenue: -5 });
    const ret = lines.find((l) => l.row === 12)!;
    expect(ret).toMatchObject({ isReturn: true, quantity: -1, revenue: -2.5, orderId: 'A3|45765' });
  });

  test('two currencies and no rates: never added, the user is told', () => {
    const { report } = parse(MESSY);
    expect(report.currencies).toEqual({ GBP: 4, EUR: 1 });
    expect(report.converted).toBe(false);
    expect(report.warnings.join(' ')).toMatch(/2 currencies \(GBP, EUR\) and no rates table/);
  });

  test('with a rates table every line is converted to the reporting currency and the user is told', () => {
    const { lines, report } = parse(MESSY, { rates: [{ from: 'EUR', rate: 0.85 }], reportingCurrency: 'GBP' });
    const eur = lines.find((l) => l.row === 5)!;
    // 1,200.50 € × 0.85 = £1,020.425
    expect(eur.revenue).toBeCloseTo(1020.425, 9);
    expect(eur.currency).toBe('GBP');
    expect(report.converted).toBe(true);
    expect(report.warnings.join(' ')).toMatch(/converted to GBP/);
  });

  test('a currency with no rate is rejected by reason, not silently added', () => {
    const { report } = parse([[45760, 'INV2', 'A1', 'Acme', 'FX-1', 'Fixings', 1, 1, 10, 'USD']], { rates: [{ from: 'EUR', rate: 0.85 }], reportingCurrency: 'GBP' });
    expect(report.rejected).toEqual([{ reason: 'no exchange rate for USD', count: 1, rows: [2] }]);
  });

  test('the catalog fills a missing category and name', () => {
    const { lines } = parse([[45760, 'INV2', 'A1', 'Acme', 'HT-9', null, 1, 1, 10, 'GBP']], { catalog: new Map([['HT-9', { sku: 'HT-9', name: 'Pliers', category: 'Hand Tools', listPrice: 12 }]]) });
    expect(lines[0]).toMatchObject({ category: 'Hand Tools', productName: 'Pliers', listPrice: 12 });
  });

  test('property: chunk size never changes the result', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MESSY.length }), (chunk) => {
        const whole = parse(MESSY);
        const chunked = parse(MESSY, {}, chunk);
        expect(chunked.lines).toEqual(whole.lines);
        expect(chunked.report).toEqual(whole.report);
      }),
    );
  });

  test('property: one bad row never stops the rest', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.double()), { minLength: 10, maxLength: 10 }), (junk) => {
        const { lines, report } = parse([junk as Cell[], MESSY[0]]);
        expect(lines.some((l) => l.orderId === 'INV1')).toBe(true);
        expect(report.accepted + report.rejected.reduce((s, r) => s + r.count, 0) + report.skippedBlank + report.skippedHeaders + report.skippedTotals).toBe(2);
      }),
    );
  });
});
