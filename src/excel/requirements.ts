/**
 * Which Excel JavaScript API requirement sets KAP needs. manifest.xml declares the lowest set
 * the add-in cannot work without (ExcelApi 1.7: getRangeByIndexes, freezePanes, tabColor, on top
 * of settings 1.4 and conditional formats 1.6); anything newer is checked here with
 * Office.context.requirements.isSetSupported before use, and the user is told in plain words
 * what needs a newer Excel (excel-api-requirement-sets.md; specify-office-hosts-and-api-requirements.md).
 * test/excel/requirements.test.ts scans src/excel for the APIs used and checks each against the
 * set its @types/office-js declaration names.
 */
export const MANIFEST_EXCEL_API = "1.7";

export const FEATURES = {
  /** application.cultureInfo (ExcelApi 1.11): day-first or month-first dates, the decimal mark. */
  culture: { set: "1.11", what: "reading the workbook's date order and decimal mark" },
  /** worksheet.autoFilter and table.autoFilter (ExcelApi 1.9): whether rows are hidden by a filter or by hand. */
  filterState: { set: "1.9", what: "telling rows hidden by a filter from rows hidden by hand" },
  /** worksheet.customProperties (ExcelApi 1.12): not copied with a sheet, so it tells KAP's original sheet from a copy (marker.ts). */
  sheetCopies: { set: "1.12", what: "telling KAP's sheets from copies you made of them" },
  /** worksheet.pageLayout (ExcelApi 1.9): print setup of KAP's sheets. */
  pageLayout: { set: "1.9", what: "setting up the sheets for printing" },
  /** range.format.indentLevel (ExcelApi 1.9): a space between figures and the text beside them. */
  indent: { set: "1.9", what: "a space between figures and the text beside them" },
  /** worksheet.showGridlines (ExcelApi 1.8). */
  gridlines: { set: "1.8", what: "hiding gridlines on KAP sheets" },
  /** Excel.createWorkbook (ExcelApi 1.8): the QBR workbook opens as a new workbook. */
  newWorkbook: { set: "1.8", what: "opening the QBR workbook" },
  /** chartSeries.dataLabels (ExcelApi 1.8): the decision map's points labelled with names (else a legend names them). */
  chartLabels: { set: "1.8", what: "labelling a chart's points with their names" },
  /** chartAxis.numberFormat (ExcelApi 1.8): money axes in whole units (£20,000, not £20,000.00). */
  chartAxisFormat: { set: "1.8", what: "showing chart axes in whole currency units" },
  /** range.dataValidation (ExcelApi 1.8): drop-downs and date checks in an empty engagement log or payments ledger. */
  dataValidation: { set: "1.8", what: "drop-down lists and date checks in a new table" },
  /** worksheet.notes (ExcelApi 1.18): a long text's whole wording in a note on its cell, its row kept short. */
  notes: { set: "1.18", what: "notes with a long text's whole wording" },
  /** workbook.insertWorksheetsFromBase64 (ExcelApi 1.13). */
  insertSheets: { set: "1.13", what: "inserting prepared sheets" },
} as const;

export type Feature = keyof typeof FEATURES;

/**
 * Every Excel API member (Owner.member, as @types/office-js declares it) that src/excel uses from a
 * set newer than MANIFEST_EXCEL_API, and the feature whose check guards it
 * (test/excel/requirements.test.ts: each use sits in a file that checks that feature).
 */
export const GUARDED_APIS: Record<string, Feature> = {
  "Application.cultureInfo": "culture",
  "Application.decimalSeparator": "culture",
  "Application.thousandsSeparator": "culture",
  "Application.useSystemSeparators": "culture",
  "Worksheet.autoFilter": "filterState",
  "Table.autoFilter": "filterState",
  "AutoFilter.isDataFiltered": "filterState",
  "CultureInfo.name": "culture",
  "CultureInfo.numberFormat": "culture",
  "NumberFormatInfo.numberDecimalSeparator": "culture",
  "NumberFormatInfo.numberGroupSeparator": "culture",
  "ChartAxis.numberFormat": "chartAxisFormat",
  "Worksheet.customProperties": "sheetCopies",
  "WorksheetCustomPropertyCollection.add": "sheetCopies",
  "WorksheetCustomPropertyCollection.getItemOrNullObject": "sheetCopies",
  "WorksheetCustomProperty.value": "sheetCopies",
  "Worksheet.pageLayout": "pageLayout",
  "PageLayout.orientation": "pageLayout",
  "PageLayout.zoom": "pageLayout",
  "PageLayout.setPrintTitleRows": "pageLayout",
  "PageLayout.setPrintTitleColumns": "pageLayout",
  "PageLayout.printOrder": "pageLayout",
  "PageLayout.topMargin": "pageLayout",
  "PageLayout.bottomMargin": "pageLayout",
  "PageLayout.leftMargin": "pageLayout",
  "PageLayout.rightMargin": "pageLayout",
  "PageLayout.paperSize": "pageLayout",
  "PageLayout.setPrintArea": "pageLayout",
  "Worksheet.horizontalPageBreaks": "pageLayout",
  "PageBreakCollection.add": "pageLayout",
  "PageLayout.headersFooters": "pageLayout",
  "HeaderFooterGroup.defaultForAllPages": "pageLayout",
  "HeaderFooter.leftHeader": "pageLayout",
  "HeaderFooter.rightHeader": "pageLayout",
  "HeaderFooter.leftFooter": "pageLayout",
  "HeaderFooter.rightFooter": "pageLayout",
  "Worksheet.showGridlines": "gridlines",
  "RangeFormat.indentLevel": "indent",
  "Excel.createWorkbook": "newWorkbook",
  "Workbook.insertWorksheetsFromBase64": "insertSheets",
  "ChartSeries.dataLabels": "chartLabels",
  "Worksheet.notes": "notes",
  "NoteCollection.add": "notes",
  "Range.dataValidation": "dataValidation",
  "DataValidation.rule": "dataValidation",
  "DataValidation.errorAlert": "dataValidation",
};

type SetCheck = (set: string) => boolean;
let override: SetCheck | undefined;

/** Tests (and the Excel double's host modes) decide which sets the "host" supports. */
export function setRequirementCheck(check: SetCheck | undefined): void {
  override = check;
}

/** Whether the host supports ExcelApi `set`; outside Office (tests, the CLI) everything is there. */
export function supportsExcelApi(set: string): boolean {
  if (override) return override(set);
  if (typeof Office === "undefined") return true;
  const req = Office.context?.requirements;
  return req?.isSetSupported ? req.isSetSupported("ExcelApi", set) : true;
}

export function supports(feature: Feature): boolean {
  return supportsExcelApi(FEATURES[feature].set);
}

/** A plain message for what cannot be done on this Excel. */
export class NeedsNewerExcelError extends Error {
  constructor(readonly feature: Feature) {
    super(
      `This version of Excel cannot do ${FEATURES[feature].what} (it needs Excel JavaScript API ${FEATURES[feature].set}: Microsoft 365, or Excel 2021 or later). Update Excel, or use the kap command line for this.`
    );
    this.name = "NeedsNewerExcelError";
  }
}

export function requireFeature(feature: Feature): void {
  if (!supports(feature)) throw new NeedsNewerExcelError(feature);
}
