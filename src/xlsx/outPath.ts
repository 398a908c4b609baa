/**
 * Node only (CLI): the folders a written workbook goes into, made one at a time, and the check
 * that --out can be written before the analysis. Node's `mkdir(…, { recursive: true })` never
 * returns under /proc: mkdir answers ENOENT there although the parent exists, and Node makes the
 * parent again, forever (`kap qbr … --out /proc/x/q.xlsx` hung).
 */
import {
  accessSync,
  constants,
  lstatSync,
  mkdirSync,
  readlinkSync,
  rmdirSync,
  statSync,
} from "node:fs";
import { dirname, resolve } from "node:path";

/**
 * A reason a path cannot be written that no system error code names (a link to nowhere), in
 * words: `why` is the sentence after "Cannot write <path>: ". Recognised by `why`, not by class:
 * the CLI and its workbook writer are separate bundles, each with its own copy of this module.
 */
export class OutPathError extends Error {
  constructor(readonly why: string) {
    super(why);
    this.name = "OutPathError";
  }
}

type Kind = "folder" | "other" | "none" | "brokenLink";

/** What is at a path, not following a link that leads nowhere (lstat's errors, ENOTDIR through a file, pass on). */
function kindOf(path: string): Kind {
  const own = lstatSync(path, { throwIfNoEntry: false });
  if (own === undefined) return "none";
  const seen = own.isSymbolicLink() ? statSync(path, { throwIfNoEntry: false }) : own;
  if (seen === undefined) return "brokenLink";
  return seen.isDirectory() ? "folder" : "other";
}

/** Where a link points, as an absolute path. */
function linkTarget(link: string): string {
  return resolve(dirname(link), readlinkSync(link));
}

const throughAFile = (at: string) =>
  Object.assign(new Error(`ENOTDIR: not a directory, '${at}'`), { code: "ENOTDIR" });

/**
 * The folders of `dir` that do not exist yet, the outermost first. A link to nowhere on the way
 * is said as such (mkdir would call it "file exists", and writing through it "no such file").
 */
function missingFolders(dir: string, path: string): string[] {
  const missing: string[] = [];
  for (let at = resolve(dir); ;) {
    const kind = kindOf(at);
    if (kind === "folder") return missing.reverse();
    if (kind === "other") throw throughAFile(at);
    if (kind === "brokenLink") {
      const who = at === resolve(path) ? "it" : at;
      throw new OutPathError(
        `${who} is a link to ${linkTarget(at)}, which does not exist. Give --out another path, or make that folder first.`
      );
    }
    missing.push(at);
    const up = dirname(at);
    if (up === at) return missing.reverse();
    at = up;
  }
}

/** Makes `dir` and the folders above it that are missing, one mkdir each: every failure is the system's error. */
export function makeFolders(dir: string): void {
  for (const folder of missingFolders(dir, dir)) mkdirSync(folder);
}

/**
 * Throws, before anything is analysed, when `path` cannot be written: a workbook (`file`) or a
 * folder of workbooks (`folder`). The first missing folder is made and removed again (the only way
 * to learn that /proc takes none); an existing one must be writable.
 */
export function checkWritable(path: string, as: "file" | "folder"): void {
  const file = resolve(path);
  if (as === "file" && kindOf(file) === "brokenLink") {
    // writing follows the link: fine when the folder it points into exists
    const target = linkTarget(file);
    if (kindOf(dirname(target)) !== "folder")
      throw new OutPathError(
        `it is a link to ${target}, whose folder does not exist. Give --out another path, or make that folder first.`
      );
  }
  const folder = as === "file" ? dirname(file) : file;
  const missing = missingFolders(folder, path);
  if (missing.length > 0) {
    mkdirSync(missing[0]);
    rmdirSync(missing[0]);
    return;
  }
  accessSync(folder, constants.W_OK);
  if (as === "file" && kindOf(file) === "other") accessSync(file, constants.W_OK);
}
