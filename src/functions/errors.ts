/**
 * Excel errors with a message (#VALUE! and #N/A are the only codes whose message Excel shows).
 * In Excel the CustomFunctions runtime exists; under jest and the CLI a structurally identical
 * stand-in is used, so the same code runs everywhere.
 */
export type KapErrorCode = 'invalidValue' | 'notAvailable';

export interface KapError {
  code: string;
  message?: string;
}

class LocalError implements KapError {
  constructor(
    public code: string,
    public message?: string,
  ) {}
}

const CODE_TEXT: Record<KapErrorCode, string> = { invalidValue: '#VALUE!', notAvailable: '#N/A' };

export function kapError(code: KapErrorCode, message: string): KapError {
  const runtime = (globalThis as { CustomFunctions?: { Error: new (code: string, message?: string) => KapError; ErrorCode: Record<string, string> } }).CustomFunctions;
  if (runtime) return new runtime.Error(runtime.ErrorCode[code], message);
  return new LocalError(CODE_TEXT[code], message);
}

export function isKapError(v: unknown): v is KapError {
  return typeof v === 'object' && v !== null && 'code' in v && !Array.isArray(v);
}

/** Thrown inside argument parsing; caught at the function edge and turned into an Excel error. */
export class ArgError extends Error {
  constructor(
    message: string,
    public readonly code: KapErrorCode = 'invalidValue',
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
