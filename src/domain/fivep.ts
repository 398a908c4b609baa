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

function check(name: string, v: number): void {
  if (!Number.isInteger(v) || v < 1 || v > 5)
    throw new FivePError(`${name} must be a whole number from 1 to 5 (got ${v}).`);
}

export function fiveP(p: FivePInput): FivePResult {
  check("Power", p.power);
  check("Perception", p.perception);
  check("Priority", p.priority);
  check("Promoter", p.promoter);
  check("Pliability", p.pliability);
  const weight = p.weight ?? 1;
  check("Weight", weight);
  const total = p.power + p.perception + p.priority + p.promoter + p.pliability;
  return { total, weight, weighted: total * weight, veto: p.veto ?? false };
}
