// First: stops Fluent UI pointing its fonts at a CDN (KAP makes no requests beyond office.js).
import "./fabricConfig";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { createHost } from "./hostLoader";
import { whenShown } from "./visibility";

/* global Office */
Office.onReady(() => {
  // No load at document open (README, "When KAP starts"): the KAP.* functions are registered for
  // the user and Excel starts the runtime to calculate them (Microsoft's shared-runtime
  // custom-functions template sets no startup behavior either), and reports of trouble with
  // "load" (office-js #3101 blank pane, #1542 add-in error on reopen) make it a cost with no gain.
  // "none" clears a "load" an earlier KAP build recorded in this workbook; it has no effect
  // otherwise (run-code-on-document-open.md).
  if (Office.addin?.setStartupBehavior)
    void Office.addin.setStartupBehavior(Office.StartupBehavior.none).catch(() => undefined);
  const el = document.getElementById("container");
  if (!el) return;
  // Nothing heavy while the pane is hidden (the runtime may have started only to calculate KAP.* cells).
  whenShown(
    () => {
      const root = createRoot(el);
      // The real host over Excel (src/engine/excelHost.ts), its engine in a Web Worker.
      createHost().then(
        (host) => root.render(<App host={host} />),
        (e: unknown) => {
          el.textContent = `KAP could not start: ${e instanceof Error ? e.message : String(e)}. Close the pane and open it again.`;
        }
      );
    },
    { doc: document, addin: Office.addin }
  );
});
