/**
 * Must be imported before anything from Fluent UI: Fluent registers @font-face rules that point
 * at Microsoft's CDN unless `FabricConfig.fontBaseUrl` is set. KAP makes no network requests
 * beyond office.js (RULES.md §4), so the pane uses the fonts the machine already has.
 */
const w = window as unknown as { FabricConfig?: Record<string, unknown> };
w.FabricConfig = { ...(w.FabricConfig ?? {}), fontBaseUrl: "" };

export {};
