/** What KAP found in the workbook, per role, with the column mapping to correct. */
import { DefaultButton } from "@fluentui/react/lib/Button";
import { Dropdown, type IDropdownOption } from "@fluentui/react/lib/Dropdown";
import { Link } from "@fluentui/react/lib/Link";
import { MessageBar, MessageBarType } from "@fluentui/react/lib/MessageBar";
import { Spinner } from "@fluentui/react/lib/Spinner";
import { Stack } from "@fluentui/react/lib/Stack";
import { Text } from "@fluentui/react/lib/Text";
import type { DataRole, Discovery, FoundTable } from "../engine/contract";
import { MappingEditor } from "./MappingEditor";
import { columnsCheck, columnsToCheck, dateText, ROLE_LABELS, wholeNumber } from "./format";
import { Section } from "./Section";
import { usePaneCulture } from "./culture";

export interface DataPanelProps {
  discovery?: Discovery;
  discovering: boolean;
  /** Problem reading the workbook at all (discover threw). */
  error?: string;
  busy: boolean;
  onMappingChange: (role: DataRole, field: string, header: string | undefined) => void;
  /** The data is confirmed (analysed, no problem): show one line with Change instead of every table. */
  folded: boolean;
  onFoldChange: (folded: boolean) => void;
  /** Read the workbook and analyse again (after editing the data); undefined while that cannot run. */
  onReread?: () => void;
  /** The sheet the user said holds the order lines (settings.ordersSheet); undefined: KAP finds them. */
  ordersSheet?: string;
  onOrdersSheet: (sheet: string | undefined) => void;
}

/** The "let KAP find them" option of the order-lines sheet; sheet names are never empty. */
const FIND_THEM = "";

/**
 * Where the order lines are: KAP's own search, or a sheet the user names — the way on when KAP
 * finds none (headers it does not know), or picks another order table than the user's.
 */
function OrdersSheetChoice({
  sheets,
  value,
  disabled,
  onChange,
}: {
  sheets: readonly string[];
  value?: string;
  disabled: boolean;
  onChange: (sheet: string | undefined) => void;
}): JSX.Element {
  const options: IDropdownOption[] = [
    { key: FIND_THEM, text: "Let KAP find them" },
    ...sheets.map((s) => ({ key: s, text: s })),
  ];
  // a sheet named before and since renamed or deleted stays on show, to be changed
  if (value && !sheets.includes(value)) options.push({ key: value, text: `${value} (not found)` });
  return (
    <Dropdown
      label="Order lines are on"
      options={options}
      selectedKey={value ?? FIND_THEM}
      disabled={disabled}
      onChange={(_, o) => o && onChange(o.key === FIND_THEM ? undefined : String(o.key))}
    />
  );
}

function TableCard({
  table,
  summary,
  busy,
  onMappingChange,
  sheetChoice,
}: {
  table: FoundTable;
  summary?: Discovery["summary"];
  busy: boolean;
  onMappingChange: DataPanelProps["onMappingChange"];
  /** the order lines' sheet choice, shown under their heading */
  sheetChoice?: JSX.Element;
}): JSX.Element {
  const where = table.table
    ? `Table ${table.table} on sheet ${table.sheet}`
    : `Sheet ${table.sheet} (${table.address})`;
  const toCheck = columnsToCheck(table);
  const culture = usePaneCulture();
  return (
    <Stack tokens={{ childrenGap: 2 }} styles={{ root: { overflowWrap: "anywhere" } }}>
      <Text variant="mediumPlus" as="h3" styles={{ root: { margin: 0, fontWeight: 600 } }}>
        {ROLE_LABELS[table.role]}
      </Text>
      {sheetChoice}
      <Text>
        {where}: {wholeNumber(table.rows, culture)} rows, {columnsCheck([table])}
        {toCheck.length ? ` (${toCheck.map((f) => f.label).join(", ")})` : ""}.
      </Text>
      {table.role === "orders" && summary ? (
        <Text>
          {wholeNumber(summary.rows, culture)} order lines from{" "}
          {dateText(summary.firstDate, summary.dateCulture)} to{" "}
          {dateText(summary.lastDate, summary.dateCulture)},{" "}
          {wholeNumber(summary.accounts, culture)} accounts
          {summary.rejected ? `, ${wholeNumber(summary.rejected, culture)} rows skipped` : ""}.
          {summary.asOf
            ? ` Figures as of ${dateText(summary.asOf, summary.dateCulture)} (${summary.asOfSet ? "as set" : "the last order date"}).`
            : ""}
        </Text>
      ) : null}
      {table.role === "orders" && summary?.assumed?.length ? (
        <Text variant="small" styles={{ root: { whiteSpace: "pre-line" } }}>
          {summary.assumed.join("\n")}
        </Text>
      ) : null}
      {table.role === "orders" && summary ? <Warnings warnings={summary.warnings} /> : null}
      {/* open when a required column is missing: the message above says to choose it here */}
      <Section
        title={`Columns: ${ROLE_LABELS[table.role]}`}
        level={3}
        defaultOpen={toCheck.some((f) => f.required && !f.header)}
      >
        <MappingEditor
          table={table}
          disabled={busy}
          onChange={(field, header) => onMappingChange(table.role, field, header)}
        />
      </Section>
    </Stack>
  );
}

/** The warnings about the order lines (an as-of date past the data, mixed currencies…): shown folded or not. */
function Warnings({ warnings }: { warnings: string[] }): JSX.Element | null {
  if (!warnings.length) return null;
  return (
    <MessageBar messageBarType={MessageBarType.warning} isMultiline>
      <ul style={{ margin: 0, paddingLeft: 16 }}>
        {warnings.map((w, i) => (
          <li key={i}>{w}</li>
        ))}
      </ul>
    </MessageBar>
  );
}

export function DataPanel({
  discovery,
  discovering,
  error,
  busy,
  onMappingChange,
  folded,
  onFoldChange,
  onReread,
  ordersSheet,
  onOrdersSheet,
}: DataPanelProps): JSX.Element {
  const orders = discovery?.tables.find((t) => t.role === "orders");
  const sheets = discovery?.dataSheets ?? [];
  // offered when there is a choice to make: no order lines found, or more than one sheet of data
  const sheetChoice =
    discovery && (sheets.length > 1 || (!orders && sheets.length > 0) || ordersSheet) ? (
      <OrdersSheetChoice
        sheets={sheets}
        value={ordersSheet}
        disabled={busy}
        onChange={onOrdersSheet}
      />
    ) : undefined;
  if (folded && discovery && orders) {
    const others = discovery.tables.length - 1;
    return (
      <section aria-label="Data">
        <Text block>
          <span style={{ fontWeight: 600 }}>{ROLE_LABELS.orders}:</span> {orders.address}
          {others > 0 ? ` + ${others} more table${others === 1 ? "" : "s"}` : ""} ·{" "}
          {columnsCheck(discovery.tables)} ·{" "}
          <Link onClick={() => onFoldChange(false)} aria-label="Change the data KAP reads">
            Change
          </Link>
        </Text>
        {discovery.summary?.warnings.length ? (
          <div style={{ marginTop: 6 }}>
            <Warnings warnings={discovery.summary.warnings} />
          </div>
        ) : null}
      </section>
    );
  }
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
        {!orders ? sheetChoice : null}
        {discovery?.tables.map((t) => (
          <TableCard
            key={`${t.role}`}
            table={t}
            summary={discovery.summary}
            busy={busy}
            onMappingChange={onMappingChange}
            sheetChoice={t.role === "orders" ? sheetChoice : undefined}
          />
        ))}
        <Stack horizontal wrap tokens={{ childrenGap: 8 }}>
          <DefaultButton
            text="Read the data again"
            disabled={!onReread}
            onClick={() => onReread?.()}
          />
          {discovery?.summary && !discovery.problems.length ? (
            <DefaultButton text="Done" onClick={() => onFoldChange(true)} />
          ) : null}
        </Stack>
      </Stack>
    </Section>
  );
}
