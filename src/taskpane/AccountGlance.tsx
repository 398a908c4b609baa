/** One account at a glance: score and band, P(alive) and expected 12-month revenue, the six factors behind it, quadrant, tier, win-back, alerts. */
import { useLayoutEffect, useRef, useState } from "react";
import { Stack } from "@fluentui/react/lib/Stack";
import { Text } from "@fluentui/react/lib/Text";
import type { AccountGlance as Glance } from "../engine/contract";
import { BandBadge } from "./BandBadge";
import { useTheme } from "@fluentui/react/lib/Theme";
import { chanceText, daysAgoText, money, scoreText } from "./format";
import { usePaneCulture } from "./culture";
import { HealthTrend } from "./HealthTrend";
import { SEVERITY_ICON } from "./icons";

/** A factor's score 1–5 as a bar (n/a: an empty track), its number beside it. */
function FactorBar({ score }: { score: number | null }): JSX.Element {
  const theme = useTheme();
  return (
    <span
      aria-hidden="true"
      style={{
        flex: "1 1 auto",
        minWidth: 40,
        height: 8,
        borderRadius: 4,
        background: theme.palette.neutralLight,
        outline: `1px solid ${theme.palette.neutralQuaternaryAlt}`,
        overflow: "hidden",
      }}
    >
      <span
        data-kap-bar={score ?? "n/a"}
        style={{
          display: "block",
          height: "100%",
          width: `${score === null ? 0 : (score / 5) * 100}%`,
          background: theme.palette.themePrimary,
        }}
      />
    </span>
  );
}

/**
 * The width every factor label takes: the widest label's, measured once drawn ("Engagement" is
 * wider than 84 px in some fonts and would push its bar right of the others').
 */
function useLabelColumn(): [React.RefObject<HTMLUListElement>, number] {
  const list = useRef<HTMLUListElement>(null);
  const [width, setWidth] = useState(84);
  useLayoutEffect(() => {
    const labels = list.current?.querySelectorAll<HTMLElement>("[data-kap-factor-label]") ?? [];
    const widest = Math.max(0, ...Array.from(labels, (l) => Math.ceil(l.scrollWidth)));
    if (widest > width) setWidth(widest);
  });
  return [list, width];
}

/** A number the pane may show, or n/a (a failed fit must not read "£NaN"). */
const shown = (n: number | null | undefined): n is number =>
  typeof n === "number" && Number.isFinite(n);

/** The model's first reason, short enough for the pane: "Not reliable: 22 accounts …; the models need …." → "22 accounts …; the models need …". */
function firstReason(warning: string): string {
  return warning
    .replace(/^Not reliable: /, "")
    .split(/(?<=\.) /)[0]
    .replace(/\.$/, "");
}

export function AccountGlance({ glance }: { glance: Glance }): JSX.Element {
  const theme = useTheme();
  const culture = usePaneCulture();
  const [factorList, labelWidth] = useLabelColumn();
  const muted = theme.palette.neutralSecondary;
  const severityColour = {
    Critical: theme.semanticColors.errorIcon,
    Warning: theme.semanticColors.warningIcon,
    Opportunity: theme.palette.themePrimary,
  } as const;
  return (
    <Stack
      tokens={{ childrenGap: 8 }}
      styles={{ root: { overflowWrap: "anywhere" } }}
      aria-label={`Account ${glance.id} at a glance`}
      role="region"
    >
      <Text variant="mediumPlus" as="h3" styles={{ root: { margin: 0, fontWeight: 600 } }}>
        {glance.name} ({glance.id})
      </Text>
      <Stack horizontal verticalAlign="center" wrap tokens={{ childrenGap: 10 }}>
        <Text
          variant="xxLarge"
          styles={{ root: { fontWeight: 600 } }}
          aria-label={`Health score ${scoreText(glance.score, culture)} of 5`}
        >
          {scoreText(glance.score, culture)}
        </Text>
        <BandBadge band={glance.band} />
      </Stack>
      {glance.override ? (
        <Text styles={{ root: { fontStyle: "italic" } }}>{glance.override}</Text>
      ) : null}
      <Text>
        12-month revenue {money(glance.revenue12m, glance.currency, culture)}
        {glance.daysSinceLastOrder === null
          ? "; never ordered"
          : `; last order ${daysAgoText(glance.daysSinceLastOrder, culture)}`}
        .
      </Text>
      {glance.lifetime ? (
        <Text>
          Chance still active:{" "}
          {glance.lifetime.pAlive === null
            ? "n/a (one order only)"
            : shown(glance.lifetime.pAlive)
              ? chanceText(glance.lifetime.pAlive, culture)
              : "n/a"}
          ; expected revenue next 12 months{" "}
          {shown(glance.lifetime.expectedRevenue12m)
            ? money(glance.lifetime.expectedRevenue12m, glance.currency, culture)
            : "n/a"}
          {glance.lifetime.reliable
            ? "."
            : ` (not reliable${glance.lifetime.warning ? `: ${firstReason(glance.lifetime.warning)}` : ""}).`}
        </Text>
      ) : null}
      {glance.history.length ? <HealthTrend history={glance.history} /> : null}
      <section aria-label="Health factors">
        <Text block styles={{ root: { fontWeight: 600 } }}>
          Health factors (1 = poor, 5 = good)
        </Text>
        <ul ref={factorList} style={{ margin: 0, padding: 0, listStyle: "none" }}>
          {glance.factors.map((f) => (
            <li key={f.factor} style={{ padding: "3px 0" }}>
              <span style={{ display: "flex", alignItems: "center", gap: 8 }}>
                {/* as wide as the widest label, so the bars start in one column; never split a word */}
                <span
                  data-kap-factor-label
                  style={{ flex: "0 0 auto", minWidth: labelWidth, whiteSpace: "nowrap" }}
                >
                  {f.label}
                </span>
                <FactorBar score={f.score} />
                <span style={{ flex: "0 0 28px", textAlign: "right", fontWeight: 600 }}>
                  {f.score === null ? "n/a" : f.score}
                </span>
              </span>
              <span style={{ display: "block", fontSize: 12, color: muted }}>
                {f.input}
                {f.score === null ? " — left out of the score" : ""}. Source: {f.source}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <dl
        style={{
          margin: 0,
          display: "grid",
          gridTemplateColumns: "auto 1fr",
          columnGap: 8,
          rowGap: 2,
        }}
      >
        <dt style={{ fontWeight: 600 }}>Quadrant</dt>
        <dd style={{ margin: 0 }}>{glance.quadrant}</dd>
        <dt style={{ fontWeight: 600 }}>ABC tier</dt>
        <dd style={{ margin: 0 }}>{glance.abc}</dd>
        <dt style={{ fontWeight: 600 }}>Win-back</dt>
        <dd style={{ margin: 0 }}>{glance.winBack === "None" ? "not needed" : glance.winBack}</dd>
      </dl>
      <div>
        <Text block styles={{ root: { fontWeight: 600 } }}>
          Alerts
        </Text>
        {glance.alerts.length ? (
          <ul style={{ margin: 0, paddingLeft: 0, listStyle: "none" }}>
            {glance.alerts.map((a, i) => (
              <li
                key={i}
                style={{ display: "flex", gap: 6, alignItems: "flex-start", padding: "2px 0" }}
              >
                <span style={{ color: severityColour[a.severity], flex: "none" }}>
                  {SEVERITY_ICON[a.severity]}
                </span>
                <span>
                  <strong>{a.severity}:</strong> {a.message}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <Text>No open alerts.</Text>
        )}
      </div>
    </Stack>
  );
}
