/** Header detection by synonyms, in tables or plain ranges whose header is not row 1. */
import { detectTable, detectWorkbook } from '../../src/ingest/detect';
import { applyMapping, MissingRoleError, requireComplete, withUserChoices } from '../../src/ingest/mapping';
import type { Grid } from '../../src/ingest/grid';

const fieldsOf = (g: Grid) => Object.fromEntries(detectTable(g)!.mapping.fields.map((f) => [f.field, f.header]));

describe('detection', () => {
  test('an ERP export with InvoiceDate / StockCode / CustomerID headers (the UCI Online Retail layout)', () => {
    const g: Grid = { name: 'Online Retail', values: [['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'], ['536365', '85123A', 'WHITE HANGING HEART', 6, 40148, 2.55, 17850, 'United Kingdom']] };
    const d = detectTable(g)!;
    expect(d.mapping.role).toBe('orders');
    expect(fieldsOf(g)).toEqual({ orderId: 'InvoiceNo', sku: 'StockCode', productName: 'Description', quantity: 'Quantity', date: 'InvoiceDate', unitPrice: 'UnitPrice', accountId: 'CustomerID' });
  });

  test('a header on row 5 under a title and notes', () => {
    const g: Grid = { name: 'Sales', values: [['Sales by line'], ['Exported 31/10/2026'], [], ['Branch: all'], ['Cust No', 'Company', 'Order Date', 'Order No', 'Item', 'Item Name', 'Product Group', 'Units', 'Net'], ['C1', 'Acme', 45658, 'SO1', 'X1', 'Widget', 'Fixings', 3, 30]] };
    const d = detectTable(g)!;
    expect(d.mapping.headerRow).toBe(4);
    expect(fieldsOf(g)).toMatchObject({ accountId: 'Cust No', accountName: 'Company', date: 'Order Date', orderId: 'Order No', sku: 'Item', productName: 'Item Name', category: 'Product Group', quantity: 'Units', revenue: 'Net' });
  });

  test('each role of a workbook is found: order lines, accounts, catalog, contacts', () => {
    const found = detectWorkbook([
      { name: 'Orders', values: [['Date', 'Account', 'SKU', 'Qty', 'Line Total']] },
      { name: 'Accounts', values: [['Account exported'], [], ['Account No', 'Account Name', 'Tier', 'Industry', 'Parent Account']] },
      { name: 'Catalog', values: [['SKU', 'Product Name', 'Category', 'Product Line', 'List Price', 'Premium Alternative']] },
      { name: 'Contacts', values: [['Account No', 'Name', 'Role', 'Influence']] },
      { name: 'Notes', values: [['Anything', 'else']] },
    ]);
    expect(Object.fromEntries(Object.entries(found).map(([r, d]) => [r, d!.mapping.sheet]))).toEqual({ orders: 'Orders', accounts: 'Accounts', catalog: 'Catalog', contacts: 'Contacts' });
    expect(found.accounts!.mapping.headerRow).toBe(2);
  });

  test('a missing required field names the field, the headers found and how to map it', () => {
    const g: Grid = { name: 'Orders', values: [['Cust', 'When', 'SKU', 'Qty', 'Revenue']] };
    const d = detectTable(g, 'orders');
    // No date column: the orders role cannot be complete.
    const mapping = d?.mapping ?? { role: 'orders' as const, sheet: 'Orders', headerRow: 0, fields: [] };
    expect(() => requireComplete(mapping, ['Cust', 'When', 'SKU', 'Qty', 'Revenue'])).toThrow(MissingRoleError);
    try {
      requireComplete({ role: 'orders', sheet: 'Orders', headerRow: 0, fields: [{ field: 'sku', column: 2, header: 'SKU', confidence: 1 }, { field: 'quantity', column: 3, header: 'Qty', confidence: 1 }, { field: 'revenue', column: 4, header: 'Revenue', confidence: 1 }] }, ['Cust', 'When', 'SKU', 'Qty', 'Revenue']);
    } catch (e) {
      expect((e as Error).message).toMatch(/"Account ID or Account name", "Order date"/);
      expect((e as Error).message).toMatch(/Headers found: Cust, When, SKU, Qty, Revenue/);
      expect((e as Error).message).toMatch(/column mapping/);
    }
  });

  test('the mapping is plain JSON, survives a round trip, and re-applies after rows are inserted above', () => {
    const g: Grid = { name: 'Orders', values: [['Date', 'Account', 'SKU', 'Qty', 'Line Total'], [45658, 'A', 'X', 1, 2]] };
    const m = detectTable(g)!.mapping;
    const back = JSON.parse(JSON.stringify(m));
    expect(back).toEqual(m);
    const moved: Grid = { name: 'Orders', values: [['new title'], [], ['Account', 'Date', 'Qty', 'SKU', 'Line Total']] };
    const re = applyMapping(moved, back);
    expect(re.headerRow).toBe(2);
    expect(Object.fromEntries(re.fields.map((f) => [f.field, f.column]))).toEqual({ date: 1, accountId: 0, sku: 3, quantity: 2, revenue: 4 });
    expect(() => applyMapping({ name: 'Orders', values: [['Account', 'Qty']] }, back)).toThrow(/no longer fits: "Date", "SKU", "Line Total" not found/);
  });

  test('a user choice overrides the guess and takes the column from any other field', () => {
    const headers = ['Date', 'Account', 'SKU', 'Qty', 'Value', 'Net'];
    const m = detectTable({ name: 'O', values: [headers] })!.mapping;
    const chosen = withUserChoices(m, headers, { revenue: 'Net' });
    expect(chosen.fields.find((f) => f.field === 'revenue')).toMatchObject({ header: 'Net', column: 5, confidence: 1 });
    const unmapped = withUserChoices(m, headers, { sku: undefined });
    expect(unmapped.fields.find((f) => f.field === 'sku')).toBeUndefined();
  });
});
