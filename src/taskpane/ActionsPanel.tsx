/** One button per action the host offers (the engine's registry); the QBR gets a fiscal-quarter choice. */
import { DefaultButton } from "@fluentui/react/lib/Button";
import { Dropdown } from "@fluentui/react/lib/Dropdown";
import { Stack } from "@fluentui/react/lib/Stack";
import { Text } from "@fluentui/react/lib/Text";
import type { ActionId, ActionInfo } from "../engine/contract";

export interface ActionsPanelProps {
  actions: readonly ActionInfo[];
  accountChosen: boolean;
  /** false when the order lines have no product or SKU column: product sheets wait, saying why */
  hasProducts?: boolean;
  /** Why nothing can run right now (settings invalid…), in words; undefined = actions may run. */
  blockedBy?: string;
  /** A job runs (the status line says which): every button waits. */
  busy?: boolean;
  /**
   * No order lines to read (an empty workbook, headers KAP does not know): the buttons that need
   * them wait, as the Data section says why (a click gave the same message a second time, on top
   * of the pane); the empty engagement log and payments ledger need no data and stay.
   */
  noOrderLines?: boolean;
  quarters: { key: string; text: string }[];
  quarter?: string;
  /** Why the default quarter is a part quarter, shown under the choice (as kap qbr says it). */
  quarterNote?: string;
  onQuarter: (q: string) => void;
  onRun: (id: ActionId) => void;
}

const buttonStyles = {
  root: { width: "100%", height: "auto", minHeight: 32, padding: "4px 12px" },
  flexContainer: { justifyContent: "flex-start" },
  label: { textAlign: "left" as const, margin: 0 },
};

export function ActionsPanel({
  actions,
  accountChosen,
  hasProducts = true,
  blockedBy,
  busy,
  noOrderLines,
  quarters,
  quarter,
  quarterNote,
  onQuarter,
  onRun,
}: ActionsPanelProps): JSX.Element {
  return (
    <Stack tokens={{ childrenGap: 6 }}>
      {blockedBy ? <Text styles={{ root: { fontStyle: "italic" } }}>{blockedBy}</Text> : null}
      {!accountChosen && actions.some((a) => a.needsAccount) ? (
        <Text>Choose an account above for these sheets and the QBR.</Text>
      ) : null}
      {actions.map((a) => {
        const noProducts = a.needsProducts && !hasProducts;
        const disabled =
          Boolean(blockedBy) ||
          busy ||
          (noOrderLines && !a.withoutData) ||
          noProducts ||
          (a.needsAccount && !accountChosen);
        const descId = `kap-action-${a.id}-desc`;
        return (
          <Stack key={a.id} tokens={{ childrenGap: 2 }}>
            {a.scope === "workbook" ? (
              <Dropdown
                label="QBR quarter"
                options={quarters}
                selectedKey={quarter ?? null}
                onChange={(_, o) => o && onQuarter(String(o.key))}
                disabled={disabled}
              />
            ) : null}
            {a.scope === "workbook" && quarterNote ? (
              <Text variant="small" styles={{ root: { fontStyle: "italic" } }}>
                {quarterNote}
              </Text>
            ) : null}
            <DefaultButton
              text={a.label}
              disabled={disabled}
              aria-describedby={descId}
              styles={buttonStyles}
              onClick={() => onRun(a.id)}
            />
            <Text id={descId} variant="small">
              {noProducts
                ? "Needs a product or SKU column: these order lines have none (an invoice-level export)."
                : a.description}
            </Text>
          </Stack>
        );
      })}
    </Stack>
  );
}
