/**
 * The built task pane in headless Chromium, with the in-memory Excel double standing in for
 * office.js: it finds the data, analyses it in its Web Worker, and every button makes what it
 * says — checked in the double's workbook. Screenshots go to test-artifacts/screenshots/.
 */
import type { Browser, Page } from 'playwright-core';
import type { Server } from 'node:http';
import { bundleDouble, CHROMIUM, ensureBuild, launch, openPane, serveDist, shot } from './harness';

const it = CHROMIUM ? test : test.skip;
jest.setTimeout(180_000);

let browser: Browser;
let server: Server;
let page: Page;
let external: string[];

interface DoubleView {
  sheets: string[];
  created: number;
  cell: (sheet: string, a1: string) => unknown;
}

const view = () =>
  page.evaluate(() => {
    const x = (window as unknown as { kapDouble: { sheetNames(): string[]; model: { createdWorkbooks: string[] } } }).kapDouble;
    return { sheets: x.sheetNames(), created: x.model.createdWorkbooks.length } as Omit<DoubleView, 'cell'>;
  });

async function runAction(label: string, expectMessage: RegExp): Promise<void> {
  const button = page.getByRole('button', { name: label, exact: true });
  await button.waitFor();
  await expect(button.isEnabled()).resolves.toBe(true);
  await button.click();
  await page.getByText(expectMessage).first().waitFor({ timeout: 60_000 });
}

beforeAll(async () => {
  if (!CHROMIUM) return;
  ensureBuild();
  const officeJs = bundleDouble();
  const s = await serveDist();
  server = s.server;
  browser = await launch();
  ({ page, external } = await openPane(browser, s.url, officeJs));
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

it('finds the data, analyses it off the UI thread and lists the accounts', async () => {
  await page.getByText('Orders', { exact: false }).first().waitFor();
  const combo = page.getByRole('combobox', { name: 'Account' });
  await combo.waitFor();
  await page.waitForFunction(() => !document.querySelector('input[role="combobox"]')?.hasAttribute('disabled'), undefined, { timeout: 90_000 });
  await shot(page, '01-open');
  expect(await page.getByText(/order lines|rows/i).count()).toBeGreaterThan(0);
});

it('Score all accounts, Portfolio dashboard and Whitespace map make their sheets', async () => {
  await runAction('Score all accounts', /Made sheet 'KAP Account Health'/);
  await shot(page, '02-score-all');
  await runAction('Portfolio dashboard', /Made sheet 'KAP Dashboard'/);
  await runAction('Whitespace map', /Made sheet 'KAP Whitespace Map'/);
  const v = await view();
  expect(v.sheets).toEqual(expect.arrayContaining(['Orders', 'Accounts', 'Catalog', 'Contacts', 'KAP Account Health', 'KAP Dashboard', 'KAP Whitespace Map']));
});

it('picking an account shows its health at a glance, and each account button makes its sheet', async () => {
  const id = await page.evaluate(() => (window as unknown as { kapSample: { accounts: { id: string }[] } }).kapSample.accounts[0].id);
  const combo = page.getByRole('combobox', { name: 'Account' });
  await combo.click();
  await combo.fill(id);
  await page.keyboard.press('Enter'); // Enter on typed text picks the match

  await page.getByText(/Recency/).first().waitFor();
  await shot(page, '03-account');
  await runAction('Purchase breakdown', new RegExp(`Made sheet 'KAP Breakdown – ${id}'`));
  await runAction('Cross-sell', new RegExp(`Made sheet 'KAP Cross-Sell – ${id}'`));
  await runAction('Account plan', new RegExp(`Made sheet 'KAP Plan – ${id}'`));
  await runAction('5P sheet', new RegExp(`Made sheet 'KAP 5P – ${id}'`));
  await runAction('Build QBR workbook', /Opened a new QBR workbook/);
  await shot(page, '04-qbr');
  const v = await view();
  expect(v.sheets).toEqual(expect.arrayContaining([`KAP Breakdown – ${id}`, `KAP Cross-Sell – ${id}`, `KAP Plan – ${id}`, `KAP 5P – ${id}`]));
  expect(v.created).toBe(1);
});

it('re-running an action replaces KAP’s sheet instead of adding another', async () => {
  const before = (await view()).sheets.length;
  await runAction('Score all accounts', /Updated sheet 'KAP Account Health'/);
  expect((await view()).sheets.length).toBe(before);
});

it('works at the narrow task-pane width without horizontal scrolling, and makes no network request but office.js', async () => {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  expect(external).toEqual([]);
});
