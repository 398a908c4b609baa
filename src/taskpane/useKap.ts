/**
 * The pane's state and the calls it makes to the host: load settings, discover, analyse,
 * glance, run. One job (analysis or action) at a time, each with its own AbortController.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  type AccountGlance,
  type AccountListItem,
  type ActionId,
  type DataRole,
  type Discovery,
  type KapHost,
  type KapSettings,
  type Progress,
} from "../engine/contract";
import { settingsProblems } from "../engine/settings";
import { paneCultureOf } from "./culture";
import { defaultQuarter, defaultQuarterNote, problemOf, recentQuarters } from "./format";
import { isoToSerial } from "../domain/dates";
import type { Outcome } from "./Status";

/**
 * A cancelled analysis: the host has let the earlier one go (only one is held, so a large
 * workbook's data is not kept twice), so its scores are cleared rather than shown as if current.
 */
export const ANALYSIS_CANCELLED: Outcome = {
  kind: "info",
  message:
    "Analysis cancelled. Nothing in your workbook was changed, and no scores are shown until the data is analysed again.",
  action: 'Choose "Read the data again" under Data when you are ready.',
};

/** Said after a failure that took the earlier analysis with it. */
export const NO_SCORES = "No scores are shown until the data is analysed again.";

/** Settings are saved this long after the last change, so typing a weight is one save. */
export const SAVE_DELAY_MS = 600;

export interface KapState {
  settings?: KapSettings;
  problems: string[];
  discovery?: Discovery;
  discovering: boolean;
  discoverError?: string;
  accounts: AccountListItem[];
  analyzed: boolean;
  /** Settings changed since the last analysis: scores on show are from the old settings. */
  stale: boolean;
  selectedId?: string;
  glance?: AccountGlance;
  quarters: { key: string; text: string }[];
  quarter?: string;
  /** Why the default quarter is a part quarter (the data start after the last complete one), as kap qbr says it; absent otherwise. */
  quarterNote?: string;
  running?: string;
  /** Cancel was pressed and the job has not stopped yet (Excel finishes the step it is on). */
  cancelling: boolean;
  progress?: Progress;
  outcome?: Outcome;
}

export interface KapCommands {
  changeMapping: (role: DataRole, field: string, header: string | undefined) => void;
  /** The sheet that holds the order lines; undefined: KAP finds them. */
  setOrdersSheet: (sheet: string | undefined) => void;
  changeSettings: (next: KapSettings) => void;
  analyze: () => void;
  select: (id: string) => void;
  setQuarter: (q: string) => void;
  run: (id: ActionId) => void;
  cancel: () => void;
  dismiss: () => void;
}

export function useKap(host: KapHost): [KapState, KapCommands] {
  const [settings, setSettings] = useState<KapSettings>();
  const [discovery, setDiscovery] = useState<Discovery>();
  const [discovering, setDiscovering] = useState(false);
  const [discoverError, setDiscoverError] = useState<string>();
  const [accounts, setAccounts] = useState<AccountListItem[]>([]);
  const [analyzed, setAnalyzed] = useState(false);
  // read by runJob when a job fails, without making it a new function at every analysis
  const analyzedRef = useRef(analyzed);
  analyzedRef.current = analyzed;
  const [stale, setStale] = useState(false);
  const [selectedId, setSelectedId] = useState<string>();
  const [glance, setGlance] = useState<AccountGlance>();
  const [quarterChoice, setQuarterChoice] = useState<string>();
  const [running, setRunning] = useState<string>();
  const [cancelling, setCancelling] = useState(false);
  const [progress, setProgress] = useState<Progress>();
  const [outcome, setOutcome] = useState<Outcome>();

  const job = useRef<AbortController>();
  const lastSaved = useRef<string>();
  const selectedRef = useRef<string>();
  const mounted = useRef(true);

  // in the workbook's culture, as the settings' own numbers are shown ("these add to 95 %")
  const culture = paneCultureOf(discovery);
  const problems = useMemo(
    () => (settings ? settingsProblems(settings, culture) : []),
    [settings, culture]
  );
  // With no as-of date set, quarters count back from the data's last sale's date once it is known.
  const lastSale = discovery?.summary?.defaultAsOf ?? discovery?.summary?.lastDate;
  const lastOrder = lastSale ? isoToSerial(lastSale) : undefined;
  const quarters = useMemo(
    () => (settings ? recentQuarters(settings, 8, lastOrder) : []),
    [settings, lastOrder]
  );
  // the default as kap qbr chooses it: when the data start after the last complete quarter,
  // the running quarter to date, and the same words on why
  const firstOrder = discovery?.summary?.firstDate
    ? isoToSerial(discovery.summary.firstDate)
    : undefined;
  const byDefault = settings
    ? defaultQuarter(settings, lastOrder, undefined, firstOrder)
    : undefined;
  const quarter = quarters.some((q) => q.key === quarterChoice) ? quarterChoice : byDefault;
  const onDefault = quarter !== undefined && quarter === byDefault;
  const quarterNote =
    settings && onDefault
      ? (defaultQuarterNote(settings, lastOrder, firstOrder, discovery?.summary?.dateCulture) ??
        undefined)
      : undefined;

  /** The scores, the chosen account and the data summary of an analysis that no longer holds. */
  const clearAnalysis = useCallback(() => {
    setAccounts([]);
    setAnalyzed(false);
    setStale(false);
    selectedRef.current = undefined;
    setSelectedId(undefined);
    setGlance(undefined);
    setDiscovery((d) => (d?.summary ? { ...d, summary: undefined } : d));
  }, []);

  /**
   * Runs one job at a time; returns undefined when another job is running or this one failed.
   * `onCancelled`: what to say (and clear) when the user cancelled it, instead of the host's words.
   */
  const runJob = useCallback(
    async <T>(
      label: string,
      work: (signal: AbortSignal) => Promise<T>,
      onDone?: (value: T, late: boolean) => Outcome | undefined,
      onCancelled?: () => Outcome | undefined
    ): Promise<T | undefined> => {
      if (job.current) return undefined;
      const controller = new AbortController();
      job.current = controller;
      setRunning(label);
      setCancelling(false);
      setProgress(undefined);
      setOutcome(undefined);
      try {
        const value = await work(controller.signal);
        // Cancel pressed while the last step was already with Excel: the job finished
        const late = controller.signal.aborted;
        const done = onDone?.(value, late);
        if (mounted.current)
          setOutcome(
            done && late
              ? { ...done, kind: "info", message: `Cancel came too late: ${done.message}` }
              : done
          );
        return value;
      } catch (e) {
        const p = problemOf(e);
        if (!mounted.current) return undefined;
        if (controller.signal.aborted)
          setOutcome(onCancelled?.() ?? { kind: "info", message: p.message || "Cancelled." });
        else if (!host.hasAnalysis() && analyzedRef.current) {
          // failed once it had begun reading: the earlier analysis went with it (as on Cancel)
          clearAnalysis();
          setOutcome({
            kind: "error",
            ...p,
            action: `${p.action ? `${p.action} ` : ""}${NO_SCORES}`,
          });
        } else setOutcome({ kind: "error", ...p });
        return undefined;
      } finally {
        job.current = undefined;
        if (mounted.current) {
          setRunning(undefined);
          setCancelling(false);
          setProgress(undefined);
        }
      }
    },
    [host, clearAnalysis]
  );

  const showGlance = useCallback(
    async (id: string) => {
      try {
        const g = await host.glance(id);
        if (mounted.current && selectedRef.current === id) setGlance(g);
      } catch (e) {
        if (mounted.current) setOutcome({ kind: "error", ...problemOf(e) });
      }
    },
    [host]
  );

  const analyzeWith = useCallback(
    async (s: KapSettings): Promise<boolean> => {
      const list = await runJob(
        "Analysing",
        (signal) => host.analyze(s, (p) => mounted.current && setProgress(p), signal),
        // a finished analysis says nothing, unless Cancel was pressed as its last step was done
        (_list, late) =>
          late
            ? {
                kind: "info",
                message: "the analysis had finished, and the scores shown are from it.",
              }
            : undefined,
        () => {
          clearAnalysis();
          return ANALYSIS_CANCELLED;
        }
      );
      if (!list || !mounted.current) return false;
      setAccounts(list);
      setAnalyzed(true);
      setStale(false);
      // Discovery now carries the order-line summary (date range, accounts).
      host.discover(s, { reuse: true }).then(
        (d) => mounted.current && setDiscovery(d),
        () => undefined
      );
      const sel = selectedRef.current;
      if (sel && list.some((a) => a.id === sel)) void showGlance(sel);
      else {
        selectedRef.current = undefined;
        setSelectedId(undefined);
        setGlance(undefined);
      }
      return true;
    },
    [host, runJob, showGlance, clearAnalysis]
  );

  const discoverWith = useCallback(
    async (s: KapSettings) => {
      setDiscovering(true);
      setDiscoverError(undefined);
      try {
        const d = await host.discover(s);
        if (!mounted.current) return;
        setDiscovery(d);
        setDiscovering(false);
        if (!d.problems.length && !settingsProblems(s).length) await analyzeWith(s);
      } catch (e) {
        if (!mounted.current) return;
        setDiscovering(false);
        const p = problemOf(e);
        setDiscoverError([p.message, p.action].filter(Boolean).join(" "));
      }
    },
    [host, analyzeWith]
  );

  // On open: restore the settings, find the data, analyse it.
  useEffect(() => {
    mounted.current = true;
    let alive = true;
    void (async () => {
      setDiscovering(true);
      try {
        const s = await host.loadSettings();
        if (!alive) return;
        lastSaved.current = JSON.stringify(s);
        setSettings(s);
        await discoverWith(s);
      } catch (e) {
        if (!alive) return;
        setDiscovering(false);
        const p = problemOf(e);
        setDiscoverError([p.message, p.action].filter(Boolean).join(" "));
      }
    })();
    return () => {
      alive = false;
      mounted.current = false;
      job.current?.abort();
    };
  }, [host, discoverWith]);

  // Debounced save of valid settings.
  useEffect(() => {
    if (!settings || problems.length) return;
    const text = JSON.stringify(settings);
    if (text === lastSaved.current) return;
    const timer = setTimeout(() => {
      lastSaved.current = text;
      host
        .saveSettings(settings)
        .catch((e: unknown) => mounted.current && setOutcome({ kind: "error", ...problemOf(e) }));
    }, SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [settings, problems, host]);

  /** A change to what KAP reads: saved at once, then the workbook is read again. */
  const changeWhatIsRead = (next: KapSettings) => {
    setSettings(next);
    lastSaved.current = JSON.stringify(next);
    host
      .saveSettings(next)
      .catch((e: unknown) => mounted.current && setOutcome({ kind: "error", ...problemOf(e) }));
    void discoverWith(next);
  };

  const commands: KapCommands = {
    changeMapping(role, field, header) {
      if (!settings) return;
      changeWhatIsRead({
        ...settings,
        mapping: {
          ...settings.mapping,
          [role]: { ...(settings.mapping[role] ?? {}), [field]: header },
        },
      });
    },
    setOrdersSheet(sheet) {
      if (!settings || sheet === settings.ordersSheet) return;
      // another table's columns: the choices made for the last one do not carry over
      const mapping = { ...settings.mapping };
      delete mapping.orders;
      const next: KapSettings = { ...settings, mapping };
      if (sheet) next.ordersSheet = sheet;
      else delete next.ordersSheet;
      changeWhatIsRead(next);
    },
    changeSettings(next) {
      // Keeping the health inputs live is a layout choice: the scores on show stay current.
      const layoutOnly =
        settings !== undefined &&
        JSON.stringify({ ...settings, liveHealthInputs: undefined }) ===
          JSON.stringify({ ...next, liveHealthInputs: undefined });
      setSettings(next);
      if (analyzed && !layoutOnly) setStale(true);
    },
    analyze() {
      if (settings) void analyzeWith(settings);
    },
    select(id) {
      selectedRef.current = id;
      setSelectedId(id);
      setGlance(undefined);
      void showGlance(id);
    },
    setQuarter: setQuarterChoice,
    run(id) {
      if (!settings || problems.length) return;
      const action = host.actions.find((a) => a.id === id);
      if (!action) return;
      const accountId = action.needsAccount ? selectedId : undefined;
      if (action.needsAccount && !accountId) return;
      const s = settings;
      const wasStale = stale;
      let analysing = false;
      void runJob(
        action.label,
        async (signal) => {
          const onProgress = (p: Progress) => mounted.current && setProgress(p);
          // Scores must reflect the settings on screen: re-analyse first when they changed.
          if (wasStale) {
            analysing = true;
            const list = await host.analyze(s, onProgress, signal);
            analysing = false;
            if (mounted.current) {
              setAccounts(list);
              setStale(false);
              if (selectedRef.current) void showGlance(selectedRef.current);
            }
          }
          return host.run(
            id,
            // the default is left to the engine, as kap qbr with no --quarter: its QBR's cover
            // then says when it is a part quarter
            {
              accountId,
              quarter: action.scope === "workbook" && !onDefault ? quarter : undefined,
            },
            s,
            onProgress,
            signal
          );
        },
        // a file offered instead (the QBR workbook Excel on the web cannot open): not a success
        (res) =>
          res.download
            ? { kind: "warning", message: res.message, download: res.download }
            : { kind: "success", message: res.message },
        // cancelled while it analysed again: the earlier scores went with that analysis
        () => {
          if (!analysing) return undefined;
          clearAnalysis();
          return ANALYSIS_CANCELLED;
        }
      );
    },
    cancel() {
      if (!job.current || job.current.signal.aborted) return;
      job.current.abort();
      setCancelling(true);
    },
    dismiss() {
      setOutcome(undefined);
    },
  };

  const state: KapState = {
    settings,
    problems,
    discovery,
    discovering,
    discoverError,
    accounts,
    analyzed,
    stale,
    selectedId,
    glance,
    quarters,
    quarter,
    quarterNote,
    running,
    cancelling,
    progress,
    outcome,
  };
  return [state, commands];
}
