/**
 * Runs a worksheet function twice: with the arguments as Excel on the web passes them (a blank
 * cell is null) and as Excel desktop passes them (a blank cell is 0: office-js #4702, #5262; the
 * Excel double's desktop mode). The two results (or errors) must be identical; the web one is
 * returned (or its error thrown).
 */
import { asFunctionArg, type HostMode } from "../excel-double/excel";

export function both<A extends unknown[], R>(f: (...args: A) => R, ...args: A): R {
  const run = (mode: HostMode) => {
    try {
      return {
        ok: true as const,
        value: f(
          ...(args.map((a) => (Array.isArray(a) ? asFunctionArg(a as unknown[][], mode) : a)) as A)
        ),
      };
    } catch (e) {
      return { ok: false as const, error: e };
    }
  };
  const web = run("web");
  expect(run("desktop")).toEqual(web);
  if (!web.ok) throw web.error;
  return web.value;
}
