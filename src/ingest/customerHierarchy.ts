/**
 * NetSuite writes a sub-customer under its parent as "Parent : Child" (its hierarchy separator, a
 * colon with a space each side; deeper levels add segments: "Group : Region : Site"). Whatever
 * the export's layout, such a customer is read as QuickBooks' "Parent:Job" is: the account is the
 * top-level parent, the rest of the name its site (PRODUCT.md: sites roll up to their parent). A
 * colon without the spaces ("Acme:Leeds", "Ref: 12") says nothing here.
 */

/** NetSuite's hierarchy separator. */
const SEPARATOR = " : ";

/**
 * A "Parent : Child" name split at its first " : ": the top-level parent (the account) and the
 * rest (its site); undefined for a name that is no sub-customer's.
 */
export function subCustomerParts(name: string): { parent: string; site: string } | undefined {
  const at = name.indexOf(SEPARATOR);
  if (at <= 0) return undefined;
  const parent = name.slice(0, at).trim();
  const site = name.slice(at + SEPARATOR.length).trim();
  return parent && site ? { parent, site } : undefined;
}
