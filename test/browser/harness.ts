/** Serves the production build and drives it in Debian's headless Chromium with the Excel double as office.js. */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, resolve } from "node:path";
import { buildSync } from "esbuild";
import { chromium, type Browser, type Page } from "playwright-core";
import { oneBuildAtATime } from "../setup/oneBuildAtATime";

export const ROOT = resolve(__dirname, "../..");
export const DIST = join(ROOT, "dist");
export const SHOTS = join(ROOT, "test-artifacts", "screenshots");
/** webpack's own script, run by node itself: a timeout then stops webpack, not only a shell around it. */
const WEBPACK = join(ROOT, "node_modules/webpack/bin/webpack.js");
export const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find(existsSync);

const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "text/xml",
};

/** Newest modification time of the files under `dir` (the sources the pane is built from). */
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/**
 * Whether dist/ holds a production build of the sources as they are: its stamp (written by the
 * build itself, webpack.config.js ProductionBuildStamp, as `npm run build` in CI does) is newer
 * than every file under src/. Webpack leaves unchanged output files untouched, so their own times
 * say nothing.
 */
function buildIsCurrent(): boolean {
  const stamp = join(DIST, ".production-build");
  return (
    existsSync(join(DIST, "taskpane.html")) &&
    existsSync(stamp) &&
    newest(join(ROOT, "src")) <= statSync(stamp).mtimeMs
  );
}

/** Builds the pane when there is no build or a source under src/ is newer than the last build. */
export function ensureBuild(): void {
  if (buildIsCurrent()) return;
  oneBuildAtATime("webpack", ROOT, () => {
    // another worker may have built it while this one waited
    if (!buildIsCurrent())
      execFileSync(process.execPath, [WEBPACK, "--mode", "production"], {
        cwd: ROOT,
        stdio: "ignore",
        timeout: 300_000,
      });
  });
}

export function bundleDouble(): string {
  const out = buildSync({
    entryPoints: [join(__dirname, "officeDouble.entry.ts")],
    bundle: true,
    write: false,
    platform: "browser",
    format: "iife",
    target: "es2020",
    logLevel: "silent",
  });
  return out.outputFiles[0].text;
}

export async function serveDist(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = join(DIST, decodeURIComponent((req.url ?? "/").split("?")[0]));
    if (!path.startsWith(DIST) || !existsSync(path)) {
      res.writeHead(404).end();
      return;
    }
    res
      .writeHead(200, { "Content-Type": TYPES[extname(path)] ?? "application/octet-stream" })
      .end(readFileSync(path));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * Opens the pane at task-pane width with office.js replaced by the double; records any other
 * network request. `query` picks the Excel the double plays (officeDouble.entry.ts), e.g.
 * "?host=desktop&start=hidden"; `block` aborts matching requests (a worker that cannot load).
 */
export async function openPane(
  browser: Browser,
  url: string,
  officeJs: string,
  width = 340,
  query = "",
  block?: RegExp
): Promise<{ page: Page; external: string[]; blocked: string[]; missingIcons: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const external: string[] = [];
  const blocked: string[] = [];
  // Fluent draws nothing for an icon KAP has not registered (src/taskpane/icons.tsx) and says so
  const missingIcons: string[] = [];
  page.on("console", (m) => {
    const icon = /The icon "([^"]+)" was used but not registered/.exec(m.text());
    if (icon && !missingIcons.includes(icon[1])) missingIcons.push(icon[1]);
  });
  await page.route("**/*", (route) => {
    const u = route.request().url();
    if (u.startsWith("https://appsforoffice.microsoft.com/"))
      return route.fulfill({ contentType: "text/javascript", body: officeJs });
    if (block?.test(u)) {
      blocked.push(u);
      return route.abort();
    }
    if (!u.startsWith(url)) {
      external.push(u);
      return route.abort();
    }
    return route.continue();
  });
  await page.goto(`${url}/taskpane.html${query}`);
  return { page, external, blocked, missingIcons };
}

/** One test file's pane: its Chromium, and openPane on its server (see paneSuite). */
export interface PaneSuite {
  /** the file's Chromium (started in its beforeAll) */
  readonly browser: Browser;
  /** openPane on the file's server and Chromium, with the Excel double as office.js */
  open(width?: number, query?: string, block?: RegExp): ReturnType<typeof openPane>;
}

/**
 * What every browser test file starts with: the production build, the Excel double's bundle,
 * the dist server and Chromium, started once before the file's tests and closed after them.
 * Without Chromium nothing starts (the file's tests are skipped).
 */
export function paneSuite(): PaneSuite {
  let browser: Browser | undefined;
  let server: Server | undefined;
  let url = "";
  let officeJs = "";
  beforeAll(async () => {
    if (!CHROMIUM) return;
    ensureBuild();
    officeJs = bundleDouble();
    ({ server, url } = await serveDist());
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });
  const started = (): Browser => {
    if (!browser)
      throw new Error("paneSuite: Chromium has not started (none found, or beforeAll failed)");
    return browser;
  };
  return {
    get browser() {
      return started();
    },
    open: (width = 340, query = "", block?: RegExp) =>
      openPane(started(), url, officeJs, width, query, block),
  };
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

export interface LayoutProblems {
  /** Elements wider than the pane (scrollWidth > the pane's width): a horizontal scroll or a cut. */
  wider: string[];
  /** Elements whose text is cut off on the right (overflow hidden, content wider than the box). */
  clipped: string[];
  /** Text below WCAG 2.1 AA contrast with what is behind it (4.5:1; 3:1 for large or bold-large text). */
  lowContrast: string[];
}

/**
 * What a reviewer would see wrong in the pane at its width: content wider than the pane, text cut
 * off, text too faint for its background. Each finding names the element and its text. Disabled
 * controls are left out of the contrast check (WCAG 1.4.3 exempts inactive components), and so are
 * form inputs, which scroll their own text by design.
 */
export function layoutProblems(page: Page): Promise<LayoutProblems> {
  return page.evaluate(() => {
    const paneWidth = document.documentElement.clientWidth;
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? "." + el.className.split(" ")[0] : ""} "${(el.textContent ?? "").trim().slice(0, 40)}"`;
    const rgb = (c: string): [number, number, number, number] => {
      const m = c.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 0];
      return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1];
    };
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el: Element | null): number[] => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c[3] > 0.5) return c;
      }
      return [255, 255, 255, 1];
    };
    const out = { wider: [] as string[], clipped: [] as string[], lowContrast: [] as string[] };
    for (const el of Array.from(document.querySelectorAll("body *"))) {
      const html = el as HTMLElement;
      const cs = getComputedStyle(html);
      if (cs.display === "none" || cs.visibility === "hidden" || html.closest("[hidden]")) continue;
      const isInput = ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName);
      // an input scrolls its own text (a long account name in the picker): its box is what must fit
      if ((isInput ? html.offsetWidth : html.scrollWidth) > paneWidth + 1) out.wider.push(name(el));
      if (
        !isInput &&
        (cs.overflowX === "hidden" || cs.overflowX === "clip") &&
        html.scrollWidth > html.clientWidth + 1 &&
        (html.textContent ?? "").trim() !== ""
      )
        out.clipped.push(name(el));
      const ownText = Array.from(el.childNodes).some(
        (n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? "").trim() !== ""
      );
      if (!ownText || isInput) continue;
      if (html.closest("[disabled], [aria-disabled='true'], .is-disabled")) continue;
      // the label of a disabled control (Fluent greys it) is part of that inactive component
      // (Fluent's ComboBox names its input by aria-labelledby, its label has no `for`)
      const labelled =
        el.tagName === "LABEL" &&
        (document.getElementById(el.getAttribute("for") ?? el.id.replace(/-label$/, "")) ??
          (el.id ? document.querySelector(`[aria-labelledby~="${el.id}"]`) : null));
      if (labelled && labelled.closest("[disabled], [aria-disabled='true'], .is-disabled"))
        continue;
      const fg = rgb(cs.color);
      const bg = background(el);
      const a = fg[3];
      const mixed = [0, 1, 2].map((i) => fg[i] * a + bg[i] * (1 - a));
      const [l1, l2] = [lum(mixed), lum(bg)].sort((x, y) => y - x);
      const ratio = (l1 + 0.05) / (l2 + 0.05);
      const size = parseFloat(cs.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(cs.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) out.lowContrast.push(`${name(el)} ${ratio.toFixed(2)}:1`);
    }
    return out;
  });
}

/**
 * Labels a control is drawn over (a label wrapped to two lines in a box one line high, its second
 * line under the input): each named with the control's. Boxes sharing less than 2 px² are apart.
 */
export function coveredLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const controls = Array.from(
      document.querySelectorAll<HTMLElement>(
        "input, select, textarea, [role='combobox'], [role='spinbutton'], button"
      )
      // a checkbox's own input is transparent over its label by design
    ).filter((c) => c.offsetParent !== null && getComputedStyle(c).opacity !== "0");
    for (const label of Array.from(document.querySelectorAll<HTMLElement>("label"))) {
      if (label.offsetParent === null || !(label.textContent ?? "").trim()) continue;
      // the label's text, not its box: a box may be sized to one line while the text runs on
      const range = document.createRange();
      range.selectNodeContents(label);
      for (const l of Array.from(range.getClientRects()))
        for (const c of controls) {
          if (c.contains(label) || label.contains(c)) continue;
          const b = c.getBoundingClientRect();
          const w = Math.min(l.right, b.right) - Math.max(l.left, b.left);
          const h = Math.min(l.bottom, b.bottom) - Math.max(l.top, b.top);
          if (w > 0 && h > 0 && w * h >= 2)
            out.push(`"${label.textContent!.trim()}" under ${c.tagName.toLowerCase()}`);
        }
    }
    return [...new Set(out)];
  });
}
