/** Every value-parsing rule of PRODUCT.md §1, with messy real-world cells. Expected serials from ymdToSerial (checked against Excel: 2025-01-01 = 45658). */
import { ymdToSerial } from '../../src/domain/dates';
import { inferDateOrder, parseBoolean, parseDate, parseMoney, parseNumber } from '../../src/ingest/values';

describe('dates', () => {
  test('Excel serials: 45658 is 1 January 2025 (as Excel numbers it); times are dropped', () => {
    expect(ymdToSerial(2025, 1, 1)).toBe(45658);
    expect(parseDate(45658)).toBe(45658);
    expect(parseDate(45658.75)).toBe(45658);
  });
  test('JS Dates from ExcelJS are read in UTC', () => {
    expect(parseDate(new Date(Date.UTC(2025, 0, 1)))).toBe(45658);
    expect(parseDate(new Date(Date.UTC(2025, 0, 1, 18, 30)))).toBe(45658);
  });
  test('ISO strings with and without time', () => {
    expect(parseDate('2025-03-04')).toBe(ymdToSerial(2025, 3, 4));
    expect(parseDate('2025-03-04T16:20:00Z')).toBe(ymdToSerial(2025, 3, 4));
    expect(parseDate('2025/03/04')).toBe(ymdToSerial(2025, 3, 4));
  });
  test('day-first and month-first text follow the order given; a field over 12 settles it', () => {
    expect(parseDate('03/04/2025', 'dmy')).toBe(ymdToSerial(2025, 4, 3));
    expect(parseDate('03/04/2025', 'mdy')).toBe(ymdToSerial(2025, 3, 4));
    expect(parseDate('25/04/2025', 'mdy')).toBe(ymdToSerial(2025, 4, 25));
    expect(parseDate('04/25/2025', 'dmy')).toBe(ymdToSerial(2025, 4, 25));
    expect(parseDate('3.4.25', 'dmy')).toBe(ymdToSerial(2025, 4, 3));
    expect(parseDate('03-04-2025 14:05', 'dmy')).toBe(ymdToSerial(2025, 4, 3));
  });
  test('month names', () => {
    expect(parseDate('3-Apr-2025')).toBe(ymdToSerial(2025, 4, 3));
    expect(parseDate('3 April 2025')).toBe(ymdToSerial(2025, 4, 3));
    expect(parseDate('April 3, 2025')).toBe(ymdToSerial(2025, 4, 3));
    expect(parseDate('Sept 30 2025')).toBe(ymdToSerial(2025, 9, 30));
  });
  test('impossible and unreadable dates are undefined, never a wrong date', () => {
    expect(parseDate('31/02/2025')).toBeUndefined();
    expect(parseDate('2025-13-01')).toBeUndefined();
    expect(parseDate('soon')).toBeUndefined();
    expect(parseDate('')).toBeUndefined();
    expect(parseDate(-5)).toBeUndefined();
    expect(parseDate(true)).toBeUndefined();
  });
  test('date order: culture first, then the data, then day-first', () => {
    expect(inferDateOrder(['25/04/2025'], 'en-US')).toBe('mdy');
    expect(inferDateOrder(['04/25/2025'], 'en-GB')).toBe('dmy');
    expect(inferDateOrder(['01/02/2025', '04/25/2025'])).toBe('mdy');
    expect(inferDateOrder(['01/02/2025', '25/04/2025'])).toBe('dmy');
    expect(inferDateOrder(['01/02/2025', '03/04/2025'])).toBe('dmy');
    expect(inferDateOrder([45658, 45659])).toBe('dmy');
  });
});

describe('money', () => {
  test.each([
    [1200.5, 1200.5, undefined],
    ['£1,200.50', 1200.5, 'GBP'],
    ['1.200,50 €', 1200.5, 'EUR'],
    ['€1 200,50', 1200.5, 'EUR'],
    ['(120.00)', -120, undefined],
    ['-120', -120, undefined],
    ['120-', -120, undefined],
    ['GBP 45', 45, 'GBP'],
    ['$1,234,567.89', 1234567.89, 'USD'],
    ['12,50', 12.5, undefined],
    ['1,200', 1200, undefined],
    ['1.200.000', 1200000, undefined],
    ['(£75.25)', -75.25, 'GBP'],
  ])('%p → %p', (cell, value, currency) => {
    const m = parseMoney(cell);
    expect(m?.value).toBeCloseTo(value, 10);
    expect(m?.currency).toBe(currency);
  });
  test('text that is not money is undefined', () => {
    for (const v of ['n/a', 'TBC', '£', '', '1.2.3,4,5x', null, true]) expect(parseMoney(v as never)).toBeUndefined();
  });
  test('numbers and booleans', () => {
    expect(parseNumber('12')).toBe(12);
    expect(parseNumber(' 3 ')).toBe(3);
    expect(parseBoolean('Yes')).toBe(true);
    expect(parseBoolean('on hold')).toBe(true);
    expect(parseBoolean('N')).toBe(false);
    expect(parseBoolean('maybe')).toBeUndefined();
  });
});
