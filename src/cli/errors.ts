/** A file KAP cannot read, with one sentence that says why. */
export class FileReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FileReadError";
  }
}
