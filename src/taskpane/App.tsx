/**
 * The KAP task pane at its 320–350 px width: progress and the last outcome on top; the data found
 * (one line once confirmed, every table while it is not); the portfolio actions; the account
 * picker, that account at a glance and its actions; the settings.
 */
import { useMemo, useState } from "react";
import { MessageBarButton } from "@fluentui/react/lib/Button";
import { MessageBar, MessageBarType } from "@fluentui/react/lib/MessageBar";
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
import { PaneCulture, paneCultureOf } from "./culture";
import { useKap } from "./useKap";

export function App({ host }: { host: KapHost }): JSX.Element {
  const theme = useMemo(() => kapTheme(), []);
  const [s, cmd] = useKap(host);
  const [dataOpen, setDataOpen] = useState(false);
  const busy = Boolean(s.running);
  const blockedBy = s.problems.length
    ? `Fix the settings first: ${s.problems.join(" ")}`
    : undefined;
  const canAnalyze = !busy && Boolean(s.settings) && s.problems.length === 0;
  // Confirmed: read and analysed with no problem. The data then folds to one line and the actions lead.
  const confirmed =
    s.analyzed && Boolean(s.discovery) && !s.discovery?.problems.length && !s.discoverError;
  const portfolio = host.actions.filter((a) => !a.needsAccount);
  const account = host.actions.filter((a) => a.needsAccount);
  const actionProps = {
    accountChosen: Boolean(s.selectedId),
    hasProducts: s.discovery?.summary?.hasProducts !== false,
    blockedBy,
    busy,
    // the Data section says what is missing and how to fix it; an action would only repeat it
    noOrderLines: Boolean(s.discovery?.problems.length),
    quarters: s.quarters,
    quarter: s.quarter,
    quarterNote: s.quarterNote,
    onQuarter: cmd.setQuarter,
    onRun: cmd.run,
  };

  return (
    <PaneCulture.Provider value={paneCultureOf(s.discovery)}>
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
          <Text as="h1" variant="large" styles={{ root: { margin: 0, fontWeight: 600 } }}>
            Key Account Planner
          </Text>
          {/* Progress and the last outcome stay in view while the pane scrolls. */}
          <div
            style={{
              position: "sticky",
              top: 0,
              zIndex: 1,
              background: theme.semanticColors.bodyBackground,
            }}
          >
            <Status
              running={s.running}
              cancelling={s.cancelling}
              progress={s.progress}
              outcome={s.outcome}
              onCancel={cmd.cancel}
              onDismiss={cmd.dismiss}
            />
          </div>
          <DataPanel
            discovery={s.discovery}
            discovering={s.discovering}
            error={s.discoverError}
            busy={busy}
            onMappingChange={cmd.changeMapping}
            folded={confirmed && !dataOpen}
            onFoldChange={(folded) => setDataOpen(!folded)}
            onReread={canAnalyze ? cmd.analyze : undefined}
            ordersSheet={s.settings?.ordersSheet}
            onOrdersSheet={cmd.setOrdersSheet}
          />
          {s.stale ? (
            <MessageBar
              messageBarType={MessageBarType.warning}
              isMultiline
              actions={
                <MessageBarButton
                  text="Analyse again"
                  disabled={!canAnalyze}
                  onClick={cmd.analyze}
                />
              }
            >
              Settings changed: the scores update when you analyse again or make a sheet.
            </MessageBar>
          ) : null}
          <Section title="Portfolio" collapsible={false}>
            <ActionsPanel actions={portfolio} {...actionProps} />
          </Section>
          <Section title="One account" collapsible={false}>
            <Stack tokens={{ childrenGap: 10 }}>
              <AccountPicker
                accounts={s.accounts}
                selectedId={s.selectedId}
                disabled={busy}
                onSelect={cmd.select}
              />
              {s.glance ? <AccountGlance glance={s.glance} /> : null}
              <ActionsPanel actions={account} {...actionProps} />
            </Stack>
          </Section>
          {s.settings ? (
            <SettingsPanel
              settings={s.settings}
              problems={s.problems}
              disabled={busy}
              lastOrderDate={s.discovery?.summary?.defaultAsOf ?? s.discovery?.summary?.lastDate}
              onChange={cmd.changeSettings}
            />
          ) : null}
        </Stack>
      </ThemeProvider>
    </PaneCulture.Provider>
  );
}
