/**
 * Excel errors with a message (#VALUE! and #N/A are the only codes whose message Excel shows:
 * custom-functions-errors.md). In Excel the CustomFunctions runtime exists; under jest and the
 * CLI a structurally identical stand-in is used, so the same code runs everywhere.
 */
export type KapErrorCode =
  "invalidValue" | "notAvailable" | "divisionByZero" | "invalidNumber" | "nullReference";

export interface KapError {
  code: string;
  message?: string;
}

class LocalError implements KapError {
  constructor(
    public code: string,
    public message?: string
  ) {}
}

const CODE_TEXT: Record<KapErrorCode, string> = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
};

/**
 * The code to return for an Excel error found in an input cell: the same error where a custom
 * function may return it (CustomFunctions.ErrorCode), else #VALUE! (#REF! and #NAME? are input-only
 * codes; #SPILL!, #CALC! and the like have no ErrorCode).
 */
export function passThroughCode(excelError: string): KapErrorCode {
  const hit = (Object.keys(CODE_TEXT) as KapErrorCode[]).find(
    (k) => CODE_TEXT[k] === excelError.toUpperCase()
  );
  return hit ?? "invalidValue";
}

export function kapError(code: KapErrorCode, message: string): KapError {
  const runtime = (
    globalThis as {
      CustomFunctions?: {
        Error: new (code: string, message?: string) => KapError;
        ErrorCode: Record<string, string>;
      };
    }
  ).CustomFunctions;
  if (runtime)
    return new runtime.Error(
      runtime.ErrorCode[code] ?? CODE_TEXT[code],
      code === "invalidValue" || code === "notAvailable" ? message : undefined
    );
  return new LocalError(
    CODE_TEXT[code],
    code === "invalidValue" || code === "notAvailable" ? message : undefined
  );
}

export function isKapError(v: unknown): v is KapError {
  return typeof v === "object" && v !== null && "code" in v && !Array.isArray(v);
}

/** Thrown inside argument parsing; caught at the function edge and turned into an Excel error. */
export class ArgError extends Error {
  constructor(
    message: string,
    public readonly code: KapErrorCode = "invalidValue"
  ) {
    super(message);
  }
}

/** Runs a whole-function body: an ArgError becomes an Excel error (thrown, so Excel shows it in every cell). */
export function guard<T>(body: () => T): T {
  try {
    return body();
  } catch (e) {
    if (e instanceof ArgError) throw kapError(e.code, e.message);
    throw e;
  }
}
