/** `kap …args` run in process and refused before the file is read: the one-line message it gives. */
import { run, UsageError } from "../../src/cli/main";

export async function refused(args: string[]): Promise<string> {
  try {
    await run(args);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error(`kap ${args.join(" ")} was not refused`);
}
