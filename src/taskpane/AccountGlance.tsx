/** One account at a glance: score and band, P(alive) and expected 12-month revenue, the six factors behind it, quadrant, tier, win-back, alerts. */
import { Stack } from "@fluentui/react/lib/Stack";
import { Text } from "@fluentui/react/lib/Text";
import type { AccountGlance as Glance } from "../engine/contract";
import { BandBadge } from "./BandBadge";
import { money, percent, scoreText } from "./format";
import { SEVERITY_ICON } from "./icons";

const SEVERITY_COLOUR = {
  Critical: "#c50f1f",
  Warning: "#8a6100",
  Opportunity: "#0f6cbd",
} as const;

const cell = { padding: "2px 4px", verticalAlign: "top" as const, textAlign: "left" as const };
/** Factor names and scores stay whole; only the input text wraps. */
const tight = { ...cell, whiteSpace: "nowrap" as const, overflowWrap: "normal" as const };

export function AccountGlance({ glance }: { glance: Glance }): JSX.Element {
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
          aria-label={`Health score ${scoreText(glance.score)} of 5`}
        >
          {scoreText(glance.score)}
        </Text>
        <BandBadge band={glance.band} />
      </Stack>
      {glance.override ? (
        <Text styles={{ root: { fontStyle: "italic" } }}>{glance.override}</Text>
      ) : null}
      <Text>
        12-month revenue {money(glance.revenue12m, glance.currency)}
        {glance.daysSinceLastOrder === null
          ? "; never ordered"
          : `; last order ${glance.daysSinceLastOrder} days ago`}
        .
      </Text>
      {glance.lifetime ? (
        <Text>
          Chance still active:{" "}
          {glance.lifetime.pAlive === null
            ? "n/a (one order only)"
            : percent(glance.lifetime.pAlive)}
          ; expected revenue next 12 months{" "}
          {glance.lifetime.expectedRevenue12m === null
            ? "n/a"
            : money(glance.lifetime.expectedRevenue12m, glance.currency)}
          {glance.lifetime.reliable ? "." : " (an estimate from too few accounts to rely on)."}
        </Text>
      ) : null}
      <table style={{ borderCollapse: "collapse", width: "100%" }}>
        <caption style={{ textAlign: "left", fontWeight: 600, padding: "2px 0" }}>
          Health factors (used: {glance.used.length ? glance.used.join(", ") : "none"})
        </caption>
        <thead>
          <tr>
            <th scope="col" style={tight}>
              Factor
            </th>
            <th scope="col" style={tight}>
              Score
            </th>
            <th scope="col" style={cell}>
              Based on
            </th>
          </tr>
        </thead>
        <tbody>
          {glance.factors.map((f) => (
            <tr key={f.factor}>
              <th scope="row" style={{ ...tight, fontWeight: 400 }}>
                {f.label}
              </th>
              <td style={tight}>{f.score === null ? "n/a" : f.score}</td>
              <td style={cell}>
                {f.input}
                <br />
                <span style={{ color: "#605e5c", fontSize: 12 }}>Source: {f.source}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
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
        <dd style={{ margin: 0 }}>{glance.winBack}</dd>
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
                <span style={{ color: SEVERITY_COLOUR[a.severity], flex: "none" }}>
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
