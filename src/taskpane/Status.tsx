/** Progress of the running job with Cancel, and the outcome of the last one: an aria-live region. */
import { DefaultButton } from "@fluentui/react/lib/Button";
import { MessageBar, MessageBarType } from "@fluentui/react/lib/MessageBar";
import { ProgressIndicator } from "@fluentui/react/lib/ProgressIndicator";
import { Stack } from "@fluentui/react/lib/Stack";
import type { Progress } from "../engine/contract";
import { progressFraction, progressLine } from "./format";

export interface Outcome {
  kind: "success" | "error" | "info";
  message: string;
  action?: string;
}

export interface StatusProps {
  /** What is running, e.g. "Analysing" or "Portfolio dashboard"; undefined when idle. */
  running?: string;
  progress?: Progress;
  outcome?: Outcome;
  onCancel: () => void;
  onDismiss: () => void;
}

const BAR_TYPE = {
  success: MessageBarType.success,
  error: MessageBarType.error,
  info: MessageBarType.info,
} as const;

export function Status({
  running,
  progress,
  outcome,
  onCancel,
  onDismiss,
}: StatusProps): JSX.Element {
  return (
    <div role="status" aria-live="polite" aria-atomic="false">
      {running ? (
        <Stack tokens={{ childrenGap: 4 }}>
          {/* one line: what runs and how far ("Analysing 24 accounts… 12 of 24"), then the bar */}
          <ProgressIndicator
            label={progressLine(running, progress)}
            percentComplete={progress ? progressFraction(progress) : undefined}
            styles={{ itemName: { whiteSpace: "normal", overflow: "visible" } }}
          />
          <DefaultButton
            text="Cancel"
            ariaLabel={`Cancel ${running}`}
            onClick={onCancel}
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
        >
          {outcome.message}
          {outcome.action ? ` ${outcome.action}` : ""}
        </MessageBar>
      ) : null}
    </div>
  );
}
