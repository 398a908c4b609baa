/**
 * Requirement sets: every Excel JavaScript API that src/excel uses, with the set its
 * @types/office-js declaration names ("[Api set: ExcelApi 1.x]", copied from
 * excel-api-requirement-sets.md), is either within the set manifest.xml declares or guarded by
 * an isSetSupported check (src/excel/requirements.ts) in the file that uses it. A new API use
 * from a newer set fails here until it is guarded.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import ts from "typescript";
import {
  FEATURES,
  GUARDED_APIS,
  MANIFEST_EXCEL_API,
  NeedsNewerExcelError,
  setRequirementCheck,
} from "../../src/excel/requirements";
import { openNewWorkbook } from "../../src/excel/workbook";
import { writeSheetsIn } from "../../src/excel/writeSheets";
import { readCulture } from "../../src/excel/culture";
import { ExcelDouble } from "../excel-double/excel";
import { healthSheet } from "../excel-double/fixtures";

const ROOT = resolve(__dirname, "../..");
const EXCEL_DIR = join(ROOT, "src/excel");
const version = (v: string) =>
  v
    .split(".")
    .map(Number)
    .reduce((a, b) => a * 1000 + b, 0);

interface Use {
  file: string;
  member: string;
  set: string;
}

/** Every property or method of the Excel namespace src/excel touches, with its requirement set. */
function excelApiUses(): Use[] {
  const files = readdirSync(EXCEL_DIR)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => join(EXCEL_DIR, f));
  const program = ts.createProgram(files, {
    strict: true,
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: ["office-js"],
    skipLibCheck: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const uses: Use[] = [];
  for (const file of files) {
    const sf = program.getSourceFile(file)!;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const symbol = checker.getSymbolAtLocation(node.name);
        for (const decl of symbol?.declarations ?? []) {
          if (!decl.getSourceFile().fileName.includes("@types/office-js")) continue;
          // The set sits in @remarks or, for some functions (createWorkbook), in the comment body.
          const doc = ts
            .getJSDocCommentsAndTags(decl)
            .map((n) => n.getText())
            .join(" ");
          const m = /Api set: ExcelApi (\d+\.\d+)/i.exec(doc);
          // Owner.member ("Worksheet.customProperties"); functions of the namespace are "Excel.createWorkbook".
          const owner =
            ts.isClassDeclaration(decl.parent) || ts.isInterfaceDeclaration(decl.parent)
              ? decl.parent.name?.text
              : "Excel";
          if (m)
            uses.push({
              file: file.slice(EXCEL_DIR.length + 1),
              member: `${owner}.${node.name.text}`,
              set: m[1],
            });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return uses;
}

let uses: Use[] = [];
beforeAll(() => {
  uses = excelApiUses();
}, 120_000);

describe("Excel API requirement sets", () => {
  it("finds the APIs src/excel uses (sanity: getRangeByIndexes 1.7, customProperties 1.12, createWorkbook 1.8)", () => {
    const sets = new Map(uses.map((u) => [u.member, u.set]));
    expect(sets.get("Worksheet.getRangeByIndexes")).toBe("1.7");
    expect(sets.get("Worksheet.customProperties")).toBe("1.12");
    expect(sets.get("Excel.createWorkbook")).toBe("1.8");
    expect(sets.get("Application.cultureInfo")).toBe("1.11");
    expect(sets.get("Worksheet.names")).toBe("1.4");
    expect(sets.get("NamedItem.formula")).toBe("1.7");
  });

  it("manifest.xml declares ExcelApi at the lowest set KAP needs, and nothing used unguarded is newer", () => {
    const manifest = readFileSync(join(ROOT, "manifest.xml"), "utf8");
    expect(manifest).toMatch(
      new RegExp(
        `<Set Name="ExcelApi" MinVersion="${MANIFEST_EXCEL_API.replace(".", "\\.")}"\\s*/>`
      )
    );
    const unguarded = uses.filter((u) => !(u.member in GUARDED_APIS));
    const newest = unguarded.reduce((a, u) => (version(u.set) > version(a) ? u.set : a), "1.1");
    // The declared set is exactly what the unguarded code needs: not lower (it would fail), not higher (it would hide KAP).
    expect(newest).toBe(MANIFEST_EXCEL_API);
  });

  it("every API from a newer set is listed with a feature whose set covers it, and its file checks that feature", () => {
    const newer = uses.filter((u) => version(u.set) > version(MANIFEST_EXCEL_API));
    expect(newer.length).toBeGreaterThan(0);
    for (const u of newer) {
      const feature = GUARDED_APIS[u.member];
      expect([u.file, u.member, feature === undefined ? "not guarded" : "guarded"]).toEqual([
        u.file,
        u.member,
        "guarded",
      ]);
      expect([u.member, version(FEATURES[feature].set) >= version(u.set)]).toEqual([
        u.member,
        true,
      ]);
      const source = readFileSync(join(EXCEL_DIR, u.file), "utf8");
      expect([
        u.file,
        u.member,
        new RegExp(`(supports|requireFeature)\\(['"]${feature}['"]\\)`).test(source),
      ]).toEqual([u.file, u.member, true]);
    }
  });
});

describe("on an Excel without the newer sets", () => {
  const upTo = (max: string) => setRequirementCheck((set) => version(set) <= version(max));
  afterEach(() => setRequirementCheck(undefined));

  it("the QBR workbook needs ExcelApi 1.8 and says so plainly", async () => {
    upTo("1.7");
    const err = await openNewWorkbook("UEsDBA==").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NeedsNewerExcelError);
    expect((err as Error).message).toMatch(
      /This version of Excel cannot do opening the QBR workbook \(it needs Excel JavaScript API 1\.8/
    );
  });

  it("sheets are written without print setup and gridline changes, and the result says what was skipped", async () => {
    upTo("1.7");
    const x = new ExcelDouble(["Data"]);
    const res = await writeSheetsIn(x.newContext() as unknown as Excel.RequestContext, [
      { ...healthSheet(3), showGridlines: false },
    ]);
    expect(x.sheet("Account Health").page).toEqual({});
    expect(x.sheet("Account Health").showGridlines).toBe(true);
    expect(res.notes).toEqual([
      expect.stringMatching(/setting up the sheets for printing/),
      expect.stringMatching(/hiding gridlines/),
    ]);
  });

  it("the culture is unknown below ExcelApi 1.11 (dates then follow the data)", async () => {
    upTo("1.10");
    const x = new ExcelDouble();
    await expect(
      readCulture(x.newContext() as unknown as Excel.RequestContext)
    ).resolves.toBeUndefined();
  });
});
