/** The pane starts work only when it is shown: at once if visible, else on Office's visibility event or the page's. */
import { whenShown, type VisibilityEnv } from "../../src/taskpane/visibility";

function fakeEnv(state: "visible" | "hidden") {
  const pageListeners = new Set<() => void>();
  let officeHandler: ((m: { visibilityMode: string }) => void) | undefined;
  let removed = 0;
  const doc = {
    visibilityState: state as DocumentVisibilityState,
    addEventListener: (_t: string, l: () => void) => pageListeners.add(l),
    removeEventListener: (_t: string, l: () => void) => pageListeners.delete(l),
  };
  const env: VisibilityEnv = {
    doc: doc as unknown as VisibilityEnv["doc"],
    addin: {
      onVisibilityModeChanged: async (h) => {
        officeHandler = h;
        return async () => {
          removed++;
          officeHandler = undefined;
        };
      },
    },
  };
  return {
    env,
    office: (mode: string) => officeHandler?.({ visibilityMode: mode }),
    page: (s: "visible" | "hidden") => {
      doc.visibilityState = s;
      for (const l of [...pageListeners]) l();
    },
    listeners: () => pageListeners.size,
    removed: () => removed,
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

test("a pane that is showing starts at once", () => {
  const f = fakeEnv("visible");
  const start = jest.fn();
  whenShown(start, f.env);
  expect(start).toHaveBeenCalledTimes(1);
});

test("a hidden start (the runtime only calculating KAP.* cells) waits for Office to show the pane, then starts once", async () => {
  const f = fakeEnv("hidden");
  const start = jest.fn();
  whenShown(start, f.env);
  await tick();
  expect(start).not.toHaveBeenCalled();
  f.office("Hidden");
  expect(start).not.toHaveBeenCalled();
  f.office("Taskpane");
  f.office("Taskpane");
  f.page("visible");
  expect(start).toHaveBeenCalledTimes(1);
  await tick();
  expect(f.removed()).toBe(1);
  expect(f.listeners()).toBe(0);
});

test("the page becoming visible also starts it (hosts without the Office event)", async () => {
  const f = fakeEnv("hidden");
  const start = jest.fn();
  whenShown(start, { doc: f.env.doc });
  f.page("hidden");
  expect(start).not.toHaveBeenCalled();
  f.page("visible");
  expect(start).toHaveBeenCalledTimes(1);
});
