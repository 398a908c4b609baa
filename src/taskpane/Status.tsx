/** Progress of the running job with Cancel, and the outcome of the last one: an aria-live region. */
import { useEffect, useRef } from "react";
import { DefaultButton, MessageBarButton, type IButton } from "@fluentui/react/lib/Button";
import { MessageBar, MessageBarType } from "@fluentui/react/lib/MessageBar";
import { ProgressIndicator } from "@fluentui/react/lib/ProgressIndicator";
import { Stack } from "@fluentui/react/lib/Stack";
import type { Progress } from "../engine/contract";
import { progressFraction, progressLine } from "./format";
import { usePaneCulture } from "./culture";
import { downloadFile } from "./download";

export interface Outcome {
  kind: "success" | "error" | "info" | "warning";
  message: string;
  action?: string;
  /** A file to offer instead of what could not be opened (the QBR workbook, on the web). */
  download?: { fileName: string; base64: string };
}

export interface StatusProps {
  /** What is running, e.g. "Analysing" or "Portfolio dashboard"; undefined when idle. */
  running?: string;
  /** Cancel was pressed; the job stops once Excel has finished the step it is on. */
  cancelling?: boolean;
  progress?: Progress;
  outcome?: Outcome;
  onCancel: () => void;
  onDismiss: () => void;
}

const BAR_TYPE = {
  success: MessageBarType.success,
  error: MessageBarType.error,
  info: MessageBarType.info,
  warning: MessageBarType.warning,
} as const;

export function Status({
  running,
  cancelling,
  progress,
  outcome,
  onCancel,
  onDismiss,
}: StatusProps): JSX.Element {
  const culture = usePaneCulture();
  const cancel = useRef<IButton>(null);
  const lastFocused = useLastFocused();
  const returnTo = useRef<HTMLElement | null>(null);
  // The control that started a job is disabled while it runs, and the browser drops keyboard
  // focus to the page (a screen reader loses its place): Cancel takes it, and when the job ends
  // it goes back to that control.
  useEffect(() => {
    if (running) {
      if (!focusDropped()) return;
      returnTo.current = lastFocused.current;
      cancel.current?.focus();
    } else if (returnTo.current) {
      const back = returnTo.current;
      returnTo.current = null;
      if (focusDropped() && back.isConnected && !(back as HTMLButtonElement).disabled) back.focus();
    }
  }, [running, lastFocused]);
  return (
    <div role="status" aria-live="polite" aria-atomic="false">
      {running ? (
        <Stack tokens={{ childrenGap: 4 }}>
          {/* one line: what runs and how far ("Analysing 24 accounts… 12 of 24"), then the bar */}
          <ProgressIndicator
            label={
              cancelling
                ? `Cancelling ${running === "Analysing" ? "the analysis" : running}: waiting for Excel to finish its current step…`
                : progressLine(running, progress, culture)
            }
            percentComplete={progress ? progressFraction(progress) : undefined}
            styles={{ itemName: { whiteSpace: "normal", overflow: "visible" } }}
          />
          <DefaultButton
            componentRef={cancel}
            text="Cancel"
            ariaLabel={`Cancel ${running}`}
            onClick={onCancel}
            // pressed once is enough; it keeps keyboard focus while the job stops
            disabled={cancelling}
            allowDisabledFocus
            styles={{ root: { alignSelf: "flex-start" } }}
          />
        </Stack>
      ) : null}
      {!running && outcome ? (
        <MessageBar
          messageBarType={BAR_TYPE[outcome.kind]}
          isMultiline
          onDismiss={onDismiss}
          dismissButtonAriaLabel="Close message"
          actions={
            outcome.download ? (
              <MessageBarButton
                text="Download the QBR workbook"
                onClick={() => outcome.download && downloadFile(outcome.download)}
              />
            ) : undefined
          }
        >
          {outcome.message}
          {outcome.action ? ` ${outcome.action}` : ""}
        </MessageBar>
      ) : null}
    </div>
  );
}

/** Whether keyboard focus is on nothing a user can act on: the page, or a control just disabled. */
function focusDropped(): boolean {
  const a = document.activeElement as HTMLElement | null;
  return !a || a === document.body || (a as HTMLButtonElement).disabled === true;
}

/** The element that last had focus before it went to the page (tracked with focusin). */
function useLastFocused(): { current: HTMLElement | null } {
  const last = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const onFocus = (e: FocusEvent) => {
      if (e.target instanceof HTMLElement && e.target !== document.body) last.current = e.target;
    };
    document.addEventListener("focusin", onFocus);
    return () => document.removeEventListener("focusin", onFocus);
  }, []);
  return last;
}
