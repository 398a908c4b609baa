/** What KAP found in the workbook, per role, with the column mapping to correct. */
import { MessageBar, MessageBarType } from "@fluentui/react/lib/MessageBar";
import { Spinner } from "@fluentui/react/lib/Spinner";
import { Stack } from "@fluentui/react/lib/Stack";
import { Text } from "@fluentui/react/lib/Text";
import type { DataRole, Discovery, FoundTable } from "../engine/contract";
import { MappingEditor } from "./MappingEditor";
import { percent, ROLE_LABELS, wholeNumber } from "./format";
import { Section } from "./Section";

export interface DataPanelProps {
  discovery?: Discovery;
  discovering: boolean;
  /** Problem reading the workbook at all (discover threw). */
  error?: string;
  busy: boolean;
  onMappingChange: (role: DataRole, field: string, header: string | undefined) => void;
}

function TableCard({
  table,
  summary,
  busy,
  onMappingChange,
}: {
  table: FoundTable;
  summary?: Discovery["summary"];
  busy: boolean;
  onMappingChange: DataPanelProps["onMappingChange"];
}): JSX.Element {
  const where = table.table
    ? `table ${table.table} on sheet ${table.sheet}`
    : `sheet ${table.sheet} (${table.address})`;
  return (
    <Stack tokens={{ childrenGap: 2 }} styles={{ root: { overflowWrap: "anywhere" } }}>
      <Text variant="mediumPlus" as="h3" styles={{ root: { margin: 0, fontWeight: 600 } }}>
        {ROLE_LABELS[table.role]}
      </Text>
      <Text>
        Found {where}: {wholeNumber(table.rows)} rows. Confidence {percent(table.confidence)}.
      </Text>
      {table.role === "orders" && summary ? (
        <Text>
          {wholeNumber(summary.rows)} lines read from {summary.firstDate} to {summary.lastDate},{" "}
          {wholeNumber(summary.accounts)} accounts
          {summary.rejected ? `, ${wholeNumber(summary.rejected)} rows skipped` : ""}.
          {summary.asOf
            ? ` Analysed as of ${summary.asOf} (${summary.asOfSet ? "as set" : "the last order date"}).`
            : ""}
        </Text>
      ) : null}
      {table.role === "orders" && summary?.assumed?.length ? (
        <Text variant="small" styles={{ root: { whiteSpace: "pre-line" } }}>
          {summary.assumed.join("\n")}
        </Text>
      ) : null}
      {table.role === "orders" && summary?.warnings.length ? (
        <MessageBar messageBarType={MessageBarType.warning} isMultiline>
          <ul style={{ margin: 0, paddingLeft: 16 }}>
            {summary.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </MessageBar>
      ) : null}
      <Section title={`Columns: ${ROLE_LABELS[table.role]}`} level={3} defaultOpen={false}>
        <MappingEditor
          table={table}
          disabled={busy}
          onChange={(field, header) => onMappingChange(table.role, field, header)}
        />
      </Section>
    </Stack>
  );
}

export function DataPanel({
  discovery,
  discovering,
  error,
  busy,
  onMappingChange,
}: DataPanelProps): JSX.Element {
  return (
    <Section title="Data" collapsible={false}>
      <Stack tokens={{ childrenGap: 10 }}>
        {discovering ? <Spinner label="Looking for your data…" labelPosition="right" /> : null}
        {error ? (
          <MessageBar messageBarType={MessageBarType.error} isMultiline>
            {error}
          </MessageBar>
        ) : null}
        {discovery?.problems.map((p, i) => (
          <MessageBar key={i} messageBarType={MessageBarType.error} isMultiline>
            {p}
          </MessageBar>
        ))}
        {discovery && !discovery.tables.length && !discovering ? (
          <Text>No tables with a header row were found in this workbook.</Text>
        ) : null}
        {discovery?.tables.map((t) => (
          <TableCard
            key={`${t.role}`}
            table={t}
            summary={discovery.summary}
            busy={busy}
            onMappingChange={onMappingChange}
          />
        ))}
      </Stack>
    </Section>
  );
}
