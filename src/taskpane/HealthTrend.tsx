/**
 * The 12-month health trend as a small inline SVG line (no chart library): the score at each
 * month-end and at the as-of date on the fixed 1–5 scale, with the band lines at 2, 3 and 4
 * (docs/RULES.md §2.1 bands) so a fall into At Risk shows. A month without a score leaves a gap.
 * Written out too, for screen readers and for anyone who wants the numbers.
 */
import { useTheme } from "@fluentui/react/lib/Theme";
import type { AccountGlance } from "../engine/contract";
import { monthText, scoreText } from "./format";
import { usePaneCulture } from "./culture";

const W = 240;
const H = 44;
const PAD = 4;

/** x, y of point i on the chart; score on 1–5 (5 at the top). */
export function trendPoint(i: number, n: number, score: number): [number, number] {
  const x = n > 1 ? (i / (n - 1)) * (W - 2 * PAD) + PAD : W / 2;
  const y = PAD + ((5 - score) / 4) * (H - 2 * PAD);
  return [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
}

/** The polylines of the chart: one per run of months with a score. */
export function trendRuns(history: AccountGlance["history"]): [number, number][][] {
  const runs: [number, number][][] = [];
  let run: [number, number][] = [];
  history.forEach((h, i) => {
    if (h.score === null) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push(trendPoint(i, history.length, h.score));
  });
  if (run.length) runs.push(run);
  return runs;
}

/** A month's score in words: before the first order the account was not yet a customer. */
function spokenScore(h: AccountGlance["history"][number], culture: string): string {
  if (h.beforeFirstOrder) return "not yet a customer";
  return h.score === null ? "n/a" : scoreText(h.score, culture);
}

export function HealthTrend({ history }: { history: AccountGlance["history"] }): JSX.Element {
  const theme = useTheme();
  const culture = usePaneCulture();
  const scored = history.filter((h) => h.score !== null);
  if (!scored.length) return <div>No health score in the last 12 months.</div>;
  const first = scored[0];
  const last = scored[scored.length - 1];
  const runs = trendRuns(history);
  const muted = theme.palette.neutralSecondary;
  const line = theme.palette.themePrimary;
  const spoken = history.map((h) => `${monthText(h.date)} ${spokenScore(h, culture)}`).join(", ");
  const lastIndex = history.lastIndexOf(last);
  const [lx, ly] = trendPoint(lastIndex, history.length, last.score as number);
  return (
    <figure style={{ margin: "4px 0 0" }}>
      <figcaption style={{ fontWeight: 600 }}>
        Health over 12 months: {scoreText(first.score, culture)} → {scoreText(last.score, culture)}
      </figcaption>
      <svg
        role="img"
        aria-label={`Health score by month: ${spoken}`}
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        style={{ display: "block", maxWidth: W * 1.5, height: "auto" }}
      >
        {[4, 3, 2].map((b) => {
          const y = trendPoint(0, 1, b)[1];
          return (
            <line
              key={b}
              x1={PAD}
              x2={W - PAD}
              y1={y}
              y2={y}
              stroke={muted}
              // 1.5 screen pixels whatever the chart's width: a thinner line is blended with the
              // background and falls below 3:1 (test/browser/trendContrast.test.ts)
              strokeWidth={1.5}
              vectorEffect="non-scaling-stroke"
              strokeDasharray="3 3"
            />
          );
        })}
        {runs.map((r, i) =>
          r.length === 1 ? (
            <circle key={i} cx={r[0][0]} cy={r[0][1]} r={1.8} fill={line} />
          ) : (
            <polyline
              key={i}
              points={r.map((p) => p.join(",")).join(" ")}
              fill="none"
              stroke={line}
              strokeWidth={2}
              strokeLinejoin="round"
              strokeLinecap="round"
            />
          )
        )}
        <circle cx={lx} cy={ly} r={3} fill={line} />
      </svg>
      <div
        aria-hidden="true"
        // as wide as the chart: in a wide pane the chart stops growing, the last month stays under its end
        style={{
          display: "flex",
          justifyContent: "space-between",
          maxWidth: W * 1.5,
          fontSize: 12,
          color: muted,
        }}
      >
        <span>{monthText(history[0].date)}</span>
        <span>{monthText(history[history.length - 1].date)}</span>
      </div>
      <div style={{ fontSize: 12, color: muted }}>
        Scale 1–5; dashed lines at 4 Healthy, 3 Stable, 2 At Risk.
      </div>
    </figure>
  );
}
