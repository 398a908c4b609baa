/** One table's columns: for each field, a dropdown of the table's headers to correct KAP's guess. */
import { Dropdown, type IDropdownOption } from "@fluentui/react/lib/Dropdown";
import { Stack } from "@fluentui/react/lib/Stack";
import { Text } from "@fluentui/react/lib/Text";
import type { FoundTable } from "../engine/contract";
import { ROLE_LABELS } from "./format";

/** The key of the "(not mapped)" option; headers are never empty, so it cannot clash. */
export const NOT_MAPPED = "";

export interface MappingEditorProps {
  table: FoundTable;
  disabled?: boolean;
  onChange: (field: string, header: string | undefined) => void;
}

export function MappingEditor({ table, disabled, onChange }: MappingEditorProps): JSX.Element {
  const options: IDropdownOption[] = [
    { key: NOT_MAPPED, text: "(not mapped)" },
    ...table.headers.map((h) => ({ key: h, text: h })),
  ];
  return (
    <Stack tokens={{ childrenGap: 6 }}>
      {table.fields.map((f) => {
        // Fluent marks a required field with an asterisk; the accessible name says it in words.
        const guessed = Boolean(f.header) && f.confidence < 1;
        const state = f.required
          ? " (required)"
          : f.optionalBecause
            ? ` (optional: ${f.optionalBecause})`
            : "";
        return (
          <Stack key={f.field} tokens={{ childrenGap: 2 }}>
            <Dropdown
              label={f.label}
              required={f.required}
              ariaLabel={`${ROLE_LABELS[table.role]}: ${f.label}${state}`}
              options={options}
              selectedKey={f.header ?? NOT_MAPPED}
              disabled={disabled}
              errorMessage={
                f.required && !f.header ? "Choose the column that holds this." : undefined
              }
              onChange={(_, option) =>
                option &&
                onChange(f.field, option.key === NOT_MAPPED ? undefined : String(option.key))
              }
            />
            {/* usually required, not with these columns (line revenue from units × price) */}
            {f.optionalBecause ? <Text variant="small">Optional: {f.optionalBecause}.</Text> : null}
            {guessed ? (
              <Text variant="small">
                Matched by part of its header: check it is the right column.
              </Text>
            ) : null}
          </Stack>
        );
      })}
    </Stack>
  );
}
