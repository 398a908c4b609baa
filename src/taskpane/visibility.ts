/**
 * When the task pane may start working. The shared runtime also starts with the pane hidden, just
 * to calculate KAP.* cells; then nothing is loaded, read or analysed until the user opens the pane.
 * Office tells a shared-runtime add-in when its pane is shown through
 * Office.addin.onVisibilityModeChanged (VisibilityMode "Taskpane": show-hide-add-in.md,
 * configure-your-add-in-to-use-a-shared-runtime.md). Office documents no way to ask whether the
 * pane is showing at start, so the page's own visibility (document.visibilityState, a web
 * standard) stands in for that first moment; its visibilitychange event is a second signal.
 */
export interface VisibilityEnv {
  doc: Pick<Document, "visibilityState" | "addEventListener" | "removeEventListener">;
  /** Office.addin where the host has it (SharedRuntime 1.1). */
  addin?: {
    onVisibilityModeChanged?(
      handler: (message: { visibilityMode: string }) => void
    ): Promise<() => Promise<void>>;
  };
}

/** Calls `start` once: now if the pane is showing, else when it is first shown. */
export function whenShown(start: () => void, env: VisibilityEnv): void {
  let started = false;
  let removeOffice: (() => Promise<void>) | undefined;
  const go = () => {
    if (started) return;
    started = true;
    env.doc.removeEventListener("visibilitychange", onPage);
    void removeOffice?.().catch(() => undefined);
    start();
  };
  const onPage = () => {
    if (env.doc.visibilityState === "visible") go();
  };
  if (env.doc.visibilityState === "visible") {
    go();
    return;
  }
  env.doc.addEventListener("visibilitychange", onPage);
  env.addin
    ?.onVisibilityModeChanged?.((m) => {
      if (m.visibilityMode === "Taskpane") go();
    })
    .then(
      (remove) => {
        if (started) void remove().catch(() => undefined);
        else removeOffice = remove;
      },
      () => undefined
    );
}
