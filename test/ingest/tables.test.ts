/** The optional tables: accounts (tier, engagement labels, credit hold, override), catalog, contacts, cross-sell rules, rates. */
import { detectTable } from '../../src/ingest/detect';
import { parseAccounts, parseCatalog, parseContacts, parseCrossSell, parseRates } from '../../src/ingest/tables';
import type { Cell } from '../../src/ingest/grid';

const m = (values: Cell[][]) => detectTable({ name: 'T', values })!.mapping;

test('accounts: tiers, engagement numbers and labels, days late, credit hold, override with reason, rejects', () => {
  const values: Cell[][] = [
    ['Account list'],
    [],
    ['Account No', 'Account Name', 'Parent Account', 'Tier', 'Industry', 'Engagement', 'Avg Days Beyond Terms', 'Credit Hold', 'Health Override', 'Override Reason'],
    ['A1', 'Acme', null, 'gold', 'Plumber', 'Responds within 24 hours', 3.5, 'No', null, null],
    ['A2', 'Acme North', 'A1', 'PLATINUM', 'Plumber', 2, -1, 'Yes', 'At Risk', 'Contact leaving'],
    [null, null, null, 'Silver', null, null, null, null, null, null],
  ];
  const r = parseAccounts(m(values), values);
  expect(r.records.map((a) => [a.accountId, a.tier, a.engagement, a.daysBeyondTerms, a.creditHold, a.parentId])).toEqual([
    ['A1', 'Gold', 4, 3.5, false, undefined],
    ['A2', 'Platinum', 2, -1, true, 'A1'],
  ]);
  expect(r.records[1].healthOverride).toEqual({ band: 'At Risk', reason: 'Contact leaving' });
  expect(r.rejected).toEqual([{ reason: 'no account id', count: 1, rows: [6] }]);
});

test('catalog, contacts, cross-sell rules and rates', () => {
  const cat: Cell[][] = [['SKU', 'Product Name', 'Category', 'Product Line', 'List Price', 'Premium Alternative'], ['CT1', 'Tie 100', 'Cable Ties', 'Nylon Ties', '£3.20', 'CT9']];
  expect(parseCatalog(m(cat), cat).records).toEqual([{ sku: 'CT1', name: 'Tie 100', category: 'Cable Ties', productLine: 'Nylon Ties', listPrice: 3.2, premiumSku: 'CT9', row: 2 }]);
  const con: Cell[][] = [['Account No', 'Name', 'Role', 'Influence', 'Relationship', 'Feeling'], ['A1', 'Jo Smith', 'Purchaser', 'High', 4, -1]];
  expect(parseContacts(m(con), con).records[0]).toMatchObject({ accountId: 'A1', name: 'Jo Smith', role: 'Purchaser', influence: 4, relationship: 4, feeling: -1 });
  const xs: Cell[][] = [['They buy', 'Consider selling', 'Rationale', 'Priority'], ['Cable Ties', 'Cable Tie Gun', 'Faster', 'high']];
  expect(parseCrossSell(m(xs), xs).records).toEqual([{ theyBuy: 'Cable Ties', considerSelling: 'Cable Tie Gun', rationale: 'Faster', priority: 'High' }]);
  const rates: Cell[][] = [['Currency', 'Rate'], ['eur', 0.85], ['USD', 'n/a']];
  const rr = parseRates(m(rates), rates);
  expect(rr.records).toEqual([{ from: 'EUR', rate: 0.85 }]);
  expect(rr.rejected[0]).toMatchObject({ reason: 'unreadable rate', rows: [3] });
});
