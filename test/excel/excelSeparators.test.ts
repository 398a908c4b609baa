/**
 * A user whose Excel uses its own separators ("Use system separators" turned off in Excel on
 * Windows or Mac: decimal comma on an en-GB system) has KAP read text numbers as Excel shows and
 * reads them, as Excel on the web (which follows its regional format, no such option) does.
 * KAP took the system's separators (cultureInfo.numberFormat: "based on current system
 * settings"), so '1,250' in a text cell was 1,250 to KAP and 1.25 to the user; Excel's own are
 * application.decimalSeparator / thousandsSeparator, "based on the local Excel settings"
 * (ExcelApi 1.11, as cultureInfo;
 * https://learn.microsoft.com/javascript/api/excel/excel.application#excel-excel-application-decimalseparator-member).
 */
import { ExcelDouble, type HostMode } from "../excel-double/excel";
import { readCulture, readWorkbookFacts } from "../../src/excel/culture";
import { cultureDecimal, readNumberText } from "../../src/ingest/numbers";

const asCtx = (x: ExcelDouble) => x.newContext() as unknown as Excel.RequestContext;

describe.each(["web", "desktop"] as HostMode[])("the workbook's separators (%s)", (mode) => {
  it("Excel's own separators (system separators off): ',' decimal, '.' groups; '1,250' reads 1.25", async () => {
    const x = new ExcelDouble(["Orders"], mode);
    x.model.culture = { name: "en-GB", decimalSeparator: ".", thousandsSeparator: "," };
    x.model.excelSeparators = { decimal: ",", thousands: "." };
    const culture = await readCulture(asCtx(x));
    expect(culture).toEqual({ name: "en-GB", decimalSeparator: ",", groupSeparator: "." });
    const facts = await readWorkbookFacts(asCtx(x));
    expect(facts.culture).toEqual(culture);
    expect(readNumberText("1,250", cultureDecimal(culture))).toEqual({
      kind: "number",
      value: 1.25,
    });
  });

  it("system separators on (the default): the system's, '1,250' reads 1,250", async () => {
    const x = new ExcelDouble(["Orders"], mode);
    x.model.culture = { name: "en-GB", decimalSeparator: ".", thousandsSeparator: "," };
    const culture = await readCulture(asCtx(x));
    expect(culture).toEqual({ name: "en-GB", decimalSeparator: ".", groupSeparator: "," });
    expect(readNumberText("1,250", cultureDecimal(culture))).toEqual({
      kind: "number",
      value: 1250,
    });
  });
});
