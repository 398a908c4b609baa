/**
 * The engagement log's direction column, in words: a module of its own, so the worksheet
 * functions (KAP.ENGAGEMENT) read it without the ingest's header vocabulary (ingest/fields,
 * about 10 KB of the functions' bundle).
 */
import type { Direction } from "../domain/types";

/** "Inbound", "In", "Incoming", "From customer", "Customer" → inbound; "Outbound", "Out", "Outgoing", "Us", "Sent" → outbound. */
export function parseDirection(v: string | undefined): Direction | undefined {
  if (!v) return undefined;
  const s = v.trim().toLowerCase();
  if (
    /^(in|inbound|incoming|received|them|customer|client|they)\b|from (the )?(customer|client)|(customer|client)[ -]initiated|by (the )?(customer|client)/.test(
      s
    )
  )
    return "inbound";
  if (
    /^(out|outbound|outgoing|sent|made|us|we|our|ours)\b|to (the )?(customer|client)|by us|we initiated/.test(
      s
    )
  )
    return "outbound";
  return undefined;
}
