/**
 * A tiny XML reader for the manifest tests: elements, attributes and text; enough for an
 * Office add-in manifest (no DTDs, no CDATA). Refuses mismatched tags, so a test also
 * catches a manifest that is not well-formed.
 */
import { execFileSync } from "child_process";
import { createHash } from "crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { oneBuildAtATime } from "../setup/oneBuildAtATime";

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

function unescape(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

export function parseXml(xml: string): XmlElement {
  const body = xml.replace(/<\?[\s\S]*?\?>/g, "").replace(/<!--[\s\S]*?-->/g, "");
  const root: XmlElement = { name: "#document", attrs: {}, children: [], text: "" };
  const stack: XmlElement[] = [root];
  const token =
    /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = token.exec(body)) !== null) {
    if (m.index !== consumed)
      throw new Error(`Malformed XML near: ${body.slice(consumed, consumed + 40)}`);
    consumed = token.lastIndex;
    const top = stack[stack.length - 1];
    if (m[5] !== undefined) {
      top.text += unescape(m[5]);
      continue;
    }
    const [, closing, name, attrText, selfClosing] = m;
    if (closing) {
      if (top.name !== name) throw new Error(`Mismatched </${name}>, expected </${top.name}>`);
      top.text = top.text.trim();
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of attrText.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
      attrs[a[1]] = unescape(a[2] ?? a[3]);
    const el: XmlElement = { name, attrs, children: [], text: "" };
    top.children.push(el);
    if (!selfClosing) stack.push(el);
  }
  if (consumed !== body.length) throw new Error("Malformed XML at the end");
  if (stack.length !== 1) throw new Error(`Unclosed <${stack[stack.length - 1].name}>`);
  const elements = root.children;
  if (elements.length !== 1) throw new Error("XML must have one root element");
  return elements[0];
}

/** Every element below `el` (depth first, document order). */
export function descendants(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

export function child(el: XmlElement, name: string): XmlElement {
  const c = el.children.find((x) => x.name === name);
  if (!c) throw new Error(`<${el.name}> has no <${name}>`);
  return c;
}

export function byName(el: XmlElement, name: string): XmlElement[] {
  return descendants(el).filter((x) => x.name === name);
}

export const ROOT = resolve(__dirname, "../..");

/** Where production builds are hosted in these tests (webpack reads KAP_PUBLIC_URL); a path too, to check it is kept. */
export const TEST_PUBLIC_URL = "https://addins.contoso.test/kap/";

/** What the production build reads: the sources, assets, manifests and build configuration. */
function buildInputs(): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else files.push(p);
    }
  };
  walk(join(ROOT, "src"));
  walk(join(ROOT, "assets"));
  for (const f of readdirSync(ROOT))
    if (/^(manifest.*\.xml|webpack\.config\.js|tsconfig.*\.json|package(-lock)?\.json)$/.test(f))
      files.push(join(ROOT, f));
  return files.sort();
}

/** A digest of every build input's path and bytes, and the public URL: equal digests, equal builds. */
function buildKey(): string {
  const h = createHash("sha256").update(TEST_PUBLIC_URL);
  for (const f of buildInputs()) h.update(f).update("\0").update(readFileSync(f)).update("\0");
  return h.digest("hex").slice(0, 16);
}

/**
 * The production build of the sources as they are, in a temporary folder of its own (never the
 * shared dist/, which other people and a dev server may be using). Built once per state of the
 * sources: the manifest suites share it (each built it, about 45 s on a 2-core CI machine), one
 * builds while the other waits; a build is moved into place whole, so a suite never reads a
 * half-written one. After `npm run build`, webpack's cache (webpack.config.js) makes it cheap.
 */
export function buildProduction(): { dir: string; cleanup: () => void } {
  const dir = join(tmpdir(), `kap-build-${buildKey()}`);
  const keep = { dir, cleanup: () => {} };
  if (existsSync(join(dir, "functions.json"))) return keep;
  return oneBuildAtATime("webpack", ROOT, () => {
    // the other manifest suite may have built it while this one waited
    if (existsSync(join(dir, "functions.json"))) return keep;
    const work = mkdtempSync(join(tmpdir(), "kap-building-"));
    // webpack's own script, run by node itself: a timeout then stops webpack, not only a shell
    execFileSync(
      process.execPath,
      [
        join(ROOT, "node_modules/webpack/bin/webpack.js"),
        "--mode",
        "production",
        "--output-path",
        work,
      ],
      {
        cwd: ROOT,
        env: { ...process.env, KAP_PUBLIC_URL: TEST_PUBLIC_URL },
        stdio: "pipe",
        timeout: 240_000,
      }
    );
    try {
      renameSync(work, dir);
    } catch {
      // another run of the tests in this checkout finished the same build first: use its folder
      rmSync(work, { recursive: true, force: true });
    }
    return keep;
  });
}
