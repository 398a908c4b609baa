import { asShown } from "./numbers";
import { type WinBackStage, WINBACK_EXIT_STAGE, WINBACK_STAGES } from "./rules";

/**
 * Win-back stage (RULES.md §2.4, methodology 000 Step 9.3): by whole days since the last
 * order, 30–44 Stage 1, 45–59 Stage 2, 60–89 Stage 3, 90+ Stage 4 (recovery offer); Stage 5
 * (exit interview) whenever the account is marked lost or churned, whatever the days.
 */
export function winBackStage(daysSinceLastOrder: number, lost = false): WinBackStage {
  if (lost) return EXIT_STAGE;
  // as Excel shows it: 44.99999999999999 (=64.1-19.1) is 45 days, Stage 2
  const d = Math.floor(asShown(daysSinceLastOrder));
  for (const s of STAGES) if (d >= s.minDays) return s;
  return STAGES[STAGES.length - 1];
}

/**
 * The stages with one object shape (offers and questions always present, undefined where the
 * stage has none): every account's win-back reads the same fields of one kind of object, so the
 * engine's compiled analysis is not thrown away when the first Stage 4 or 5 account turns up.
 */
function sameShape(s: WinBackStage): WinBackStage {
  return {
    stage: s.stage,
    minDays: s.minDays,
    name: s.name,
    action: s.action,
    script: s.script,
    offers: s.offers,
    questions: s.questions,
  };
}
const STAGES = WINBACK_STAGES.map(sameShape);
const EXIT_STAGE = sameShape(WINBACK_EXIT_STAGE);

const LOST_WORDS =
  /\b(lost|churn(ed)?|closed|left|gone|former|ex[- ]?customer|defected|switched)\b/i;
const NOT_LOST = /\b(not|no|never)\b/i;

/**
 * Whether an account-status cell says the customer is lost: "Lost", "Churned", "Closed – went
 * to Toolstation", "Former customer". "Not lost", "Active", "Dormant" (still a customer) are not.
 */
export function isLostStatus(text: string | undefined): boolean {
  if (!text) return false;
  return LOST_WORDS.test(text) && !NOT_LOST.test(text);
}

/**
 * Whether an account is marked lost (its win-back is Stage 5, the exit interview): its plan is a
 * win-back plan and its QBR a win-back conversation, with no growth target, new categories or
 * upsell until it orders again. The one test the plan and the QBR share.
 */
export function isMarkedLost(w: { stage: number } | null | undefined): boolean {
  return w?.stage === EXIT_STAGE.stage;
}

/**
 * What a lost account's competitive intelligence says in place of the categories comparable
 * accounts buy and it does not: everything it bought goes to another supplier now (with the
 * accounts table's reason), so the exit interview asks about all of it. Null when not lost.
 */
export function lostToCompetitorText(
  w: { stage: number; learning: string | null } | null | undefined
): string | null {
  if (!isMarkedLost(w)) return null;
  const why = w!.learning ? ` (the accounts table: ${w!.learning})` : "";
  return `All of it: the account is marked lost${why}. What it bought now goes to another supplier; the exit interview asks why.`;
}
