/**
 * Product codes and categories typed by hand are spelled in more than one way ("GL-1" and
 * "gl-1", "Gloves" and "gloves", "Cable  Ties" with two spaces): the same product or category
 * to the user and to the ERP, whose codes ignore letter case. One spelling is kept for each,
 * the first read, so that a credit note typed in lower case takes back what the invoice sold.
 */

/** The key two spellings of one code or category share: lower case, runs of spaces as one. */
function foldKey(s: string): string {
  return s.toLowerCase().replace(/\s+/g, " ").trim();
}

export class Spellings {
  private readonly byRaw = new Map<string, string>();
  private readonly byKey = new Map<string, string>();
  /** first spelling → the other spellings read as it, in order of first sight */
  private readonly others = new Map<string, string[]>();

  /** the last spelling asked for and its answer: a category repeats down an order's lines */
  private lastRaw: string | undefined;
  private lastOf = "";

  /** The spelling `raw` is read as: the first one seen with its key. */
  of(raw: string): string {
    if (raw === this.lastRaw) return this.lastOf;
    this.lastRaw = raw;
    const hit = this.byRaw.get(raw);
    if (hit !== undefined) return (this.lastOf = hit);
    const key = foldKey(raw);
    const first = this.byKey.get(key);
    if (first === undefined) this.byKey.set(key, raw);
    else {
      const o = this.others.get(first);
      if (o) o.push(raw);
      else this.others.set(first, [raw]);
    }
    this.byRaw.set(raw, first ?? raw);
    return (this.lastOf = first ?? raw);
  }

  /** The groups of spellings read as one, each first spelling first. */
  groups(): string[][] {
    return [...this.others].map(([first, o]) => [first, ...o]);
  }
}

/**
 * The warning for spellings read as one (up to three groups shown), or undefined: `what` is
 * "product code" or "category", `as` what each is read as ("one product").
 */
export function spellingsWarning(
  s: Spellings,
  what: string,
  plural: string,
  as: string
): string | undefined {
  const groups = s.groups();
  const n = groups.length;
  if (n === 0) return undefined;
  const shown = groups
    .slice(0, 3)
    .map((g) => g.map((k) => `"${k}"`).join(" and "))
    .join("; ");
  const more = n > 3 ? `; and ${n - 3} more` : "";
  return `${n} ${n === 1 ? `${what} is` : `${plural} are`} written in more than one way (${shown}${more}): ${n === 1 ? "" : "each "}read as ${as}, under its first spelling.`;
}
