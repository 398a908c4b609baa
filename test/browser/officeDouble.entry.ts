/**
 * Stands in for office.js in the browser tests: installs `Office` and `Excel` backed by the
 * in-memory Excel double, preloaded with a small generated workbook, and exposes the double
 * as `window.kapDouble` so tests can look at the sheets the pane made.
 * The page's query picks the Excel it plays: `?host=desktop` (Excel on Windows: platform "PC",
 * the double's desktop mode) or web (the default), and `&start=hidden` starts the runtime with
 * the pane hidden, as when Excel loads it only to calculate KAP.* cells; `window.kapShowPane()`
 * then shows it (Office.addin.onVisibilityModeChanged → "Taskpane"); `&theme=dark` plays Office's
 * dark (Black) theme; `&dates=1904` makes the workbook one in the 1904 date system (every date
 * cell 1,462 lower, as Excel stores them there); `&filter=one` filters the Orders sheet to the
 * first account's lines (the sheet's AutoFilter), as a user looking at one customer would;
 * `&slow=800` makes every context.sync() take 800 ms (a test may also set
 * `kapDouble.syncDelayMs` once the pane has analysed, to slow only an action).
 */
import { ExcelDouble, type HostMode } from "../excel-double/excel";
import { generateSample, type Row } from "../sample/generate";
import { ymdToSerial } from "../../src/domain/dates";
import { gstr1Sheets } from "../engine/fixtures/gstr1Sections";

const query = new URLSearchParams(location.search);
// a 1904-system workbook counts from 1904-01-01 = 0: each day's serial is 1,462 lower
const EPOCH = query.get("dates") === "1904" ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
const cell = (v: Row[number]) =>
  v instanceof Date ? Math.round((v.getTime() - EPOCH) / 86_400_000) : (v ?? "");
const sheet = (rows: Row[]) => rows.map((r) => r.map(cell));

const mode: HostMode = query.get("host") === "desktop" ? "desktop" : "web";
let shown = query.get("start") !== "hidden";

const data = generateSample({
  seed: 5,
  accounts: 24,
  months: 27,
  endDate: ymdToSerial(2026, 10, 31),
});
// `&names=hostile`: the first accounts carry names a user's data may hold — one that looks like a
// formula, a phone number, and a very long one with characters Excel forbids in sheet names —
// and last year's order lines sit on a second sheet, "Orders 2024".
const HOSTILE_NAMES = [
  '=HYPERLINK("http://example.com","Click")',
  "+44 20 7946 0958",
  "Southern Electrical Contractors / Facilities [Maintenance]: Kent, Sussex & Surrey *Head Office* Division?",
];
if (query.get("names") === "hostile") {
  const ids = data.accounts.slice(1, 1 + HOSTILE_NAMES.length).map((r) => r[0]);
  const rename = (rows: Row[], idCol: number, nameCol: number) => {
    for (const r of rows.slice(1)) {
      const k = ids.indexOf(r[idCol]);
      if (k >= 0) r[nameCol] = HOSTILE_NAMES[k];
    }
  };
  rename(data.accounts, 0, 1);
  rename(data.orders, 2, 3);
}
const split = query.get("names") === "hostile";
// `&data=odd`: the order export's own headers (an ERP's abbreviations, a title above the header row);
// `&data=two`: a second sheet of order lines, last year's archive, as a candidate order table too;
// `&data=empty`: a new workbook, one empty sheet; `&data=gstr1`: GSTR-1's section sheets (b2b,sez,de,
// cdnr, b2ba, cdnra) as the GST offline tool writes them, nothing else.
const shape = query.get("data") ?? "";
const gstr1 = shape === "gstr1" ? gstr1Sheets(true) : [];
const ODD_HEADERS = [
  "Inv. Dt",
  "Doc #",
  "Acct Ref",
  "Trading Name",
  "Stock Ref",
  "Narrative",
  "Prod Grp",
  "Units",
  "Price Each",
  "Nett (ex VAT)",
  "Raised By",
  "Deliver To",
];
const names =
  shape === "empty"
    ? ["Sheet1"]
    : gstr1.length
      ? gstr1.map((g) => g.name)
      : ["Orders", "Accounts", "Catalog", "Contacts", ...(split ? ["Orders 2024"] : [])];
if (shape === "two") names.push("Archive");
const x = new ExcelDouble(names, mode);
// `&culture=en-US` / `de-DE`: the workbook's culture (Excel's application.cultureInfo)
const culture = query.get("culture");
if (culture === "de-DE")
  x.model.culture = { name: "de-DE", decimalSeparator: ",", thousandsSeparator: "." };
else if (culture)
  x.model.culture = { name: culture, decimalSeparator: ".", thousandsSeparator: "," };
if (split) {
  // 40 lines of 2024 moved to their own sheet
  const moved = data.orders
    .slice(1)
    .filter((r) => r[0] instanceof Date && r[0].getUTCFullYear() === 2024)
    .slice(0, 40);
  data.orders = data.orders.filter((r) => !moved.includes(r));
  x.model.fill(x.sheet("Orders 2024"), "A1", sheet([data.orders[0], ...moved]));
}
for (const g of gstr1) x.model.fill(x.sheet(g.name), "A1", g.rows);
if (gstr1.length) {
  // the section sheets only
} else if (shape === "odd") {
  x.model.fill(x.sheet("Orders"), "A1", [["Sales ledger export — all branches"], [""]]);
  x.model.fill(x.sheet("Orders"), "A3", sheet([ODD_HEADERS, ...data.orders.slice(1)]));
} else if (shape !== "empty") x.model.fill(x.sheet("Orders"), "A1", sheet(data.orders));
if (shape === "two") {
  const old = data.orders
    .slice(1)
    .filter((r) => r[0] instanceof Date && r[0].getUTCFullYear() === 2024);
  x.model.fill(x.sheet("Archive"), "A1", sheet([data.orders[0], ...old]));
}
if (shape !== "empty" && !gstr1.length) {
  x.model.fill(x.sheet("Accounts"), "A3", sheet(data.accounts));
  x.model.fill(x.sheet("Accounts"), "A1", [["Account list — exported 31/10/2026"]]);
  x.model.fill(x.sheet("Catalog"), "A1", sheet(data.catalog));
  x.model.fill(x.sheet("Contacts"), "A1", sheet(data.contacts));
}
x.model.date1904 = query.get("dates") === "1904";
if (query.get("slow")) x.syncDelayMs = Number(query.get("slow"));
if (query.get("filter") === "one") {
  const first = data.orders[1][2];
  x.model.applyFilter(
    x.sheet("Orders"),
    { row: 0, col: 0, rows: data.orders.length, cols: data.orders[0].length },
    (r) => r[2] === first
  );
}

// The pane's own visibility, as the task pane's webview reports it.
Object.defineProperty(document, "visibilityState", {
  configurable: true,
  get: () => (shown ? "visible" : "hidden"),
});
const visibilityHandlers: ((m: { visibilityMode: string }) => void)[] = [];
const startupBehavior: string[] = [];

const w = window as unknown as Record<string, unknown>;
w.kapDouble = x;
w.kapSample = { accounts: data.accounts.slice(1).map((r) => ({ id: r[0], name: r[1] })) };
w.kapStartupBehavior = startupBehavior;
w.kapShowPane = () => {
  shown = true;
  for (const h of visibilityHandlers) h({ visibilityMode: "Taskpane" });
};
w.Excel = x.Excel;
const platform = mode === "desktop" ? "PC" : "OfficeOnline";
const ready = Promise.resolve({ host: "Excel", platform });
w.Office = {
  onReady: (cb?: (info: unknown) => void) => {
    if (cb) void ready.then(cb);
    return ready;
  },
  HostType: { Excel: "Excel" },
  PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline" },
  StartupBehavior: { load: "Load", none: "None" },
  VisibilityMode: { hidden: "Hidden", taskpane: "Taskpane" },
  addin: {
    setStartupBehavior: async (b: string) => void startupBehavior.push(b),
    onVisibilityModeChanged: async (h: (m: { visibilityMode: string }) => void) => {
      visibilityHandlers.push(h);
      return async () => void visibilityHandlers.splice(visibilityHandlers.indexOf(h), 1);
    },
  },
  context: {
    platform,
    requirements: { isSetSupported: () => true },
    // `?theme=dark`: Office's Black theme (Excel desktop reports these colours; isDarkTheme on newer hosts)
    officeTheme:
      query.get("theme") === "dark"
        ? {
            bodyBackgroundColor: "#262626",
            bodyForegroundColor: "#ffffff",
            controlBackgroundColor: "#363636",
            controlForegroundColor: "#ffffff",
            isDarkTheme: true,
          }
        : {
            bodyBackgroundColor: "#ffffff",
            bodyForegroundColor: "#000000",
            controlBackgroundColor: "#ffffff",
            controlForegroundColor: "#000000",
          },
    displayLanguage: culture ?? "en-GB",
  },
};
w.CustomFunctions = {
  associate: () => undefined,
  Error: class {},
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
};
