/**
 * Mexico's CFDI listings (ingest/layouts "cfdi", "sat-cfdi-metadata"): the SAT's Descarga masiva
 * gives the CFDI a company issued (emitidos, its sales) and those it received (recibidos, its
 * purchases) in the same columns. Received CFDI have many issuers and one receiver, the company
 * itself: read as sales, they would be one account buying from every supplier.
 */
import type { Cell } from "./grid";
import { normaliseHeader } from "./fields";

/** The issuer's RFC column: the seller of every CFDI. */
const ISSUER_RFC = new Set(["rfc emisor", "emisor rfc"]);

/** The layouts whose rows are CFDI. */
export function isCfdiLayout(layout: string | undefined): boolean {
  return layout === "cfdi" || layout === "sat-cfdi-metadata";
}

/**
 * What the user is told when the rows look like CFDI received: two issuers or more and a single
 * receiver. Undefined otherwise (one issuer: the company's own sales, whoever bought).
 */
export function receivedCfdiNote(
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  receiverOf: (row: readonly Cell[]) => string
): string | undefined {
  const column = headers.findIndex((h) => ISSUER_RFC.has(normaliseHeader(h)));
  if (column < 0) return undefined;
  const issuers = new Set<string>();
  const receivers = new Set<string>();
  for (const r of rows) {
    const issuer = String(r[column] ?? "").trim();
    const receiver = receiverOf(r);
    if (issuer === "" || receiver === "") continue;
    issuers.add(issuer.toUpperCase());
    receivers.add(receiver.toUpperCase());
  }
  if (issuers.size < 2 || receivers.size !== 1) return undefined;
  const [receiver] = receivers;
  const some = [...issuers].slice(0, 3).join(", ");
  return `These CFDI have ${issuers.size} issuers ("${headers[column].trim()}": ${some}${issuers.size > 3 ? ", …" : ""}) and one receiver, ${receiver}: they look like CFDI received (recibidos), ${receiver}'s purchases, yet each is read as a sale to ${receiver}. If so, analyse the CFDI issued (emitidos) instead.`;
}
