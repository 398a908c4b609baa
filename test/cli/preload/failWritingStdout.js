// Preloaded into `kap` (node -r) by jsonFailure.test.ts: standard output fails with EIO after
// its first 64 KB have been written (a disk gone, a full file system), as the operating system
// reports a failed write: an 'error' event on the stream.
const write = process.stdout.write;
let bytes = 0;
let failed = false;
process.stdout.write = function (chunk, ...rest) {
  if (failed) return false;
  if (bytes >= 65536) {
    failed = true;
    const e = Object.assign(new Error("EIO: i/o error, write"), { code: "EIO", syscall: "write" });
    process.nextTick(() => process.stdout.emit("error", e));
    return false;
  }
  bytes += Buffer.byteLength(chunk);
  return write.call(this, chunk, ...rest);
};
