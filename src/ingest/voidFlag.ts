/**
 * A yes/no column saying a sale was voided or cancelled (Lightspeed Retail's "Voided": Yes, No; Dynamics GP's VOIDSTTS: 0, 1):
 * read as the cancellation mark ("Cancelled at"), a line whose flag is set skipped as a
 * cancelled or voided order. Left unread, a voided sale of 100.00 counted as a sale with nothing
 * said.
 */
import { type Cell, isBlankCell } from "./grid";
import type { FieldMatch } from "./detect";
import { normaliseHeader } from "./fields";

/** Headers of a voided/cancelled flag, normalised. */
const VOID_FLAG_HEADER =
  /^(?:(?:is )?(?:voided|void|cancell?ed|canceled|storniert|annul[ée]e?)|void ?stts|void status)$/;
/** A flag's values, set or not. */
const FLAG_SET = /^(?:yes|y|true|1|ja|j|oui|si|sí|x)$/i;
const FLAG_UNSET = /^(?:no|n|false|0|nein|non)$/i;

/** Whether a cancellation mark says the line is cancelled: a date, or a flag set (not "No", "False", "0"). */
export function cancellationMarked(v: Cell): boolean {
  if (isBlankCell(v)) return false;
  if (v === false || v === 0) return false;
  return typeof v !== "string" || !FLAG_UNSET.test(v.trim());
}

/**
 * The column of a voided/cancelled flag no field took, whose sample values are all yes/no with
 * some unset ones, or undefined.
 */
export function voidFlagColumn(
  headers: readonly string[],
  sample: readonly (readonly Cell[])[],
  fields: readonly FieldMatch[]
): number | undefined {
  if (fields.some((m) => m.field === "cancelledAt")) return undefined;
  const column = headers.findIndex(
    (h, c) => VOID_FLAG_HEADER.test(normaliseHeader(h)) && !fields.some((m) => m.column === c)
  );
  if (column < 0) return undefined;
  let unset = 0;
  for (const r of sample) {
    const v = r[column];
    if (isBlankCell(v)) continue;
    if (typeof v === "boolean") {
      if (!v) unset++;
      continue;
    }
    const t = String(v).trim();
    if (FLAG_UNSET.test(t)) unset++;
    else if (!FLAG_SET.test(t)) return undefined;
  }
  return unset > 0 ? column : undefined;
}
