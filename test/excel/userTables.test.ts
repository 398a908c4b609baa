/**
 * User-owned tables on the Excel double (issues 11, 12): an empty engagement log / payments
 * ledger with data validation on a new sheet, never over an existing sheet or table; proposed
 * initiatives appended below the user's Initiatives table without touching their rows.
 */
import { ExcelDouble } from "../excel-double/excel";
import { setRequirementCheck } from "../../src/excel/requirements";
import {
  appendInitiativeRows,
  createUserTable,
  ENGAGEMENT_LOG_TEMPLATE,
  INITIATIVE_HEADERS,
  PAYMENTS_LEDGER_TEMPLATE,
  PREPARED_ROWS,
} from "../../src/excel/userTables";
import { detectTable } from "../../src/ingest/detect";

const asCtx = (x: ExcelDouble) => x.newContext() as unknown as Excel.RequestContext;

afterEach(() => setRequirementCheck(undefined));

describe("create an empty engagement log", () => {
  it("a table EngagementLog on a new sheet, headers KAP recognises, drop-downs for type and direction, date checks", async () => {
    const x = new ExcelDouble(["Orders"]);
    const r = await createUserTable(asCtx(x), ENGAGEMENT_LOG_TEMPLATE);
    expect(r).toEqual({ sheet: "Engagement Log", table: "EngagementLog", validated: true });
    const t = x.model.tables.find((t) => t.name === "EngagementLog")!;
    expect(t.sheet.name).toBe("Engagement Log");
    const headers = ["A1", "B1", "C1", "D1", "E1", "F1", "G1", "H1"].map(
      (a) => x.cellAt("Engagement Log", a)?.value
    );
    expect(headers).toEqual([
      "Date",
      "Account",
      "Contact",
      "Type",
      "Direction",
      "Topic",
      "Follow-up",
      "Responded On",
    ]);
    // KAP reads these headers as an engagement log
    const det = detectTable(
      {
        name: "Engagement Log",
        values: [headers as string[], [46300, "C1", "Ann", "Call", "Outbound", "", "", null]],
      },
      "engagement"
    )!;
    expect(det.mapping.fields.map((f) => f.field).sort()).toEqual(
      [
        "accountId",
        "contact",
        "date",
        "direction",
        "followUp",
        "respondedOn",
        "topic",
        "type",
      ].sort()
    );
    const dv = t.sheet.dataValidations;
    const at = (col: number) => dv.find((d) => d.range.col === col)!;
    expect(at(3).rule).toEqual({
      list: { inCellDropDown: true, source: "Call,E-mail,Visit,Meeting" },
    });
    expect(at(4).rule).toEqual({ list: { inCellDropDown: true, source: "Inbound,Outbound" } });
    expect(at(0).rule).toMatchObject({ date: { operator: "GreaterThanOrEqualTo" } });
    expect(at(7).rule).toMatchObject({ date: { operator: "GreaterThanOrEqualTo" } });
    expect(at(3).errorAlert).toMatchObject({ showAlert: true, style: "Stop" });
    // rows 2 to 1,001 prepared below the header
    expect(at(3).range).toEqual({ row: 1, col: 3, rows: PREPARED_ROWS, cols: 1 });
    // empty rows, formatted for date-times
    expect(x.cellAt("Engagement Log", "A2")?.value ?? "").toBe("");
    expect(x.cellAt("Engagement Log", "A2")?.numberFormat).toBe("yyyy-mm-dd hh:mm");
  });

  it("never over an existing sheet or table: a second log is Engagement Log 2 / EngagementLog2, the first untouched", async () => {
    const x = new ExcelDouble(["Engagement Log"]);
    x.model.fill(x.sheet("Engagement Log"), "A1", [["my notes"]]);
    const r1 = await createUserTable(asCtx(x), ENGAGEMENT_LOG_TEMPLATE);
    expect(r1.sheet).toBe("Engagement Log 2");
    const r2 = await createUserTable(asCtx(x), ENGAGEMENT_LOG_TEMPLATE);
    expect(r2).toMatchObject({ sheet: "Engagement Log 3", table: "EngagementLog2" });
    expect(x.cellAt("Engagement Log", "A1")?.value).toBe("my notes");
  });

  it("on an Excel without ExcelApi 1.8 the table is made without validation, and says so", async () => {
    setRequirementCheck((set) => Number(set) <= 1.7);
    const x = new ExcelDouble();
    const r = await createUserTable(asCtx(x), ENGAGEMENT_LOG_TEMPLATE);
    expect(r.validated).toBe(false);
    expect(x.model.sheetByName("Engagement Log")!.dataValidations).toEqual([]);
    expect(x.model.tables.map((t) => t.name)).toContain("EngagementLog");
  });

  it("a payments ledger: dates checked, amounts numbers", async () => {
    const x = new ExcelDouble();
    const r = await createUserTable(asCtx(x), PAYMENTS_LEDGER_TEMPLATE);
    expect(r).toMatchObject({ sheet: "Payments", table: "PaymentsLedger" });
    const dv = x.model.sheetByName("Payments")!.dataValidations;
    expect(dv.map((d) => Object.keys(d.rule!)[0])).toEqual(["date", "date", "date", "decimal"]);
    expect(x.cellAt("Payments", "C2")?.numberFormat).toBe("yyyy-mm-dd");
    expect(x.cellAt("Payments", "F2")?.numberFormat).toBe("#,##0.00");
  });
});

describe("propose initiatives into the user's table", () => {
  const proposal = (initiative: string, account = "C0204") => ({
    Account: account,
    Initiative: initiative,
    Type: "New category",
    Categories: "Lighting",
    Target: 4500,
    "Start Date": 46327,
    "End Date": 46447,
    Owner: "Nikki Shah",
    Status: "Proposed",
  });

  it("adds only the rows the table lacks, below the user's rows, in the user's column order; user rows untouched", async () => {
    const x = new ExcelDouble(["Plans"]);
    const s = x.sheet("Plans");
    // the user's table: their own column order and an extra column of theirs
    x.model.fill(s, "A1", [
      ["Initiative", "Account", "Target", "Notes", "Start Date"],
      ["Introduce Lighting", "c0204", 3000, "agreed with buyer", 46300],
      ["=cmd", "C0077", 1000, "", 46300],
    ]);
    x.model.addTable(s, { row: 0, col: 0, rows: 3, cols: 5 }, true).name = "MyInitiatives";
    const r = await appendInitiativeRows(
      asCtx(x),
      {
        sheet: "Plans",
        table: "MyInitiatives",
        headers: {
          Initiative: "Initiative",
          Account: "Account",
          Target: "Target",
          "Start Date": "Start Date",
        },
      },
      [
        proposal("Introduce  lighting"),
        proposal("Upgrade to premium Cable Ties"),
        proposal("=HYPERLINK(1)"),
      ]
    );
    expect(r).toMatchObject({ added: 2, skipped: 1, created: false });
    // the user's rows as they were
    expect(x.cellAt("Plans", "D2")?.value).toBe("agreed with buyer");
    expect(x.cellAt("Plans", "C2")?.value).toBe(3000);
    // new rows 4 and 5 in the user's order; unknown columns left blank
    expect(["A4", "B4", "C4", "E4"].map((a) => x.cellAt("Plans", a)?.value)).toEqual([
      "Upgrade to premium Cable Ties",
      "C0204",
      4500,
      46327,
    ]);
    expect(x.cellAt("Plans", "E4")?.numberFormat).toBe("yyyy-mm-dd");
    // text from the data stays text, never a formula
    expect(x.cellAt("Plans", "A5")?.value).toBe("=HYPERLINK(1)");
    expect(x.cellAt("Plans", "A5")?.formula).toBeUndefined();
    expect(x.model.tables[0].range.rows).toBe(5);
    // run again: nothing new
    const again = await appendInitiativeRows(
      asCtx(x),
      {
        sheet: "Plans",
        table: "MyInitiatives",
        headers: { Initiative: "Initiative", Account: "Account" },
      },
      [proposal("Upgrade to premium Cable Ties")]
    );
    expect(again).toMatchObject({ added: 0, skipped: 1 });
  });

  it("a table with a totals row: the new rows go above it and the user's totals row is kept, not overwritten", async () => {
    const x = new ExcelDouble(["Plans"]);
    const s = x.sheet("Plans");
    // Initiative | Account | Target, two rows, and Excel's totals row (Total …  =SUBTOTAL of Target: 3,000 + 1,000)
    x.model.fill(s, "A1", [
      ["Initiative", "Account", "Target"],
      ["Introduce Lighting", "C0204", 3000],
      ["Win back fixings", "C0077", 1000],
      ["Total", "", 4000],
    ]);
    s.setCell(3, 2, { value: 4000, formula: "=SUBTOTAL(109,[Target])" });
    const t = x.model.addTable(s, { row: 0, col: 0, rows: 4, cols: 3 }, true);
    t.name = "MyInitiatives";
    t.showTotals = true;
    const r = await appendInitiativeRows(
      asCtx(x),
      {
        sheet: "Plans",
        table: "MyInitiatives",
        headers: { Initiative: "Initiative", Account: "Account", Target: "Target" },
      },
      [proposal("Upgrade to premium Cable Ties"), proposal("Introduce Tools")]
    );
    expect(r).toMatchObject({ added: 2, skipped: 0 });
    // the user's rows as they were; the proposals in rows 4 and 5
    expect(["A2", "A3"].map((a) => x.cellAt("Plans", a)?.value)).toEqual([
      "Introduce Lighting",
      "Win back fixings",
    ]);
    expect(["A4", "B4", "C4"].map((a) => x.cellAt("Plans", a)?.value)).toEqual([
      "Upgrade to premium Cable Ties",
      "C0204",
      4500,
    ]);
    expect(x.cellAt("Plans", "A5")?.value).toBe("Introduce Tools");
    // the totals row, moved down to row 6, still the user's label and formula
    expect(x.cellAt("Plans", "A6")?.value).toBe("Total");
    expect(x.cellAt("Plans", "C6")?.formula).toBe("=SUBTOTAL(109,[Target])");
    expect(t.range.rows).toBe(6); // header + 4 rows + totals
  });

  it("with no Initiatives table, makes one (Initiatives sheet and table) and fills its blank first row", async () => {
    const x = new ExcelDouble(["Orders"]);
    const r = await appendInitiativeRows(asCtx(x), undefined, [proposal("A"), proposal("B")]);
    expect(r).toMatchObject({
      sheet: "Initiatives",
      table: "Initiatives",
      added: 2,
      created: true,
    });
    const t = x.model.tables.find((t) => t.name === "Initiatives")!;
    expect(t.range.rows).toBe(3); // header + 2 rows, no blank row left
    expect(
      INITIATIVE_HEADERS.map(
        (_h, i) => x.cellAt("Initiatives", `${String.fromCharCode(65 + i)}1`)?.value
      )
    ).toEqual([...INITIATIVE_HEADERS]);
    expect(x.cellAt("Initiatives", "B2")?.value).toBe("A");
    expect(x.cellAt("Initiatives", "B3")?.value).toBe("B");
  });
});
