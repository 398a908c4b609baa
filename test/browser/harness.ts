/** Serves the production build and drives it in Debian's headless Chromium with the Excel double as office.js. */
import { execSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, resolve } from "node:path";
import { buildSync } from "esbuild";
import { chromium, type Browser, type Page } from "playwright-core";

export const ROOT = resolve(__dirname, "../..");
export const DIST = join(ROOT, "dist");
export const SHOTS = join(ROOT, "test-artifacts", "screenshots");
export const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find(existsSync);

const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "text/xml",
};

export function ensureBuild(): void {
  if (!existsSync(join(DIST, "taskpane.html")))
    execSync("npx webpack --mode production", { cwd: ROOT, stdio: "ignore", timeout: 300_000 });
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
): Promise<{ page: Page; external: string[]; blocked: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const external: string[] = [];
  const blocked: string[] = [];
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
  return { page, external, blocked };
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}
