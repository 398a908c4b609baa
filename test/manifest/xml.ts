/**
 * A tiny XML reader for the manifest tests: elements, attributes and text; enough for an
 * Office add-in manifest (no DTDs, no CDATA). Refuses mismatched tags, so a test also
 * catches a manifest that is not well-formed.
 */
import { execSync } from "child_process";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";

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

/**
 * Runs the production build into a private temporary folder (never the shared dist/, which
 * other people and a dev server may be using) and returns that folder. About 5 s.
 */
export function buildProduction(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "kap-build-"));
  execSync(`npx webpack --mode production --output-path "${dir}"`, {
    cwd: ROOT,
    env: { ...process.env, KAP_PUBLIC_URL: TEST_PUBLIC_URL },
    stdio: "pipe",
    timeout: 240_000,
  });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
