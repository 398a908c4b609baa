/**
 * The worksheet functions as Excel runs them: the production bundle (dist/functions.js), its
 * functions captured from CustomFunctions.associate. Undefined when there is no build.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

export type Fn = (...args: unknown[]) => unknown;

export function functionsFromBundle(): Record<string, Fn> | undefined {
  const file = join(__dirname, "../dist/functions.js");
  if (!existsSync(file)) return undefined;
  const registry: Record<string, Fn> = {};
  class CfError {
    constructor(
      public code: string,
      public message?: string
    ) {}
  }
  const CustomFunctions = {
    associate: (id: string, fn: Fn) => (registry[id] = fn),
    Error: CfError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  };
  // Run in this realm (a vm context would slow every global lookup): the bundle sees only the stub.
  new Function("CustomFunctions", "self", "window", readFileSync(file, "utf8"))(
    CustomFunctions,
    {},
    {}
  );
  return registry;
}
