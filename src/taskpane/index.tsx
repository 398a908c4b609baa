// First: stops Fluent UI pointing its fonts at a CDN (KAP makes no requests beyond office.js).
import './fabricConfig';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createHost } from './hostLoader';

/* global Office */
Office.onReady(() => {
  // Shared runtime: load at document open so the KAP functions work before the pane is opened.
  if (Office.addin?.setStartupBehavior) void Office.addin.setStartupBehavior(Office.StartupBehavior.load);
  const el = document.getElementById('container');
  if (!el) return;
  const root = createRoot(el);
  // The real host over Excel (src/engine/excelHost.ts), its engine in a Web Worker.
  createHost().then(
    (host) => root.render(<App host={host} />),
    (e: unknown) => {
      el.textContent = `KAP could not start: ${e instanceof Error ? e.message : String(e)}. Close the pane and open it again.`;
    },
  );
});
