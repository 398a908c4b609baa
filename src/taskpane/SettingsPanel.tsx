/** As-of date, fiscal year, health weights, engagement cut and growth target. */
import { useState } from "react";
import { Checkbox } from "@fluentui/react/lib/Checkbox";
import { Dropdown } from "@fluentui/react/lib/Dropdown";
import { Position } from "@fluentui/react/lib/Positioning";
import { SpinButton } from "@fluentui/react/lib/SpinButton";
import { Stack } from "@fluentui/react/lib/Stack";
import { Text } from "@fluentui/react/lib/Text";
import { TextField } from "@fluentui/react/lib/TextField";
import { useTheme } from "@fluentui/react/lib/Theme";
import type { KapSettings } from "../engine/contract";
import { FACTOR_LABELS, FACTORS, type Factor } from "../domain/rules";
import { decimalText, MONTHS, numberCulture } from "./format";
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

export function SettingsPanel({
  settings,
  problems,
  disabled,
  lastOrderDate,
  onChange,
}: SettingsPanelProps): JSX.Element {
  const theme = useTheme();
  const culture = numberCulture(usePaneCulture());
  const [asOfText, setAsOfText] = useState(settings.asOf ?? "");
  const total = FACTORS.reduce((s, f) => s + (settings.weights[f] ?? 0), 0);
  const weightProblem = problems.find((p) => /weight/i.test(p));
  const dateProblem = problems.find((p) => /as-of/i.test(p));
  const setWeight = (f: Factor, v: number) =>
    onChange({ ...settings, weights: { ...settings.weights, [f]: v } });

  return (
    <Section title="Settings" defaultOpen={false}>
      <Stack tokens={{ childrenGap: 8 }}>
        <TextField
          label="As-of date"
          description="yyyy-mm-dd; leave blank for the last order date in the data. All periods count back from this date."
          placeholder={lastOrderDate || "last order date"}
          value={asOfText}
          disabled={disabled}
          errorMessage={dateProblem}
          onChange={(_, v) => {
            const text = (v ?? "").trim();
            setAsOfText(v ?? "");
            onChange({ ...settings, asOf: text === "" ? undefined : text });
          }}
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
