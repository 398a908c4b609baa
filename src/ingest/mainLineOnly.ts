/**
 * NetSuite's documents with their main line alone. A transaction search lists each document's
 * main line (Accounts Receivable or Undeposited Funds: the document's total, with tax) beside its
 * item lines. Where the item lines are there, the main line repeats them and nothing is lost;
 * where the search's filters left them out (by item, account or class), the main line is all the
 * file holds of the document, and its sale is missing from the lines read. Such documents are
 * named to the user, so the missing revenue is said as missing, never as a mere "no product".
 */

/** The documents met with their main line alone: how many, and the first few ("CS2001: 60.00"). */
export class MainLineOnly {
  count = 0;
  readonly examples: string[] = [];
  /** in a transaction search read by its accounts: the document being read */
  private key = "";
  private income = false;
  private mainValue: number | undefined;

  constructor(
    private readonly money: (value: number) => string,
    private readonly kept: number
  ) {}

  /** A document whose main line stands alone. */
  lone(key: string, value: number): void {
    if (this.count++ < this.kept) this.examples.push(`${key}: ${this.money(value)}`);
  }

  /**
   * A row of a transaction search read by its accounts (NetSuite's layout): of document `key`, on
   * an income account or not, and its value where it is the document's main line (its first row,
   * no item, on no income account, of a sale or return).
   */
  row(key: string, income: boolean, mainValue: number | undefined): void {
    if (key !== this.key) {
      this.settle();
      this.key = key;
      this.mainValue = mainValue;
    }
    if (income) this.income = true;
  }

  /** The document read last ends: with a main line and no line on an income account, it stood alone. */
  settle(): void {
    if (this.key && this.mainValue !== undefined && !this.income)
      this.lone(this.key, this.mainValue);
    this.key = "";
    this.income = false;
    this.mainValue = undefined;
  }

  /** What the user is told, if any document stood alone. */
  note(count: (n: number) => string): string | undefined {
    const n = this.count;
    if (!n) return undefined;
    const one = n === 1;
    const listed = `${this.examples.join("; ")}${n > this.examples.length ? "; …" : ""}`;
    return `${one ? "1 document has" : `${count(n)} documents have`} only ${one ? "its" : "their"} main line in the file, none of ${one ? "its" : "their"} item lines (${listed}): ${one ? "its sale is" : "their sales are"} not counted: a main line holds the document's total with tax, not what was sold. The export's filters left ${one ? "its" : "their"} item lines out: export them too to count ${one ? "it" : "them"}.`;
  }
}
