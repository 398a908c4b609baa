import { currencyOfCulture } from "../../src/ingest/cultureCurrency";

test.each([
  ["de-DE", "EUR"],
  ["fr-FR", "EUR"],
  ["nl-NL", "EUR"],
  ["de-AT", "EUR"],
  ["en-IE", "EUR"],
  ["en-US", "USD"],
  ["en-GB", "GBP"],
  ["en-CA", "CAD"],
  ["fr-CA", "CAD"],
  ["en-AU", "AUD"],
  ["de-CH", "CHF"],
  ["de_de", "EUR"],
])("%s → %s", (culture, code) => expect(currencyOfCulture(culture)).toBe(code));

test.each([["de"], ["en"], ["xx-ZZ"], [""], [undefined]])(
  "%s names no region with a known currency: undefined",
  (culture) => expect(currencyOfCulture(culture)).toBeUndefined()
);
