import { asShown } from "./numbers";

/** 5P analysis of the decision-making unit (methodology 003, RULES.md §2.3). */
export const FIVE_P = ["Power", "Perception", "Priority", "Promoter", "Pliability"] as const;

export interface FivePInput {
  power: number;
  perception: number;
  priority: number;
  promoter: number;
  pliability: number;
  /** 1–5, default 1 */
  weight?: number;
  veto?: boolean;
}

export interface FivePResult {
  total: number;
  weight: number;
  weighted: number;
  veto: boolean;
}

export class FivePError extends Error {}

/** The score as Excel shows it (=0.1*3*10 is 3.0000000000000004 and shows 3), whole and 1–5. */
function check(name: string, v: number): number {
  const n = asShown(v);
  if (!Number.isInteger(n) || n < 1 || n > 5)
    throw new FivePError(`${name} must be a whole number from 1 to 5 (got ${v}).`);
  return n;
}

export function fiveP(p: FivePInput): FivePResult {
  const total =
    check("Power", p.power) +
    check("Perception", p.perception) +
    check("Priority", p.priority) +
    check("Promoter", p.promoter) +
    check("Pliability", p.pliability);
  const weight = check("Weight", p.weight ?? 1);
  return { total, weight, weighted: total * weight, veto: p.veto ?? false };
}
