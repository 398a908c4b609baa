// Preloaded into `kap` (node -r) by jsonFailure.test.ts: the process is sent SIGINT (Ctrl-C) once
// JSON.stringify is asked for a value naming the account "ZZ-FAIL", as a user stopping kap while
// it writes a late part of the JSON; earlier parts of the output have been made by then.
const stringify = JSON.stringify;
let sent = false;
JSON.stringify = function (...args) {
  const s = stringify.apply(this, args);
  if (!sent && typeof s === "string" && s.includes('"ZZ-FAIL"') && s.length < 100000) {
    sent = true;
    process.kill(process.pid, "SIGINT");
  }
  return s;
};
