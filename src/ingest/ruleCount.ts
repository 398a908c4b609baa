/**
 * A skip rule's name after its count: its last noun (row, order, line, deal, transaction, document) in the plural past one ("2 blank rows",
 * "2 cancelled, voided, refunded or draft orders"), before a " with " ("2 won deals with no
 * "Actual Revenue""); names that are no noun ("no account") as they
 * are. A module of its own: the pane's summary uses it without the order parser.
 */
export function ruleCounted(rule: string, count: number): string {
  return count === 1
    ? rule
    : rule.replace(/(?:row|order|line|deal|transaction|document)(?=$| with )/, "$&s");
}
