/** Searchable list of analysed accounts (id + name, band), biggest 12-month revenue first. */
import { useMemo, useRef, useState } from "react";
import { ComboBox, type IComboBox, type IComboBoxOption } from "@fluentui/react/lib/ComboBox";
import type { AccountListItem } from "../engine/contract";

/** Enough to pick from; typing narrows the rest. Thousands of options would make the list sluggish. */
const MAX_SHOWN = 200;

export interface AccountPickerProps {
  accounts: AccountListItem[];
  selectedId?: string;
  disabled?: boolean;
  onSelect: (id: string) => void;
}

export function accountText(a: AccountListItem): string {
  return `${a.id} — ${a.name}${a.band ? ` (${a.band})` : ""}`;
}

export function AccountPicker({
  accounts,
  selectedId,
  disabled,
  onSelect,
}: AccountPickerProps): JSX.Element {
  const [query, setQuery] = useState("");
  const combo = useRef<IComboBox>(null);
  const open = useRef(false);
  const sorted = useMemo(
    () => [...accounts].sort((a, b) => b.revenue12m - a.revenue12m || a.id.localeCompare(b.id)),
    [accounts]
  );
  const options: IComboBoxOption[] = useMemo(() => {
    const q = query.trim().toLowerCase();
    const hits = q
      ? sorted.filter((a) => a.id.toLowerCase().includes(q) || a.name.toLowerCase().includes(q))
      : sorted;
    const shown = hits.slice(0, MAX_SHOWN).map((a) => ({ key: a.id, text: accountText(a) }));
    // Keep the chosen account in the list so the box can show it.
    if (selectedId && !shown.some((o) => o.key === selectedId)) {
      const sel = accounts.find((a) => a.id === selectedId);
      if (sel) shown.unshift({ key: sel.id, text: accountText(sel) });
    }
    return shown;
  }, [sorted, query, selectedId, accounts]);

  return (
    <ComboBox
      label="Account"
      placeholder={accounts.length ? "Type an account number or name" : "Analyse the data first"}
      options={options}
      selectedKey={selectedId ?? null}
      allowFreeform
      autoComplete="off"
      disabled={disabled || !accounts.length}
      useComboBoxAsMenuWidth
      openOnKeyboardFocus={false}
      componentRef={combo}
      onInputValueChange={(text) => {
        setQuery(text);
        // Typing searches: show the matches as the user types.
        if (!open.current) combo.current?.focus(true);
      }}
      onMenuOpen={() => (open.current = true)}
      onMenuDismissed={() => {
        open.current = false;
        setQuery("");
      }}
      onChange={(_, option, _index, value) => {
        // Enter on typed text picks the best match, as a search box would.
        const pick =
          option ??
          options.find(
            (o) =>
              o.key !== selectedId &&
              value !== undefined &&
              value.trim() !== "" &&
              o.text.toLowerCase().includes(value.trim().toLowerCase())
          );
        if (pick) onSelect(String(pick.key));
        setQuery("");
      }}
      calloutProps={{ calloutMaxHeight: 300 }}
    />
  );
}
