import { createRoot } from 'react-dom/client';
import { App } from './App';

/* global Office */
Office.onReady(() => {
  // Shared runtime: load at document open so the KAP functions work before the pane is opened.
  if (Office.addin?.setStartupBehavior) void Office.addin.setStartupBehavior(Office.StartupBehavior.load);
  const el = document.getElementById('container');
  if (el) createRoot(el).render(<App />);
});
