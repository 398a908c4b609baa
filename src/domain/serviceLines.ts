/**
 * Service and adjustment lines (RULES.md §2): postage, carriage, delivery, manual adjustments,
 * discounts, down payments, bank charges, marketplace fees, commissions and samples. They count in revenue but
 * are never products or categories (a wholesaler's postage line is not its customers' top product).
 *
 * A line is one when its SKU is a known service code, or its description says so. Codes are the
 * common ones of accounting and web-shop exports (the public "Online Retail" data set uses POST,
 * DOT, C2, M, D, CRUK, BANK CHARGES, AMAZONFEE, S and B). One-letter codes are taken only when
 * the description names the service: "S" with "SAMPLES" is a sample line; "S" with "Nitrile
 * gloves, small", or alone with no description, is a product (a one-letter product code, "B", is
 * nobody's bad-debt line: no column KAP reads says a code is a line type rather than a product).
 */

export interface ServiceCode {
  code: string;
  meaning: string;
}

/** SKU codes (compared trimmed and case-blind; one-letter codes upper-case only) that are service or adjustment lines. */
export const SERVICE_CODES: readonly ServiceCode[] = [
  { code: "POST", meaning: "postage" },
  { code: "POSTAGE", meaning: "postage" },
  { code: "DOT", meaning: "dotcom postage" },
  { code: "C2", meaning: "carriage" },
  { code: "CARRIAGE", meaning: "carriage" },
  { code: "P&P", meaning: "postage and packing" },
  { code: "DELIVERY", meaning: "delivery" },
  { code: "SHIPPING", meaning: "shipping" },
  { code: "FREIGHT", meaning: "freight" },
  { code: "M", meaning: "manual adjustment" },
  { code: "MANUAL", meaning: "manual adjustment" },
  { code: "ADJUST", meaning: "adjustment" },
  { code: "D", meaning: "discount" },
  { code: "DISCOUNT", meaning: "discount" },
  { code: "CRUK", meaning: "CRUK commission" },
  { code: "BANK CHARGES", meaning: "bank charges" },
  { code: "AMAZONFEE", meaning: "marketplace fee" },
  { code: "S", meaning: "samples" },
  { code: "SAMPLES", meaning: "samples" },
  { code: "B", meaning: "bad-debt adjustment" },
];

/**
 * Descriptions (lower-cased and without accents, "&" read as "and", other punctuation as spaces)
 * that are service or adjustment lines, with their kind, in English and in the languages of the
 * exports KAP reads (German, French, Italian, Spanish, Dutch, Polish, Czech). Each pattern covers the whole description, so a product
 * that merely mentions a word ("Delivery van toy", "Discount bin labels") stays a product.
 */
export const SERVICE_DESCRIPTIONS: readonly { kind: string; pattern: RegExp }[] = [
  // "POSTAGE", "DOTCOM POSTAGE", "Next day delivery", "P&P", "Shipping charge", "Carriage paid"
  {
    kind: "postage and delivery",
    pattern:
      /^(?:[a-z]+ ){0,2}(?:postage|carriage|delivery|shipping|freight|p and p)(?: and packing| packing| charges?| costs?| fees?| paid)?$/,
  },
  {
    kind: "postage and delivery",
    pattern:
      /^(?:small order|minimum order|handling|fuel|delivery|carriage) (?:charge|surcharge|fee)s?$/,
  },
  { kind: "postage and delivery", pattern: /^(?:fuel )?surcharge$/ },
  // haulage, pallet and packing charges: "Haulage", "Pallet charge", "Packing & carriage"
  // ("Pallet truck", "Packaging tape" and "Transport trolley" are products)
  {
    kind: "postage and delivery",
    pattern:
      /^(?:(?:haulage|transport|transportation|courier|packing)(?: (?:charges?|costs?|fees?|surcharges?))?|(?:pallets?|palletisation|palletization|packaging|crating|insurance) (?:charges?|costs?|fees?|surcharges?)|(?:packing|packaging|handling) and (?:carriage|postage|delivery|shipping|freight)(?: charges?| costs?)?|(?:[a-z]+ ){1,2}surcharges?)$/,
  },
  // German ERP exports: "Versandkosten", "Frachtkosten", "Porto", "Verpackung",
  // "Mindermengenzuschlag", "Dieselzuschlag", "Transportkosten", "Fracht und Verpackung"
  {
    kind: "postage and delivery",
    pattern:
      /^(?:versand(?:kosten)?(?:pauschale)?|fracht(?:kosten)?(?:pauschale)?|porto(?:kosten)?|verpackung(?:skosten)?(?:pauschale)?|(?:transport|liefer|zustell|paletten)kosten|[a-z]*zuschlag)(?: und (?:verpackung|versand|fracht|porto))?$/,
  },
  // French: "Frais de port", "Frais de livraison", "Port et emballage", "Emballage", "Transport"
  {
    kind: "postage and delivery",
    pattern:
      /^(?:(?:participation aux |forfait )?frais (?:de |d )?(?:port|livraison|expedition|envoi|transport|emballage|manutention)(?: et (?:d |de )?(?:emballage|port|manutention|livraison))?(?: ht)?|port(?: paye| du| et emballage)?|forfait (?:port|livraison|transport)|emballage|livraison|manutention)$/,
  },
  // Italian: "Spese di trasporto", "Spese spedizione", "Imballo", "Contributo trasporto"
  {
    kind: "postage and delivery",
    pattern:
      /^(?:contributo )?(?:spese (?:di )?)?(?:trasporto|spedizione|consegna|imballo|imballaggio)(?: e (?:imballo|imballaggio|trasporto|spedizione))?$/,
  },
  // Spanish and Portuguese: "Portes", "Gastos de envío", "Transporte", "Embalaje", "Frete"
  {
    kind: "postage and delivery",
    pattern:
      /^(?:portes(?: pagados| debidos)?|(?:gastos (?:de )?)?(?:envio|transporte|expedicion|embalaje)(?: y (?:embalaje|transporte|envio))?|frete)$/,
  },
  // Dutch: "Verzendkosten", "Vrachtkosten", "Bezorgkosten", "Verpakking", "Brandstoftoeslag"
  {
    kind: "postage and delivery",
    pattern:
      /^(?:(?:verzend|vracht|bezorg|transport|leverings|lever|aflever|verpakkings|porto|pallet|emballage)kosten|kosten (?:verzending|verzenden|bezorging|transport|levering|verpakking)|verzending|vracht|bezorging|levering|verpakking|[a-z]*toeslag)$/,
  },
  // Polish and Czech: "Koszty transportu", "Koszt wysyłki", "Dostawa", "Opakowanie", "Doprava", "Poštovné"
  {
    kind: "postage and delivery",
    pattern:
      /^(?:(?:koszty?|oplata za) (?:transportu|wysylki|dostawy|przesylki|opakowania|pakowania)|dostawa|wysylka|przesylka|opakowanie|usluga transportowa|doprava|dopravne|preprava|postovne|balne|(?:doprava|postovne) a balne)$/,
  },
  // "Manual", "Adjust bad debt", "Stock adjustment", "Rounding"
  { kind: "manual adjustment", pattern: /^manual(?: (?:adjustment|entry|line))?$/ },
  { kind: "manual adjustment", pattern: /^adjust(?:ment)?s?(?: .*)?$/ },
  { kind: "manual adjustment", pattern: /^(?:[a-z]+ )?adjustments?$/ },
  { kind: "manual adjustment", pattern: /^rounding(?: difference| adjustment)?$/ },
  // "Discount", "Discount 10%", "10% Discount", "Early payment discount", and the German and
  // French words ("Rabatt", "Mengenrabatt 5%", "Preisnachlass", "Skonto 2%", "Remise 10%",
  // "Escompte 2%"), Dutch, Italian and Spanish ones; "%" reads as " percent ". A rebate or bonus
  // is money given back on what was bought (methodology 000: "volume-based rebates", "5%
  // retrospective rebate"; German "Bonus", "Jahresbonus", "Umsatzbonus 3%"): a price reduction too
  // (Polish "Rabat", "Upust", Czech "Sleva", French "Ristourne", Spanish "Bonificación", Italian
  // "Abbuono"; the words of a line's reason after it: "Sconto in fattura", "Descuento pronto pago")
  {
    kind: "discount",
    pattern:
      /^(?:less )?(?:\d+(?: \d+)?(?: percent)? )?(?:[a-z]+ ){0,2}(?:discounts?|[a-z]*rabatt?|[a-z]*nachlass|remises?|escomptes?|ristournes?|kortings?|sconti|sconto|abbuon[oi]|descuentos?|bonificacion(?:es)?|upust|slevy|sleva|skonto(?:abzug)?|rebates?|[a-z]*bonus)(?: (?:commerciale?|comercial|exceptionnelle|globale|financiere?|financiero|sur facture|in fattura|su fattura|incondizionato|en factura|op factuur|auf rechnung|(?:por |per )?pronto (?:pago|pagamento)|por volumen|handlowy))?(?: \d+(?: \d+)?(?: percent)?)?$/,
  },
  // QuickBooks' short item names "Disc 10%", "10% Disc": only with the percent ("Disc 125" is a grinding disc)
  { kind: "discount", pattern: /^(?:disc \d+(?: \d+)? percent|\d+(?: \d+)? percent disc)$/ },
  // "Bank Charges", "AMAZON FEE", "CRUK Commission"
  // "Frais bancaires", "Spese bancarie", "Gastos bancarios", "Bankkosten", "Bankgebühren"
  {
    kind: "bank charges",
    pattern:
      /^(?:bank charges?|frais bancaires|spese bancarie|gastos bancarios|bankkosten|bankgebuhren?)$/,
  },
  // handling and administration fees: "Admin fee", "Frais de dossier", "Spese incasso", "Gastos
  // de gestión", "Administratiekosten", "Bearbeitungsgebühr", "Opłata manipulacyjna" (a course's
  // or a licence's fee is a product: only these)
  {
    kind: "fee",
    pattern:
      /^(?:(?:admin|administration|administrative|booking|restocking|processing|order processing|documentation|invoice|invoicing) (?:fees?|charges?)|frais (?:de |d )?(?:gestion|dossier|facturation|traitement|administratifs|administration)|spese (?:di )?(?:incasso|accessorie|amministrative|gestione|bollo)|gastos (?:de )?(?:gestion|administracion|tramitacion)|(?:kleine )?(?:administratie|order|dossier|behandelings|handling)kosten|[a-z]*gebuhr(?:en)?|oplata (?:manipulacyjna|administracyjna))$/,
  },
  {
    kind: "marketplace fee",
    pattern:
      /^(?:amazon|ebay|etsy|marketplace|paypal|stripe|card|payment)(?: processing)? (?:fees?|charges?|commission)$/,
  },
  { kind: "commission", pattern: /^(?:[a-z]+ )?commission$/ },
  // a down payment invoiced ahead, and taken off the final invoice (Odoo's "Down payment",
  // "Down Payment: 30%", "Down payment of 30%", and on the final invoice "Down Payment (ref:
  // INV/2026/00010 on 09/01/2026)"; "Anzahlung", "Acompte", "Aanbetaling", "Anticipo"): money on
  // account, no product
  // weclapp's and other German invoices: "Anzahlung 30% zu Auftrag AB-5501" on the down-payment
  // invoice, "abzüglich Anzahlung R-2026-0301" on the final one (a reference or date after the
  // word: each of its parts starts with a digit, after a short prefix, so "Deposit 12 bottles" is none)
  {
    kind: "down payment",
    pattern:
      /^(?:(?:abzuglich|abzgl|abzug|verrechnung|verrechnete|minus|less|deduction|deducted|moins|deduction|af|menos|meno)(?: (?:der|die|the|of|de|la|l|d|des|du|van|erhaltene[nr]?|geleistete[nr]?|received|paid)){0,2} )?(?:down ?payments?|deposit|anzahlung(?:srechnung)?|abschlags(?:zahlung|rechnung)|acompte|aanbetaling|anticipo)(?: received| paid| erhalten| geleistet| recu| ontvangen)?(?: of)?(?: \d+(?: \d+)?(?: percent)?)?(?: ref [a-z0-9 ]+| (?:(?:zu|zum|zur|fur|for|on|to|from|vom|aus|auf|gem|laut|lt|de|du|sur|op|van|per|nr|no)(?: [a-z]+){0,2} )?(?:[a-z]{1,4} )?\d[a-z0-9]*(?: \d[a-z0-9]*)*)?$/,
  },
  // "SAMPLES", "Free sample"
  { kind: "samples", pattern: /^(?:free )?samples?$/ },
];

const CODE_MEANING = new Map(SERVICE_CODES.map((c) => [c.code, c.meaning]));

/** Letters that lose no mark in Unicode's decomposition: Polish "ł" ("wysyłki"), German "ß", Danish "ø". */
const PLAIN_LETTER: Readonly<Record<string, string>> = {
  ł: "l",
  ß: "ss",
  ø: "o",
  æ: "ae",
  œ: "oe",
};

function normaliseDescription(s: string): string {
  return (
    s
      .toLowerCase()
      // "Gastos de envío", "Koszty wysyłki", "Bearbeitungsgebühr": read without their accents
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[łßøæœ]/g, (c) => PLAIN_LETTER[c])
      .replace(/&/g, " and ")
      .replace(/%/g, " percent ")
      .replace(/[^a-z0-9]+/g, " ")
      .trim()
  );
}

/** The service kind a description names ("discount" …), or null. */
export function serviceDescriptionKind(description: string | undefined): string | null {
  if (!description) return null;
  const d = normaliseDescription(description);
  if (!d) return null;
  for (const s of SERVICE_DESCRIPTIONS) if (s.pattern.test(d)) return s.kind;
  return null;
}

/**
 * The service kind of a line's SKU and description ("postage", "discount" …), or null for a
 * product. A code of one letter (upper-case only) needs a service description. Without a
 * description the SKU is read as one too (an item named "10% Discount").
 */
export function serviceKind(sku: string, description: string | undefined): string | null {
  const trimmed = sku.trim();
  // one-letter codes are upper-case ("s" or "b" is nobody's sample or bad-debt line)
  const code = trimmed.length === 1 ? trimmed : trimmed.toUpperCase();
  const meaning = CODE_MEANING.get(code);
  // with no description, the item's own name says it (QuickBooks items: "10% Discount")
  const described = serviceDescriptionKind(description?.trim() ? description : trimmed);
  if (meaning !== undefined) {
    // one letter alone is a product's code as well as a service's: its description must say which
    if (code.length > 1 || (described !== null && !!description?.trim())) return meaning;
    return null;
  }
  return described;
}
