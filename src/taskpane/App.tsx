/** The KAP task pane: data, settings, accounts, one account at a glance, and the actions. */
import { useMemo } from "react";
import { PrimaryButton } from "@fluentui/react/lib/Button";
import { Stack } from "@fluentui/react/lib/Stack";
import { Text } from "@fluentui/react/lib/Text";
import { ThemeProvider } from "@fluentui/react/lib/Theme";
import type { KapHost } from "../engine/contract";
import "./icons";
import { AccountGlance } from "./AccountGlance";
import { AccountPicker } from "./AccountPicker";
import { ActionsPanel } from "./ActionsPanel";
import { DataPanel } from "./DataPanel";
import { Section } from "./Section";
import { SettingsPanel } from "./SettingsPanel";
import { Status } from "./Status";
import { kapTheme } from "./theme";
import { useKap } from "./useKap";

export function App({ host }: { host: KapHost }): JSX.Element {
  const theme = useMemo(() => kapTheme(), []);
  const [s, cmd] = useKap(host);
  const busy = Boolean(s.running);
  const blockedBy = busy
    ? `Wait for “${s.running}” to finish, or cancel it.`
    : s.problems.length
      ? `Fix the settings first: ${s.problems.join(" ")}`
      : undefined;

  return (
    <ThemeProvider
      theme={theme}
      style={{
        minHeight: "100vh",
        background: theme.semanticColors.bodyBackground,
        color: theme.semanticColors.bodyText,
      }}
    >
      <Stack
        as="main"
        tokens={{ padding: 12, childrenGap: 12 }}
        styles={{
          root: {
            boxSizing: "border-box",
            maxWidth: "100%",
            minWidth: 0,
            overflowWrap: "anywhere",
          },
        }}
      >
        <Text as="h1" variant="xLarge" styles={{ root: { margin: 0, fontWeight: 600 } }}>
          Key Account Planner
        </Text>
        <Status
          running={s.running}
          progress={s.progress}
          outcome={s.outcome}
          onCancel={cmd.cancel}
          onDismiss={cmd.dismiss}
        />
        <DataPanel
          discovery={s.discovery}
          discovering={s.discovering}
          error={s.discoverError}
          busy={busy}
          onMappingChange={cmd.changeMapping}
        />
        {s.settings ? (
          <SettingsPanel
            settings={s.settings}
            problems={s.problems}
            disabled={busy}
            lastOrderDate={s.discovery?.summary?.lastDate}
            onChange={cmd.changeSettings}
          />
        ) : null}
        <Section title="Accounts" collapsible={false}>
          <Stack tokens={{ childrenGap: 8 }}>
            <PrimaryButton
              text={s.analyzed ? "Analyse again" : "Analyse"}
              disabled={busy || !s.settings || s.problems.length > 0}
              onClick={cmd.analyze}
              styles={{ root: { alignSelf: "flex-start" } }}
            />
            {s.stale ? (
              <Text>
                Settings changed since the last analysis; the scores update when you analyse again
                or run an action.
              </Text>
            ) : null}
            <AccountPicker
              accounts={s.accounts}
              selectedId={s.selectedId}
              disabled={busy}
              onSelect={cmd.select}
            />
            {s.glance ? <AccountGlance glance={s.glance} /> : null}
          </Stack>
        </Section>
        <Section title="Make" collapsible={false}>
          <ActionsPanel
            actions={host.actions}
            accountChosen={Boolean(s.selectedId)}
            blockedBy={blockedBy}
            quarters={s.quarters}
            quarter={s.quarter}
            onQuarter={cmd.setQuarter}
            onRun={cmd.run}
          />
        </Section>
      </Stack>
    </ThemeProvider>
  );
}
