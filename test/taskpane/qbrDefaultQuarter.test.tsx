/** @jest-environment jsdom */
/**
 * The pane's default QBR quarter is the one `kap qbr` chooses (477e74c, domain defaultQbrQuarter)
 * and says the same thing. The tester's SAP export holds billing dates 02/10–28/10/2026 only: the
 * last quarter complete at 28/10/2026 is FY2026 Q3 (Jul–Sep 2026), which ends 30/09/2026, before
 * the first order. `kap qbr` reviews FY2026 Q4 to date and says why; the pane offered FY2026 Q3,
 * sent it as the user's choice, and the QBR was refused ("ends before the first order in the
 * data"). Now the pane selects FY2026 Q4, shows the CLI's sentence under the choice, and leaves
 * the default to the engine (no quarter sent), so the QBR's cover says it too.
 */
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { defaultQuarter, defaultQuarterNote } from "../../src/taskpane/format";
import { defaultSettings } from "../../src/engine/settings";
import { ymdToSerial } from "../../src/domain/dates";
import { makeFakeHost } from "./fakeHost";

// what kap qbr prints for the same data (test/cli/qbrDefaultQuarter.test.ts): Q4 runs from
// 01/10/2026; to date is to the as-of, the last order date, 28/10/2026
const NOTE =
  "FY2026 Q3 (Jul–Sep 2026), the last quarter complete at 28/10/2026, has no orders in the data, which starts 02/10/2026: this QBR covers FY2026 Q4 to date, 01/10/2026 – 28/10/2026, not a whole quarter.";

const LAST = ymdToSerial(2026, 10, 28);

describe("the pane's default quarter", () => {
  const s = defaultSettings();

  test("data from 02/10/2026: FY2026 Q4, with the CLI's words on why", () => {
    expect(defaultQuarter(s, LAST, undefined, ymdToSerial(2026, 10, 2))).toBe("FY2026 Q4");
    expect(defaultQuarterNote(s, LAST, ymdToSerial(2026, 10, 2))).toBe(NOTE);
  });

  test("data reaching into Q3 (an order on 30/09/2026, Q3's last day): FY2026 Q3, no note", () => {
    expect(defaultQuarter(s, LAST, undefined, ymdToSerial(2026, 9, 30))).toBe("FY2026 Q3");
    expect(defaultQuarterNote(s, LAST, ymdToSerial(2026, 9, 30))).toBeNull();
  });

  test("before the data is read (no first order known): the last complete quarter, no note", () => {
    expect(defaultQuarter(s, LAST)).toBe("FY2026 Q3");
    expect(defaultQuarterNote(s, LAST)).toBeNull();
  });

  test("dates in the sheets' culture: en-US writes 10/28/2026", () => {
    expect(defaultQuarterNote(s, LAST, ymdToSerial(2026, 10, 2), "en-US")).toContain(
      "the last quarter complete at 10/28/2026, has no orders in the data, which starts 10/2/2026"
    );
  });
});

test("in the pane: FY2026 Q4 chosen, the sentence under it, and the QBR asked for with the default", async () => {
  const host = makeFakeHost({
    settings: { asOf: undefined },
    dates: { firstDate: "2026-10-02", lastDate: "2026-10-28" },
  });
  render(<App host={host} />);
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
  await screen.findByRole("button", { name: "Change the data KAP reads" });
  const choice = await screen.findByRole("combobox", { name: /QBR quarter/ });
  await waitFor(() => expect(choice.textContent).toContain("FY2026 Q4 (Oct–Dec 2026)"));
  expect(screen.getByText(NOTE)).toBeTruthy();

  // choose an account, then make the QBR
  const box = screen.getByRole("combobox", { name: "Account" });
  await waitFor(() => expect((box as HTMLInputElement).disabled).toBe(false));
  fireEvent.change(box, { target: { value: "C001" } });
  fireEvent.keyDown(box, { key: "ArrowDown", altKey: true, which: 40, keyCode: 40 });
  fireEvent.click(await screen.findByRole("option", { name: /C001 — Acme Fixings/ }));
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
  fireEvent.click(screen.getByRole("button", { name: "Build QBR workbook" }));
  await waitFor(() => expect(host.run).toHaveBeenCalled());
  const [id, options] = host.run.mock.calls.at(-1)!;
  expect(id).toBe("qbr");
  // no quarter: the engine's default, as kap qbr with no --quarter (its cover then says NOTE)
  expect(options).toEqual({ accountId: "C001", quarter: undefined });
});
