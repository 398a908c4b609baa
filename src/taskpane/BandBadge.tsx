/** A health band as a coloured badge with its name written in it (never colour alone). */
import type { HealthBand } from "../domain/types";
import { BAND_COLOURS } from "./format";

export function BandBadge({ band }: { band: HealthBand | null }): JSX.Element {
  if (!band) return <span>No band (no data)</span>;
  const c = BAND_COLOURS[band];
  return (
    <span
      style={{
        display: "inline-block",
        padding: "2px 8px",
        borderRadius: 10,
        background: c.background,
        color: c.text,
        fontWeight: 600,
        whiteSpace: "nowrap",
      }}
    >
      {band}
    </span>
  );
}
