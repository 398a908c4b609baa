import { analyzePortfolio } from '../../src/domain/analysis';
import { currencyCodeOf, formatMoney, moneyPrefix } from '../../src/domain/currency';
import { bookOf, d, line } from './analysis/helpers';

describe('money in the text KAP writes', () => {
  it("labels figures by the line's currency code, else by the revenue column's number format, else £", () => {
    expect(moneyPrefix('GBP')).toBe('£');
    expect(moneyPrefix('eur')).toBe('€');
    expect(moneyPrefix('SEK')).toBe('SEK ');
    // a code wins over the column's format (multi-currency data has one format for all rows)
    expect(moneyPrefix('USD', '"£"#,##0.00')).toBe('$');
    expect(moneyPrefix('', '"£"#,##0.00')).toBe('£');
    expect(moneyPrefix('', '£#,##0.00;-£#,##0.00')).toBe('£');
    expect(moneyPrefix('', '[$€-x-euro2] #,##0.00')).toBe('€');
    expect(moneyPrefix('', '#,##0.00 [$CHF]')).toBe('CHF ');
    expect(moneyPrefix('', '#,##0.00')).toBe('');
    expect(moneyPrefix(undefined, undefined)).toBe('£');
  });

  it('formats with thousands separators and two decimals, the sign before the symbol', () => {
    expect(formatMoney(1234.5, '£')).toBe('£1,234.50');
    expect(formatMoney(-1234567.891, '€')).toBe('-€1,234,567.89');
    expect(formatMoney(0.005, '£')).toBe('£0.01');
    // a tiny negative that rounds to nothing is not "-£0.00"
    expect(formatMoney(-0.001, '£')).toBe('£0.00');
    expect(formatMoney(999.999, 'SEK ')).toBe('SEK 1,000.00');
  });

  it("alerts name money in the account's currency", () => {
    const asOf = d(2025, 6, 30);
    const three = (id: string, currency: string) => [d(2025, 3, 1), d(2025, 4, 1), d(2025, 5, 1)].map((x) => line(id, x, 's', 100, { currency }));
    const lines = [
      ...three('E', 'EUR'),
      line('E', d(2025, 6, 1), 's', 40, { currency: 'EUR' }), // average (300 + 40)/4 = 85
      line('E', d(2025, 6, 15), 's', -20.5, { orderId: 'C1', currency: 'EUR' }),
      ...three('G', 'GBP'),
      line('G', d(2025, 6, 1), 's', 40, { currency: 'GBP' }),
    ];
    const p = analyzePortfolio(bookOf(lines), { asOf });
    const alertsOf = (id: string) => p.accounts.find((a) => a.accountId === id)!.alerts.map((a) => a.message);
    expect(alertsOf('E')).toContain('Last order €40.00 is 47% of the 12-month average order €85.00.');
    expect(alertsOf('E')).toContain('1 return in the last 30 days, worth €20.50.');
    expect(alertsOf('G')).toContain('Last order £40.00 is 47% of the 12-month average order £85.00.');
  });

  it("without a currency column, alerts follow the revenue column's format", () => {
    const asOf = d(2025, 6, 30);
    const lines = [d(2025, 3, 1), d(2025, 4, 1), d(2025, 5, 1)].map((x) => line('A', x, 's', 100)).concat(line('A', d(2025, 6, 1), 's', 40));
    const msg = (moneyFormat?: string) => analyzePortfolio(bookOf(lines), { asOf, moneyFormat }).accounts[0].alerts.find((a) => a.kind === 'lastOrderVeryLow')!.message;
    expect(msg('[$€-x-euro2] #,##0.00')).toBe('Last order €40.00 is 47% of the 12-month average order €85.00.');
    expect(msg()).toBe('Last order £40.00 is 47% of the 12-month average order £85.00.');
  });
});

describe('formatMoney grouping', () => {
  it('puts a comma every three digits of the whole part, for every length', () => {
    const cases: [number, string][] = [
      [0, '0.00'],
      [7, '7.00'],
      [12.3, '12.30'],
      [123, '123.00'],
      [1234, '1,234.00'],
      [12345.678, '12,345.68'],
      [123456, '123,456.00'],
      [1234567, '1,234,567.00'],
      [-98765432.1, '-98,765,432.10'],
    ];
    for (const [x, s] of cases) expect(formatMoney(x)).toBe(s);
  });
});

describe('the currency a figure is in, as a code', () => {
  it("is the line's code, else the one the revenue column's format names, else GBP; '' for a plain format", () => {
    expect(currencyCodeOf('eur')).toBe('EUR');
    expect(currencyCodeOf('', '"£"#,##0.00')).toBe('GBP');
    expect(currencyCodeOf('', '[$€-x-euro2] #,##0.00')).toBe('EUR');
    expect(currencyCodeOf('', '#,##0.00 [$CHF]')).toBe('CHF');
    expect(currencyCodeOf('', '#,##0.00')).toBe('');
    expect(currencyCodeOf('')).toBe('GBP');
  });
});
