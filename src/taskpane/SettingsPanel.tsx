/** As-of date, fiscal year, health weights, engagement cut and growth target. */
import { useState } from "react";
import { Checkbox } from "@fluentui/react/lib/Checkbox";
import { Dropdown } from "@fluentui/react/lib/Dropdown";
import { Position } from "@fluentui/react/lib/Positioning";
import { SpinButton } from "@fluentui/react/lib/SpinButton";
import { Stack } from "@fluentui/react/lib/Stack";
import { Text } from "@fluentui/react/lib/Text";
import {
  DatePicker,
  defaultDatePickerStrings,
  type IDatePickerStrings,
} from "@fluentui/react/lib/DatePicker";
import { DayOfWeek } from "@fluentui/react/lib/DateTimeUtilities";
import { useTheme } from "@fluentui/react/lib/Theme";
import type { KapSettings } from "../engine/contract";
import { FACTOR_LABELS, FACTORS, type Factor } from "../domain/rules";
import { readTypedDate, datePattern } from "../domain/dateInput";
import { dateStyle } from "../domain/dateText";
import { isoToSerial, serialToIso, serialToYmd, ymdToSerial } from "../domain/dates";
import { dateText, decimalText, MONTHS, numberCulture } from "./format";
import { usePaneCulture } from "./culture";
import { Section } from "./Section";

export interface SettingsPanelProps {
  settings: KapSettings;
  /** Plain-words problems from the settings rules (src/engine/settings.ts). */
  problems: string[];
  disabled?: boolean;
  /** yyyy-mm-dd of the data's last order, once read: the as-of date when none is set. */
  lastOrderDate?: string;
  onChange: (next: KapSettings) => void;
}

/** Typed text as a number: a decimal comma (3,5 in a German or French Excel) is a decimal, a % sign is dropped. */
function typedNumber(text: string): number | undefined {
  const t = text.replace("%", "").trim().replace(",", ".");
  const n = Number(t);
  return t !== "" && Number.isFinite(n) ? n : undefined;
}

/**
 * What a SpinButton keeps of what was typed, on Enter or leaving it: the number within min–max,
 * written the workbook culture's way ("3,5" in de-DE) — Fluent's own check refuses "3,5" and
 * "25%" and silently puts the old value back; text that is no number keeps the old value.
 */
const keepTyped =
  (min: number, max: number, culture: string) =>
  (text: string): string | undefined => {
    const n = typedNumber(text);
    return n === undefined ? undefined : decimalText(Math.min(max, Math.max(min, n)), culture);
  };

/**
 * The arrows' step from the value shown: Fluent's own adds to Number(text), which is NaN for
 * "3,5"; undefined (no change) when the text is no number.
 */
const stepBy =
  (delta: number, min: number, max: number, culture: string) =>
  (text: string): string | undefined => {
    const n = typedNumber(text);
    return n === undefined
      ? undefined
      : decimalText(Math.min(max, Math.max(min, Math.round((n + delta) * 1e6) / 1e6)), culture);
  };

/** The props that make a SpinButton show and step its number in the workbook's culture. */
function spinIn(value: number, min: number, max: number, step: number, culture: string) {
  return {
    value: decimalText(value, culture),
    ariaValueNow: value,
    min,
    max,
    step,
    onValidate: keepTyped(min, max, culture),
    onIncrement: stepBy(step, min, max, culture),
    onDecrement: stepBy(-step, min, max, culture),
  };
}

/** A SpinButton gives text; keep the old value when the text is not a number. */
function numberFrom(text: string | undefined, fallback: number): number {
  return (text === undefined ? undefined : typedNumber(text)) ?? fallback;
}

const spinStyles = { root: { maxWidth: 200 }, labelWrapper: { minWidth: 100 } };
/** A label too long to sit beside its box at 320 px goes above it, as the other fields' do. */
const spinTopStyles = { root: { maxWidth: 200 } };

/**
 * Fluent's words minus its reset message: KAP keeps what was typed and says why it is no date
 * (Fluent would put the last date back and announce "Invalid entry").
 */
const DATE_STRINGS: IDatePickerStrings = {
  ...defaultDatePickerStrings,
  isResetStatusMessage: undefined,
  invalidInputErrorMessage: undefined,
};

const dateOf = (serial: number): Date => {
  const { y, m, d } = serialToYmd(serial);
  return new Date(y, m - 1, d);
};
const serialOf = (date: Date): number =>
  ymdToSerial(date.getFullYear(), date.getMonth() + 1, date.getDate());

/**
 * The as-of date, typed the workbook culture's way (31.10.2026 in de-DE, 10/31/2026 in en-US,
 * or yyyy-mm-dd) or picked from a calendar; kept in the settings as yyyy-mm-dd. Text that is no
 * date stays as typed, goes to the settings as typed (its problem blocks the actions until it is
 * fixed) and, once the user leaves the field, says why under it.
 */
function AsOfDate({
  asOf,
  culture,
  lastOrderDate,
  problem,
  disabled,
  onChange,
}: {
  asOf?: string;
  culture: string;
  lastOrderDate?: string;
  problem?: string;
  disabled?: boolean;
  onChange: (asOf: string | undefined) => void;
}): JSX.Element {
  // what the user is typing; undefined: the saved date, written the culture's way
  const [typed, setTyped] = useState<string>();
  const [left, setLeft] = useState(false);
  const saved = asOf ? isoToSerial(asOf) : undefined;
  const shown = typed ?? (saved !== undefined ? dateText(asOf!, culture) : (asOf ?? ""));
  const last = lastOrderDate ? isoToSerial(lastOrderDate) : undefined;
  const type = (text: string) => {
    setTyped(text);
    setLeft(false);
    const t = text.trim();
    const read = t === "" ? undefined : readTypedDate(t, culture);
    onChange(read === undefined ? undefined : "serial" in read ? serialToIso(read.serial) : t);
  };
  return (
    <div
      onBlur={() => {
        setLeft(true);
        // a date read: shown back the culture's way (5.4.2026 → 05.04.2026), so the user sees how
        if (typed !== undefined && (typed.trim() === "" || saved !== undefined))
          setTyped(undefined);
      }}
    >
      <DatePicker
        label="As-of date"
        allowTextInput
        disabled={disabled}
        placeholder={last !== undefined ? dateText(lastOrderDate!, culture) : "last order date"}
        formatDate={(d) => (d ? dateText(serialToIso(serialOf(d)), culture) : "")}
        parseDateFromString={(text) => {
          const read = readTypedDate(text, culture);
          return "serial" in read ? dateOf(read.serial) : null;
        }}
        initialPickerDate={
          saved !== undefined ? dateOf(saved) : last !== undefined ? dateOf(last) : undefined
        }
        firstDayOfWeek={dateStyle(culture).order === "mdy" ? DayOfWeek.Sunday : DayOfWeek.Monday}
        strings={DATE_STRINGS}
        calendarProps={{
          onSelectDate: (d) => {
            setTyped(undefined);
            onChange(serialToIso(serialOf(d)));
          },
        }}
        textField={{
          value: shown,
          // Fluent names the calendar's button after the field: a screen reader heard "As-of date" twice
          iconProps: { "aria-label": "Pick the as-of date from a calendar" },
          onChange: (_, v) => type(v ?? ""),
          errorMessage: left || typed === undefined ? problem : undefined,
          description: `${datePattern(culture)} or yyyy-mm-dd; leave blank for the last order date in the data. All periods count back from this date.`,
        }}
      />
    </div>
  );
}

export function SettingsPanel({
  settings,
  problems,
  disabled,
  lastOrderDate,
  onChange,
}: SettingsPanelProps): JSX.Element {
  const theme = useTheme();
  const culture = numberCulture(usePaneCulture());
  const total = FACTORS.reduce((s, f) => s + (settings.weights[f] ?? 0), 0);
  const weightProblem = problems.find((p) => /weight/i.test(p));
  const dateProblem = problems.find((p) => /as-of/i.test(p));
  const setWeight = (f: Factor, v: number) =>
    onChange({ ...settings, weights: { ...settings.weights, [f]: v } });

  return (
    <Section title="Settings" defaultOpen={false}>
      <Stack tokens={{ childrenGap: 8 }}>
        <AsOfDate
          asOf={settings.asOf}
          culture={culture}
          lastOrderDate={lastOrderDate}
          problem={dateProblem}
          disabled={disabled}
          onChange={(asOf) => onChange({ ...settings, asOf })}
        />
        <Dropdown
          label="Fiscal year starts in"
          options={MONTHS.map((m, i) => ({ key: i + 1, text: m }))}
          selectedKey={settings.fiscalYearStartMonth}
          disabled={disabled}
          onChange={(_, o) => o && onChange({ ...settings, fiscalYearStartMonth: Number(o.key) })}
        />
        <fieldset
          style={{ border: "none", margin: 0, padding: 0 }}
          aria-describedby="kap-weight-total"
        >
          <legend style={{ fontWeight: 600, padding: "4px 0" }}>Health score weights (%)</legend>
          <Stack tokens={{ childrenGap: 4 }}>
            {FACTORS.map((f) => (
              <SpinButton
                key={f}
                label={FACTOR_LABELS[f]}
                {...spinIn(settings.weights[f] ?? 0, 0, 100, 5, culture)}
                disabled={disabled}
                styles={spinStyles}
                incrementButtonAriaLabel={`Increase ${FACTOR_LABELS[f]} weight by 5`}
                decrementButtonAriaLabel={`Decrease ${FACTOR_LABELS[f]} weight by 5`}
                onChange={(_, v) => setWeight(f, numberFrom(v, settings.weights[f] ?? 0))}
              />
            ))}
          </Stack>
          <Text
            id="kap-weight-total"
            block
            styles={{
              root: {
                marginTop: 4,
                fontWeight: 600,
                color: weightProblem ? theme.semanticColors.errorText : undefined,
              },
            }}
          >
            Total: {decimalText(total / 100, culture, "percent")}
            {weightProblem ? ` — ${weightProblem}` : ""}
          </Text>
        </fieldset>
        <SpinButton
          label="High engagement from (1–5)"
          labelPosition={Position.top}
          {...spinIn(settings.engagementCut, 1, 5, 0.5, culture)}
          disabled={disabled}
          styles={spinTopStyles}
          incrementButtonAriaLabel="Increase engagement cut"
          decrementButtonAriaLabel="Decrease engagement cut"
          onChange={(_, v) =>
            onChange({ ...settings, engagementCut: numberFrom(v, settings.engagementCut) })
          }
        />
        <SpinButton
          label="Growth target (%)"
          labelPosition={Position.top}
          {...spinIn(Math.round(settings.growthTarget * 100), 0, 500, 5, culture)}
          disabled={disabled}
          styles={spinTopStyles}
          incrementButtonAriaLabel="Increase growth target by 5%"
          decrementButtonAriaLabel="Decrease growth target by 5%"
          onChange={(_, v) =>
            onChange({
              ...settings,
              growthTarget: numberFrom(v, settings.growthTarget * 100) / 100,
            })
          }
        />
        {/* issue 14: the Account Health sheet's order inputs as one live KAP.METRICS (on by default) */}
        <Checkbox
          label="Keep Account Health inputs live (KAP.METRICS over your order lines)"
          checked={settings.liveHealthInputs !== false}
          disabled={disabled}
          onChange={(_, checked) => onChange({ ...settings, liveHealthInputs: !!checked })}
        />
      </Stack>
    </Section>
  );
}
