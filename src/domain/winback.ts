import { type WinBackStage, WINBACK_STAGES } from './rules';

/** Win-back stage by whole days since the last order: 30–44 Stage 1, 45–59 Stage 2, 60+ Stage 3. */
export function winBackStage(daysSinceLastOrder: number): WinBackStage {
  const d = Math.floor(daysSinceLastOrder);
  for (const s of WINBACK_STAGES) if (d >= s.minDays) return s;
  return WINBACK_STAGES[WINBACK_STAGES.length - 1];
}
