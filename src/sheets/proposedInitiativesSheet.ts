/**
 * The CLI's `kap initiatives FILE --propose --out F.xlsx`: the account plans' proposed initiatives
 * as an Excel table with the Initiatives headers KAP reads (RULES.md §1), to copy into the user's
 * own Initiatives table (KAP never edits the input file). Rows the user's table already has are
 * left out upstream (domain proposedInitiativeRows).
 */
import type { ProposedInitiativeRow } from "../domain/analysis";
import { dateCellFormat } from "../domain/dateText";
import { finishForPrint, paperFor } from "./print";
import { date, FORMATS, sheet, table, title, type SheetSpec } from "./spec";

export function proposedInitiativesSheet(
  rows: readonly ProposedInitiativeRow[],
  subtitle: string,
  asOfText: string,
  currency?: string,
  /** the culture the start and end dates are shown in (src/domain/dateText); undefined = en-GB */
  culture?: string
): SheetSpec {
  const spec = sheet(
    "KAP Proposed Initiatives",
    "proposedInitiatives",
    "",
    [
      title("A1", "Proposed initiatives"),
      { at: "A2", rows: [[subtitle]], style: "note" },
      table(
        "A4",
        "ProposedInitiatives",
        [
          { header: "Account" },
          { header: "Initiative" },
          { header: "Type" },
          { header: "Categories" },
          { header: "SKUs" },
          { header: "Target", format: FORMATS.integer },
          { header: "Start Date", format: dateCellFormat(culture) },
          { header: "End Date", format: dateCellFormat(culture) },
          { header: "Owner" },
          { header: "Status" },
        ],
        rows.map((r) => [
          r.account,
          r.initiative,
          r.type,
          r.categories.join(", ") || null,
          r.skus.join(", ") || null,
          r.target,
          date(r.start),
          date(r.end),
          r.owner,
          r.status,
        ])
      ),
    ],
    {
      widths: [11, 44, 18, 24, 14, 11, 12, 12, 18, 10],
      page: { orientation: "landscape", fitToWidth: true },
      showGridlines: false,
    }
  );
  return finishForPrint(spec, { paper: paperFor(undefined, currency), asOfText });
}
