/**
 * manifest.xml: the shared-runtime wiring Excel needs for KAP's task pane and KAP.* functions
 * to run in one page (OFFICE-NOTES.md), every resource defined, every URL served by the build,
 * and the production copy pointing at the production host.
 */
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import {
  buildProduction,
  byName,
  child,
  descendants,
  parseXml,
  ROOT,
  TEST_PUBLIC_URL,
  type XmlElement,
} from "./xml";

const DEV_ORIGIN = "https://localhost:3000";
const source = readFileSync(join(ROOT, "manifest.xml"), "utf8");
const manifest = parseXml(source);

function workbookHost(m: XmlElement): XmlElement {
  const overrides = child(m, "VersionOverrides");
  const host = child(overrides, "Hosts").children.find(
    (h) => h.name === "Host" && h.attrs["xsi:type"] === "Workbook"
  );
  if (!host) throw new Error('no <Host xsi:type="Workbook"> under VersionOverrides');
  return host;
}

/** id → DefaultValue of every resource under <Resources>. */
function resources(m: XmlElement): Map<string, string> {
  const res = child(child(m, "VersionOverrides"), "Resources");
  const out = new Map<string, string>();
  for (const el of descendants(res))
    if (el.attrs.id !== undefined) out.set(el.attrs.id, el.attrs.DefaultValue);
  return out;
}

/** Every URL the manifest names: DefaultValue attributes that are URLs, and AppDomain text. */
function urlsOf(m: XmlElement): string[] {
  const urls: string[] = [];
  for (const el of descendants(m)) {
    const v = el.attrs.DefaultValue;
    if (v !== undefined && /^https?:/.test(v)) urls.push(v);
    if (el.name === "AppDomain") urls.push(el.text);
  }
  return urls;
}

describe("manifest.xml", () => {
  it("is a task pane add-in for Excel with a GUID id", () => {
    expect(manifest.name).toBe("OfficeApp");
    expect(manifest.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(child(manifest, "Id").text).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
    );
    expect(byName(child(manifest, "Hosts"), "Host").map((h) => h.attrs.Name)).toEqual(["Workbook"]);
  });

  it("requires SharedRuntime 1.1", () => {
    const sets = byName(child(manifest, "Requirements"), "Set");
    expect(sets).toContainEqual(
      expect.objectContaining({
        attrs: expect.objectContaining({ Name: "SharedRuntime", MinVersion: "1.1" }),
      })
    );
  });

  it("puts Runtimes, AllFormFactors, DesktopFormFactor in that order under the Workbook host", () => {
    const order = workbookHost(manifest).children.map((c) => c.name);
    expect(order).toEqual(["Runtimes", "AllFormFactors", "DesktopFormFactor"]);
  });

  it("declares one long-lived runtime, Taskpane.Url, shared by the functions page, the function file and the task pane button", () => {
    const host = workbookHost(manifest);
    const runtimes = byName(child(host, "Runtimes"), "Runtime");
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0].attrs).toEqual({ resid: "Taskpane.Url", lifetime: "long" });

    const cf = byName(host, "ExtensionPoint").find(
      (e) => e.attrs["xsi:type"] === "CustomFunctions"
    );
    if (!cf) throw new Error("no CustomFunctions extension point");
    expect(child(child(cf, "Page"), "SourceLocation").attrs.resid).toBe("Taskpane.Url");
    expect(child(child(cf, "Script"), "SourceLocation").attrs.resid).toBe("Functions.Script.Url");
    expect(child(child(cf, "Metadata"), "SourceLocation").attrs.resid).toBe(
      "Functions.Metadata.Url"
    );

    const desktop = child(host, "DesktopFormFactor");
    expect(child(desktop, "FunctionFile").attrs.resid).toBe("Taskpane.Url");
    const show = byName(desktop, "Action").filter((a) => a.attrs["xsi:type"] === "ShowTaskpane");
    expect(show.length).toBeGreaterThan(0);
    for (const a of show) expect(child(a, "SourceLocation").attrs.resid).toBe("Taskpane.Url");
  });

  it("registers the functions in the KAP namespace", () => {
    const cf = byName(workbookHost(manifest), "ExtensionPoint").find(
      (e) => e.attrs["xsi:type"] === "CustomFunctions"
    );
    const nsId = child(cf as XmlElement, "Namespace").attrs.resid;
    expect(resources(manifest).get(nsId)).toBe("KAP");
  });

  it("defines every resid it references, once", () => {
    const res = resources(manifest);
    const referenced = descendants(manifest)
      .map((e) => e.attrs.resid)
      .filter((r): r is string => r !== undefined);
    expect(referenced.length).toBeGreaterThan(5);
    for (const r of referenced) expect(res.has(r) ? r : `missing resource ${r}`).toBe(r);
    const ids = descendants(child(child(manifest, "VersionOverrides"), "Resources"))
      .map((e) => e.attrs.id)
      .filter((x) => x !== undefined);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("points every URL at https://localhost:3000/<file> (AppDomain: the origin)", () => {
    for (const u of urlsOf(manifest)) expect(u).toMatch(new RegExp(`^${DEV_ORIGIN}(/[\\w./-]+)?$`));
  });

  describe("against the production build", () => {
    let dir = "";
    let cleanup = () => {};
    beforeAll(() => {
      ({ dir, cleanup } = buildProduction());
    }, 300_000);
    afterAll(() => cleanup());

    it("the build produces every file the manifest names, and the icons", () => {
      const files = urlsOf(manifest)
        .filter((u) => u.startsWith(`${DEV_ORIGIN}/`))
        .map((u) => u.slice(DEV_ORIGIN.length + 1));
      expect(files).toEqual(
        expect.arrayContaining([
          "taskpane.html",
          "functions.js",
          "functions.json",
          "assets/icon-16.png",
          "assets/icon-32.png",
          "assets/icon-64.png",
          "assets/icon-80.png",
        ])
      );
      for (const f of new Set([
        ...files,
        "assets/icon-16.png",
        "assets/icon-32.png",
        "assets/icon-64.png",
        "assets/icon-80.png",
      ])) {
        expect(existsSync(join(dir, f)) ? f : `not built: ${f}`).toBe(f);
      }
    });

    it("the page loads the functions bundle, so the shared runtime registers KAP.* (one page)", () => {
      const html = readFileSync(join(dir, "taskpane.html"), "utf8");
      expect(html).toMatch(/src="?[^"\s>]*functions\.js/);
      expect(html).toMatch(/src="?[^"\s>]*taskpane\.js/);
    });

    it("the production manifest has every URL rewritten to the production host, nothing left on localhost", () => {
      const prodText = readFileSync(join(dir, "manifest.xml"), "utf8");
      expect(prodText).not.toMatch(/localhost/);
      const prod = parseXml(prodText);
      const origin = new URL(TEST_PUBLIC_URL).origin;
      for (const u of urlsOf(prod)) expect(u.startsWith(origin) ? "ok" : u).toBe("ok");
      // each file URL keeps its file, under the production path
      expect(resources(prod).get("Functions.Metadata.Url")).toBe(
        `${TEST_PUBLIC_URL}functions.json`
      );
      expect(resources(prod).get("Taskpane.Url")).toBe(`${TEST_PUBLIC_URL}taskpane.html`);
      expect(byName(prod, "AppDomain").map((a) => a.text)).toEqual([origin]);
      // and the rest of the manifest is unchanged
      expect(child(prod, "Id").text).toBe(child(manifest, "Id").text);
      expect(workbookHost(prod).children.map((c) => c.name)).toEqual([
        "Runtimes",
        "AllFormFactors",
        "DesktopFormFactor",
      ]);
    });
  });
});
