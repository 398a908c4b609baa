/**
 * isDownPayment looks at a line's first character before its pattern (every line is asked): the
 * words it knows still read as down payments whatever their case and whatever space precedes
 * them (a no-break space too), and other lines, however they start, still do not.
 */
import { isDownPayment } from "../../src/ingest/downPayments";

test.each([
  ["", "Down payment"],
  ["", "DOWN PAYMENT"],
  ["", "  Down payment"],
  ["", "\u00a0Down payment"],
  ["", "\tDeposit"],
  ["X9", "Anzahlung"],
  ["X9", "acompte"],
  ["X9", "Aanbetaling"],
  ["X9", "Anticipo"],
  ["DOWN-PAYMENT", undefined],
])("%s / %s is a down payment", (sku, description) =>
  expect(isDownPayment(sku, description)).toBe(true)
);

test.each([
  ["FX-203", "Wall Plugs (100), Blue 10mm"],
  ["HT-402-5", "Tape Measures, 8m (5)"],
  ["AB-1", "Adhesive"],
  ["D1", "Drill bits"],
  ["", ""],
  ["X9", undefined],
])("%s / %s is no down payment", (sku, description) =>
  expect(isDownPayment(sku, description)).toBe(false)
);
