/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { ActionId, Progress } from "../../src/engine/contract";
import { ACTIONS } from "../../src/engine/actions";
import { App } from "../../src/taskpane/App";
import { ACCOUNTS, makeFakeHost, type FakeHost } from "./fakeHost";

/** What the pane says when an analysis is cancelled (its scores are then cleared, not kept as if current). */
const ANALYSIS_CANCELLED =
  /^Analysis cancelled\. Nothing in your workbook was changed, and no scores are shown until the data is analysed again\./;

/** Lets the fake host's promises resolve inside act(), as they would between a user's clicks. */
async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

async function openPane(host: FakeHost = makeFakeHost()): Promise<FakeHost> {
  render(<App host={host} />);
  await settle();
  // Discovery then the automatic analysis: the picker is enabled once accounts are in.
  // Then the data is confirmed and folds to one line with "Change".
  await screen.findByRole("button", { name: "Change the data KAP reads" });
  await waitFor(() =>
    expect((screen.getByRole("combobox", { name: "Account" }) as HTMLInputElement).disabled).toBe(
      false
    )
  );
  return host;
}

/** The as-of date field (Fluent's DatePicker: a combobox that opens a calendar). */
const asOfBox = () => screen.getByRole("combobox", { name: /As-of date/ }) as HTMLInputElement;

/** Types into the as-of date field and leaves it, as a user does with Tab. */
function typeAsOf(text: string): void {
  fireEvent.change(asOfBox(), { target: { value: text } });
  fireEvent.blur(asOfBox());
}

/** The data section: one line once the data is confirmed. */
const dataRegion = () => screen.getByRole("region", { name: "Data" });

/** Opens the folded data section ("Change"). */
async function changeData(): Promise<void> {
  fireEvent.click(await screen.findByRole("button", { name: "Change the data KAP reads" }));
}

function actionButton(label: string): HTMLButtonElement {
  return screen.getByRole("button", { name: label }) as HTMLButtonElement;
}

async function chooseAccount(text: string, optionName: RegExp): Promise<void> {
  const box = screen.getByRole("combobox", { name: "Account" });
  fireEvent.change(box, { target: { value: text } });
  fireEvent.keyDown(box, { key: "ArrowDown", altKey: true, which: 40, keyCode: 40 });
  fireEvent.click(await screen.findByRole("option", { name: optionName }));
  await settle();
}

async function chooseInDropdown(label: RegExp, option: string | RegExp): Promise<void> {
  fireEvent.click(screen.getByRole("combobox", { name: label }));
  fireEvent.click(await screen.findByRole("option", { name: option }));
  await settle();
}

/** What a browser does with Tab: the next element that takes focus in document order. */
function tabbables(): HTMLElement[] {
  return Array.from(
    document.querySelectorAll<HTMLElement>("button, input, select, textarea, a[href], [tabindex]")
  ).filter(
    (el) =>
      el.tabIndex >= 0 &&
      !(el as HTMLButtonElement).disabled &&
      !el.closest("[hidden]") &&
      el.getAttribute("aria-hidden") !== "true"
  );
}
function pressTab(): void {
  const all = tabbables();
  const i = all.indexOf(document.activeElement as HTMLElement);
  act(() => all[(i + 1) % all.length].focus());
}
/** A browser turns Enter/Space on a focused <button> into a click unless keydown was cancelled. */
function pressKey(el: HTMLElement, key: "Enter" | " "): void {
  const notCancelled = fireEvent.keyDown(el, { key, code: key === " " ? "Space" : "Enter" });
  if (key === " ") fireEvent.keyUp(el, { key, code: "Space" });
  if (notCancelled && el.tagName === "BUTTON") fireEvent.click(el);
}

describe("task pane: data", () => {
  it("on open loads the settings, discovers and shows the tables it found, then analyses", async () => {
    const host = await openPane();
    expect(host.loadSettings).toHaveBeenCalledTimes(1);
    expect(host.discover.mock.calls[0][0].asOf).toBe("2026-06-30");
    expect(host.analyze).toHaveBeenCalledTimes(1);
    // Confirmed (analysed, no problem): the data folds to one line, in words (issue 15 item 8).
    // The fake's order lines have Product name (0.8) and Line revenue (0.9) matched by part of
    // their header: 2 columns need a look; the accounts table's 3 are exact.
    await waitFor(() =>
      expect(dataRegion().textContent).toBe(
        "Order lines: Orders!A1:G1201 + 1 more table · 2 columns need a look · Change"
      )
    );
    // the portfolio actions come before the account picker
    const order = [
      actionButton("Score all accounts"),
      screen.getByRole("combobox", { name: "Account" }),
    ];
    expect(
      order[0].compareDocumentPosition(order[1]) & Node.DOCUMENT_POSITION_FOLLOWING
    ).toBeTruthy();
    expect(
      dataRegion().compareDocumentPosition(order[0]) & Node.DOCUMENT_POSITION_FOLLOWING
    ).toBeTruthy();
    await changeData();
    expect(
      screen.getByText(
        "Table tblOrders on sheet Orders: 1,200 rows, 2 columns need a look (Product name, Line revenue)."
      )
    ).toBeTruthy();
    expect(
      screen.getByText("Sheet Accounts (Accounts!A3:D6): 3 rows, all columns matched.")
    ).toBeTruthy();
    expect(screen.queryByText(/Confidence/)).toBeNull();
    // After the analysis the order-line summary is shown, dates as the sheets write them.
    expect(
      screen.getByText(
        /1,187 order lines from 01\/07\/2024 to 28\/06\/2026, 3 accounts, 13 rows skipped/
      )
    ).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Done" }));
    expect(dataRegion().textContent).toMatch(/^Order lines: Orders!A1:G1201/);
  });

  it("in an en-US workbook the order-line summary writes its dates as the sheets do there: 7/1/2024 to 6/28/2026", async () => {
    await openPane(makeFakeHost({ dateCulture: "en-US" }));
    await changeData();
    expect(
      screen.getByText(
        /1,187 order lines from 7\/1\/2024 to 6\/28\/2026, 3 accounts, 13 rows skipped/
      )
    ).toBeTruthy();
  });

  it("order lines KAP does not recognise: the user names their sheet, then sees its columns to map", async () => {
    const host = makeFakeHost({ noOrders: true });
    render(<App host={host} />);
    await settle();
    await screen.findByText(/^No order lines were found\./);
    expect(host.analyze).not.toHaveBeenCalled();
    // the actions wait for order lines: a click repeated the Data section's message on top of the pane
    expect(actionButton("Score all accounts").disabled).toBe(true);
    expect(actionButton("Portfolio dashboard").disabled).toBe(true);
    // an empty table of the user's needs no order lines
    expect(actionButton("Create an empty engagement log").disabled).toBe(false);
    expect(actionButton("Create an empty payments ledger").disabled).toBe(false);
    expect(screen.queryByRole("heading", { name: "Order lines" })).toBeNull();
    await chooseInDropdown(/^Order lines are on/, "Orders");
    await waitFor(() => expect(host.saveSettings).toHaveBeenCalled());
    expect(host.saveSettings.mock.calls.at(-1)![0].ordersSheet).toBe("Orders");
    expect(host.discover.mock.calls.at(-1)![0].ordersSheet).toBe("Orders");
    // found there and analysed: the data folds to one line; opened, the sheet stays chosen
    await waitFor(() => expect(host.analyze).toHaveBeenCalled());
    expect(host.analyze.mock.calls.at(-1)![0].ordersSheet).toBe("Orders");
    await waitFor(() => expect(actionButton("Score all accounts").disabled).toBe(false));
    await changeData();
    await screen.findByRole("heading", { name: "Order lines" });
    expect(screen.getByRole("combobox", { name: /^Order lines are on/ }).textContent).toBe(
      "Orders"
    );
    await chooseInDropdown(/^Order lines are on/, "Let KAP find them");
    await waitFor(() =>
      expect(host.saveSettings.mock.calls.at(-1)![0].ordersSheet).toBeUndefined()
    );
  });

  it("changing a column in the Columns expander saves the new mapping and discovers again", async () => {
    const host = await openPane();
    await changeData();
    fireEvent.click(screen.getByRole("button", { name: "Columns: Order lines" }));
    await chooseInDropdown(/Order lines: Site \/ delivery address/, "Site");
    await waitFor(() => expect(host.saveSettings).toHaveBeenCalled());
    const saved = host.saveSettings.mock.calls.at(-1)![0];
    expect(saved.mapping.orders).toEqual({ site: "Site" });
    expect(saved.asOf).toBe("2026-06-30");
    await waitFor(() =>
      expect(host.discover.mock.calls.at(-1)![0].mapping.orders).toEqual({ site: "Site" })
    );
  });

  it("un-mapping a required column shows the problem and does not analyse", async () => {
    const host = await openPane();
    await changeData();
    fireEvent.click(screen.getByRole("button", { name: "Columns: Order lines" }));
    await chooseInDropdown(/Order lines: Quantity \(required\)/, "(not mapped)");
    expect(
      await screen.findByText(
        'The order lines on "Orders" have no column for "Quantity". Choose it under Columns.'
      )
    ).toBeTruthy();
    expect(host.saveSettings.mock.calls.at(-1)![0].mapping.orders).toEqual({ quantity: undefined });
    expect(host.analyze).toHaveBeenCalledTimes(1); // only the first, automatic one
  });
});

describe("task pane: settings", () => {
  it("weights that do not add to 100 show the total and the message, and disable the actions", async () => {
    await openPane();
    fireEvent.click(screen.getByRole("button", { name: "Settings" }));
    expect(screen.getByText("Total: 100%")).toBeTruthy(); // 25+20+20+15+10+10
    const recency = screen.getByRole("spinbutton", { name: "Recency" });
    fireEvent.input(recency, { target: { value: "20" } });
    fireEvent.blur(recency);
    // 20+20+20+15+10+10 = 95
    expect(
      await screen.findByText(/Total: 95% — Weights must add to 100%; these add to 95%\./)
    ).toBeTruthy();
    for (const a of ACTIONS) expect(actionButton(a.label).disabled).toBe(true);
    expect(
      (screen.getByRole("button", { name: "Analyse again" }) as HTMLButtonElement).disabled
    ).toBe(true);
    expect(
      screen.getAllByText(/Fix the settings first: Weights must add to 100%/).length
    ).toBeGreaterThan(0);
  });

  it("in a de-DE workbook the weights' message writes its percents the German way: 100 %, 95 %", async () => {
    await openPane(makeFakeHost({ culture: "de-DE" }));
    fireEvent.click(screen.getByRole("button", { name: "Settings" }));
    const recency = screen.getByRole("spinbutton", { name: "Recency" });
    fireEvent.input(recency, { target: { value: "20" } });
    fireEvent.blur(recency);
    // 20+20+20+15+10+10 = 95; the matcher folds the no-break space, the text keeps it
    await screen.findAllByText(/Weights must add to 100 %; these add to 95 %\./);
    expect(document.body.textContent).toContain(
      "Weights must add to 100\u00a0%; these add to 95\u00a0%."
    );
  });

  it("a decimal comma, as typed in a German or French Excel, is a decimal (engagement from 3,5 is 3.5), and a typed % is kept", async () => {
    const host = await openPane();
    fireEvent.click(screen.getByRole("button", { name: "Settings" }));
    const cut = screen.getByRole("spinbutton", { name: "High engagement from (1–5)" });
    fireEvent.input(cut, { target: { value: "3,5" } });
    fireEvent.blur(cut);
    await waitFor(() => expect(host.saveSettings).toHaveBeenCalled(), { timeout: 3000 });
    expect(host.saveSettings.mock.calls.at(-1)![0].engagementCut).toBe(3.5);
    expect((cut as HTMLInputElement).value).toBe("3.5");
    // "40%" in the growth target, a percent field: 40% = 0.4 (Fluent alone put the old 50 back)
    const growth = screen.getByRole("spinbutton", { name: "Growth target (%)" });
    fireEvent.input(growth, { target: { value: "40%" } });
    fireEvent.blur(growth);
    await waitFor(() => expect(host.saveSettings.mock.calls.at(-1)![0].growthTarget).toBe(0.4), {
      timeout: 3000,
    });
  });

  it("in a de-DE workbook the settings show their numbers with a decimal comma: 3,5 typed stays 3,5, the arrows count on from it", async () => {
    const host = await openPane(makeFakeHost({ culture: "de-DE" }));
    fireEvent.click(screen.getByRole("button", { name: "Settings" }));
    const cut = screen.getByRole("spinbutton", { name: "High engagement from (1–5)" });
    fireEvent.input(cut, { target: { value: "3,5" } });
    fireEvent.blur(cut);
    await waitFor(() => expect(host.saveSettings).toHaveBeenCalled(), { timeout: 3000 });
    expect(host.saveSettings.mock.calls.at(-1)![0].engagementCut).toBe(3.5);
    expect((cut as HTMLInputElement).value).toBe("3,5");
    expect(cut.getAttribute("aria-valuenow")).toBe("3.5");
    // the up arrow: 3,5 + 0,5 = 4
    fireEvent.mouseDown(screen.getByRole("button", { name: "Increase engagement cut" }));
    fireEvent.mouseUp(screen.getByRole("button", { name: "Increase engagement cut" }));
    await waitFor(() => expect((cut as HTMLInputElement).value).toBe("4"));
    // a weight of 12,5 (was 25): 12.5 + 20 + 20 + 15 + 10 + 10 = 87.5 → "87,5 %"
    const recency = screen.getByRole("spinbutton", { name: "Recency" });
    fireEvent.input(recency, { target: { value: "12,5" } });
    fireEvent.blur(recency);
    expect((recency as HTMLInputElement).value).toBe("12,5");
    await waitFor(() =>
      expect(document.getElementById("kap-weight-total")?.textContent).toMatch(
        /^Total: 87,5\u00a0% — /
      )
    );
  });

  it("a ticked checkbox shows its tick (the icon is drawn, not an empty box)", async () => {
    await openPane();
    fireEvent.click(screen.getByRole("button", { name: "Settings" }));
    const live = screen.getByRole("checkbox", { name: /Keep Account Health inputs live/ });
    expect((live as HTMLInputElement).checked).toBe(true);
    const tick = live.closest(".ms-Checkbox")!.querySelector('[data-icon-name="CheckMark"]');
    expect(tick?.querySelector("svg")).toBeTruthy();
  });

  it("restores saved settings and saves changes after a pause", async () => {
    const host = makeFakeHost({ settings: { fiscalYearStartMonth: 4, growthTarget: 0.3 } });
    await openPane(host);
    fireEvent.click(screen.getByRole("button", { name: "Settings" }));
    expect(screen.getByRole("combobox", { name: /Fiscal year starts in/ }).textContent).toContain(
      "April"
    );
    expect(
      (screen.getByRole("spinbutton", { name: "Growth target (%)" }) as HTMLInputElement).value
    ).toBe("30");
    // the saved 2026-06-30 is shown as an en-GB workbook writes it
    expect(asOfBox().value).toBe("30/06/2026");
    typeAsOf("2026-03-31");
    await waitFor(() => expect(host.saveSettings).toHaveBeenCalledTimes(1), { timeout: 3000 });
    expect(host.saveSettings.mock.calls[0][0]).toMatchObject({
      asOf: "2026-03-31",
      fiscalYearStartMonth: 4,
      growthTarget: 0.3,
    });
  });

  it("keeping the Account Health inputs live is on by default; turning it off is saved", async () => {
    const host = await openPane();
    fireEvent.click(screen.getByRole("button", { name: "Settings" }));
    const box = screen.getByRole("checkbox", {
      name: "Keep Account Health inputs live (KAP.METRICS over your order lines)",
    }) as HTMLInputElement;
    expect(box.checked).toBe(true);
    fireEvent.click(box);
    await waitFor(() => expect(host.saveSettings).toHaveBeenCalledTimes(1), { timeout: 3000 });
    expect(host.saveSettings.mock.calls[0][0]).toMatchObject({ liveHealthInputs: false });
    // a layout choice: the scores on show are still current, nothing to analyse again
    expect(screen.queryByText(/^Settings changed:/)).toBeNull();
  });

  it("a malformed as-of date is reported, kept as typed, not saved, and blocks the actions", async () => {
    const host = await openPane();
    fireEvent.click(screen.getByRole("button", { name: "Settings" }));
    typeAsOf("31/02/2026");
    // February 2026 has 28 days (2026 is no leap year)
    const problem =
      'The as-of date "31/02/2026" is not a date in dd/mm/yyyy order (February 2026 has 28 days): write it as 31/10/2026 (dd/mm/yyyy) or 2026-10-31.';
    await waitFor(() => expect(document.body.textContent).toContain(problem));
    expect(asOfBox().getAttribute("aria-invalid")).toBe("true");
    expect(asOfBox().value).toBe("31/02/2026");
    expect(actionButton("Score all accounts").disabled).toBe(true);
    await new Promise((r) => setTimeout(r, 900));
    expect(host.saveSettings).not.toHaveBeenCalled();
  });

  it("in a de-DE workbook the as-of date is typed 31.10.2026 and saved as 2026-10-31", async () => {
    const host = await openPane(makeFakeHost({ culture: "de-DE" }));
    fireEvent.click(screen.getByRole("button", { name: "Settings" }));
    // saved 2026-06-30, shown the German way
    expect(asOfBox().value).toBe("30.06.2026");
    // the calendar's button says what it does, not the field's name again
    expect(
      screen.getByRole("button", { name: "Pick the as-of date from a calendar" })
    ).toBeTruthy();
    expect(screen.queryByRole("button", { name: "As-of date" })).toBeNull();
    expect(document.body.textContent).toContain("dd.mm.yyyy");
    typeAsOf("31.10.2026");
    await waitFor(() => expect(host.saveSettings).toHaveBeenCalledTimes(1), { timeout: 3000 });
    expect(host.saveSettings.mock.calls[0][0].asOf).toBe("2026-10-31");
    expect(asOfBox().value).toBe("31.10.2026");
    expect(asOfBox().getAttribute("aria-invalid")).not.toBe("true");
  });

  it("in an en-US workbook 10/31/2026 is 31 October; 05.10.2026 reads two ways and is refused", async () => {
    const host = await openPane(makeFakeHost({ culture: "en-US" }));
    fireEvent.click(screen.getByRole("button", { name: "Settings" }));
    expect(asOfBox().value).toBe("6/30/2026");
    typeAsOf("05.10.2026");
    // dots are day-first (5 October), the workbook month-first (May 10): KAP does not guess
    await waitFor(() =>
      expect(document.body.textContent).toContain(
        'The as-of date "05.10.2026" reads two ways: 5 October 2026 (dots are day-first) or 10 May 2026'
      )
    );
    expect(asOfBox().value).toBe("05.10.2026");
    expect(actionButton("Score all accounts").disabled).toBe(true);
    typeAsOf("10/31/2026");
    await waitFor(() => expect(host.saveSettings).toHaveBeenCalledTimes(1), { timeout: 3000 });
    expect(host.saveSettings.mock.calls[0][0].asOf).toBe("2026-10-31");
    expect(document.body.textContent).not.toContain("reads two ways");
  });

  it("clearing the as-of date goes back to the last order date", async () => {
    const host = await openPane();
    fireEvent.click(screen.getByRole("button", { name: "Settings" }));
    typeAsOf("");
    await waitFor(() => expect(host.saveSettings).toHaveBeenCalledTimes(1), { timeout: 3000 });
    expect(host.saveSettings.mock.calls[0][0].asOf).toBeUndefined();
  });
});

describe("task pane: accounts", () => {
  it("lists accounts by 12-month revenue and shows the chosen one at a glance", async () => {
    const host = await openPane();
    const box = screen.getByRole("combobox", { name: "Account" });
    fireEvent.keyDown(box, { key: "ArrowDown", altKey: true, which: 40, keyCode: 40 });
    const options = await screen.findAllByRole("option");
    // 52,000 > 18,000 > 9,500
    expect(options.map((o) => o.textContent)).toEqual([
      "C001 — Acme Fixings (Stable)",
      "C002 — Brightwire Electrical (At Risk)",
      "C003 — Coastal Plumbing (Healthy)",
    ]);
    fireEvent.click(options[0]);
    await waitFor(() => expect(host.glance).toHaveBeenCalledWith("C001"));
    const card = await screen.findByRole("region", { name: "Account C001 at a glance" });
    expect(within(card).getByText("3.45")).toBeTruthy();
    expect(within(card).getByText("Stable")).toBeTruthy();
    // each factor is a bar (score ÷ 5 of the track), its score, what it was based on and where
    // that came from (issues 11 and 15)
    const factors = within(
      within(card).getByRole("region", { name: "Health factors" })
    ).getAllByRole("listitem");
    expect(
      factors.map((li) => {
        const [line, detail] = Array.from(li.children) as HTMLElement[];
        const [label, , score] = Array.from(line.children);
        const bar = li.querySelector<HTMLElement>("[data-kap-bar]")!;
        return [label.textContent, score.textContent, bar.style.width, detail.textContent];
      })
    ).toEqual([
      ["Recency", "4", "80%", "9 days since last order. Source: order lines"],
      [
        "Frequency",
        "n/a",
        "0%",
        "3 orders in the last 3 months vs 0 in the 3 before: too little history (n/a) — left out of the score. Source: order lines",
      ],
      ["Revenue", "3", "60%", "12-month revenue +4% vs prior 12 months. Source: order lines"],
      ["Diversity", "4", "80%", "5 categories, 23 products in 12 months. Source: order lines"],
      ["Engagement", "n/a", "0%", "not given — left out of the score. Source: no data"],
      ["Payment", "n/a", "0%", "not given — left out of the score. Source: no data"],
    ]);
    // the 12-month trend: first scored month-end (Aug 2025, 2.50) to the as-of date (3.45)
    expect(within(card).getByText("Health over 12 months: 2.50 → 3.45")).toBeTruthy();
    expect(
      within(card)
        .getByRole("img", { name: /^Health score by month:/ })
        .getAttribute("aria-label")
    ).toBe(
      "Health score by month: Jun 2025 n/a, Jul 2025 n/a, Aug 2025 2.50, Sep 2025 2.80, Oct 2025 3.00, " +
        "Nov 2025 3.10, Dec 2025 3.20, Jan 2026 3.00, Feb 2026 3.30, Mar 2026 3.40, Apr 2026 3.50, " +
        "May 2026 3.40, Jun 2026 3.45"
    );
    expect(within(card).getByText(/last order 9 days ago/)).toBeTruthy();

    expect(within(card).getByText("Growth Potential")).toBeTruthy();
    expect(within(card).getByText("Warning:")).toBeTruthy();
    expect(within(card).getByText(/£52,000/)).toBeTruthy();
  });

  it("in a de-DE workbook the pane writes its own numbers the German way: 1.187 order lines, 3,45, 52.000 £", async () => {
    await openPane(makeFakeHost({ culture: "de-DE" }));
    // before the analysis is shown folded, the table line: 1,200 rows → 1.200
    await changeData();
    expect(
      screen.getByText(
        /1\.187 order lines from 01\.07\.2024 to 28\.06\.2026, 3 accounts, 13 rows skipped/
      )
    ).toBeTruthy();
    expect(screen.getByText(/1\.200 rows/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Done" }));
    await chooseAccount("C001", /^C001/);
    const card = await screen.findByRole("region", { name: "Account C001 at a glance" });
    expect(within(card).getByText("3,45")).toBeTruthy();
    // 2.50 and 3.45 with a decimal comma; 52,000 GBP grouped with a dot, the sign after a no-break space
    expect(within(card).getByText("Health over 12 months: 2,50 → 3,45")).toBeTruthy();
    expect(card.textContent).toMatch(/12-month revenue 52\.000\u00a0£; last order 9 days ago\./);
  });

  it("typing narrows the list to matching ids and names", async () => {
    await openPane();
    await chooseAccount("plumb", /C003 — Coastal Plumbing/);
    expect(await screen.findByRole("region", { name: "Account C003 at a glance" })).toBeTruthy();
  });
});

describe("task pane: actions", () => {
  it("portfolio actions run without an account; account actions wait for one", async () => {
    await openPane();
    for (const a of ACTIONS) expect(actionButton(a.label).disabled).toBe(a.needsAccount);
  });

  it("an invoice-level export (no product column): product sheets wait and say which column they need", async () => {
    await openPane(makeFakeHost({ hasProducts: false }));
    await chooseAccount("C001", /C001 — Acme Fixings/);
    const needing = ACTIONS.filter((a) => a.needsProducts);
    // the registry marks the breakdown, cross-sell and whitespace map as product sheets
    expect(needing.map((a) => a.id).sort()).toEqual(["breakdown", "crossSell", "whitespace"]);
    for (const a of ACTIONS) expect(actionButton(a.label).disabled).toBe(a.needsProducts);
    expect(
      screen.getAllByText(
        "Needs a product or SKU column: these order lines have none (an invoice-level export)."
      )
    ).toHaveLength(needing.length);
  });

  it("each action calls host.run with its id, the account and (QBR) the quarter, and says what it made", async () => {
    const host = await openPane();
    await chooseAccount("C001", /C001 — Acme Fixings/);
    // As-of 2026-06-30, fiscal year from January: the quarters are FY2026 Q2 (Apr–Jun 2026),
    // FY2026 Q1, FY2025 Q4 (Oct–Dec 2025), ... eight in all, newest first.
    fireEvent.click(screen.getByRole("combobox", { name: /QBR quarter/ }));
    const quarters = await screen.findAllByRole("option");
    expect(quarters.map((o) => o.textContent)).toEqual([
      "FY2026 Q2 (Apr–Jun 2026)",
      "FY2026 Q1 (Jan–Mar 2026)",
      "FY2025 Q4 (Oct–Dec 2025)",
      "FY2025 Q3 (Jul–Sep 2025)",
      "FY2025 Q2 (Apr–Jun 2025)",
      "FY2025 Q1 (Jan–Mar 2025)",
      "FY2024 Q4 (Oct–Dec 2024)",
      "FY2024 Q3 (Jul–Sep 2024)",
    ]);
    fireEvent.click(quarters[2]);
    for (const a of ACTIONS) {
      fireEvent.click(actionButton(a.label));
      expect(await screen.findByText(`Made sheet 'KAP ${a.id}' and opened it.`)).toBeTruthy();
      const [id, options] = host.run.mock.calls.at(-1)!;
      expect(id).toBe(a.id);
      expect(options).toEqual({
        accountId: a.needsAccount ? "C001" : undefined,
        quarter: a.id === "qbr" ? "FY2025 Q4" : undefined,
      });
    }
    expect(host.run).toHaveBeenCalledTimes(ACTIONS.length);
  }, 120_000);

  it("a QBR workbook too large for Excel on the web: a warning that says why, and a button that downloads the .xlsx", async () => {
    const host = await openPane();
    await chooseAccount("C001", /C001 — Acme Fixings/);
    const TOO_LARGE =
      "The QBR workbook is too large for Excel on the web to open from an add-in (at most 5 MB at a time), so it was not opened and nothing was changed. Download it (4.2 MB) and open it in Excel.";
    host.run.mockResolvedValueOnce({
      made: [],
      message: TOO_LARGE,
      // "PK\x03\x04", the first 4 bytes of any .xlsx (a zip)
      download: { fileName: "QBR Acme Fixings FY2025 Q4.xlsx", base64: "UEsDBA==" },
    });
    fireEvent.click(actionButton("Build QBR workbook"));
    const said = await screen.findByText(TOO_LARGE);
    // not said as a success: the workbook was not opened
    expect(said.closest(".ms-MessageBar--success")).toBeNull();
    expect(said.closest(".ms-MessageBar--warning")).not.toBeNull();
    const made: { blob?: Blob; name?: string; href?: string } = {};
    const urls = URL as unknown as {
      createObjectURL: (b: Blob) => string;
      revokeObjectURL: (u: string) => void;
    };
    urls.createObjectURL = (b: Blob) => ((made.blob = b), "blob:kap-qbr");
    urls.revokeObjectURL = () => undefined;
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
      this: HTMLAnchorElement
    ) {
      made.name = this.download;
      made.href = this.href;
    });
    fireEvent.click(screen.getByRole("button", { name: "Download the QBR workbook" }));
    expect(click).toHaveBeenCalledTimes(1);
    expect(made.name).toBe("QBR Acme Fixings FY2025 Q4.xlsx");
    expect(made.href).toBe("blob:kap-qbr");
    expect(made.blob?.type).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    expect(made.blob?.size).toBe(4);
    click.mockRestore();
  });

  it("a failing action shows the error in plain words with what to do", async () => {
    const host = await openPane();
    host.run.mockRejectedValueOnce(
      Object.assign(new Error("KAP could not write the sheet: the workbook is protected."), {
        action: "Unprotect the workbook (Review > Protect Workbook), then try again.",
      })
    );
    fireEvent.click(actionButton("Portfolio dashboard"));
    const alert = await screen.findByText(
      /KAP could not write the sheet: the workbook is protected\./
    );
    expect(alert.textContent).toContain(
      "Unprotect the workbook (Review > Protect Workbook), then try again."
    );
    expect(alert.closest(".ms-MessageBar--error")).not.toBeNull();
  });

  it("shows progress, allows one action at a time, and Cancel aborts the signal", async () => {
    const host = await openPane();
    let seen: AbortSignal | undefined;
    host.run.mockImplementationOnce(
      (_id: ActionId, _o, _s, onProgress: (p: Progress) => void, signal: AbortSignal) =>
        new Promise((_resolve, reject) => {
          seen = signal;
          onProgress({ phase: "writing", done: 1, total: 3, message: "Writing Dashboard…" });
          signal.addEventListener("abort", () =>
            reject(new Error("Cancelled. Nothing was changed."))
          );
        })
    );
    fireEvent.click(actionButton("Portfolio dashboard"));
    // one progress line (issue 15 item 8), the action's name then what it does and how far
    expect(await screen.findByText("Portfolio dashboard: writing Dashboard… 1 of 3")).toBeTruthy();
    expect(screen.queryAllByText(/Dashboard…/)).toHaveLength(1);
    expect(actionButton("Score all accounts").disabled).toBe(true);
    fireEvent.click(actionButton("Whitespace map"));
    expect(host.run).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole("button", { name: "Cancel Portfolio dashboard" }));
    expect(seen?.aborted).toBe(true);
    expect(await screen.findByText("Cancelled. Nothing was changed.")).toBeTruthy();
    expect(actionButton("Score all accounts").disabled).toBe(false);
  });

  it("Cancel while Excel finishes a step: the pane says it is cancelling, then that it came too late and what was made", async () => {
    const host = await openPane();
    let finish: () => void = () => undefined;
    host.run.mockImplementationOnce(
      (_id, _o, _s, onProgress: (p: Progress) => void) =>
        new Promise((resolve) => {
          onProgress({ phase: "writing", done: 0, total: 1, message: "Writing KAP Dashboard…" });
          // the last round trip is on its way to Excel: it cannot be taken back
          finish = () =>
            resolve({
              made: ["KAP Dashboard"],
              message: "Made sheet 'KAP Dashboard' and opened it.",
            });
        })
    );
    fireEvent.click(actionButton("Portfolio dashboard"));
    const cancel = await screen.findByRole("button", { name: "Cancel Portfolio dashboard" });
    fireEvent.click(cancel);
    expect(
      await screen.findByText(
        "Cancelling Portfolio dashboard: waiting for Excel to finish its current step…"
      )
    ).toBeTruthy();
    await act(async () => finish());
    const said = await screen.findByText(
      "Cancel came too late: Made sheet 'KAP Dashboard' and opened it."
    );
    expect(said.closest(".ms-MessageBar--success")).toBeNull();
    expect(actionButton("Portfolio dashboard").disabled).toBe(false);
  });

  it("keyboard focus is never dropped to the page: Cancel takes it while an action runs, and the action's button gets it back", async () => {
    const host = await openPane();
    let finish: () => void = () => undefined;
    host.run.mockImplementationOnce(
      () =>
        new Promise((resolve) => {
          finish = () => resolve({ made: ["KAP dashboard"], message: "Made the dashboard." });
        })
    );
    const dash = actionButton("Portfolio dashboard");
    act(() => dash.focus());
    pressKey(dash, "Enter");
    // the button is disabled while it runs: a screen reader lost its place (focus on <body>)
    const cancel = await screen.findByRole("button", { name: "Cancel Portfolio dashboard" });
    await waitFor(() => expect(document.activeElement).toBe(cancel));
    await act(async () => finish());
    await waitFor(() => expect(actionButton("Portfolio dashboard").disabled).toBe(false));
    await waitFor(() => expect(document.activeElement).toBe(actionButton("Portfolio dashboard")));
  });

  it("Cancel during the analysis aborts it", async () => {
    const host = makeFakeHost();
    let seen: AbortSignal | undefined;
    host.analyze.mockImplementationOnce(
      (_s, onProgress, signal) =>
        new Promise((_resolve, reject) => {
          seen = signal;
          onProgress({
            phase: "reading",
            done: 50_000,
            total: 1_000_000,
            message: "Reading order lines…",
          });
          signal.addEventListener("abort", () =>
            reject(new Error("Cancelled. Nothing was changed."))
          );
        })
    );
    render(<App host={host} />);
    expect(await screen.findByText("Reading order lines… 50,000 of 1,000,000")).toBeTruthy();
    expect(screen.queryAllByText(/50,000/)).toHaveLength(1);
    fireEvent.click(screen.getByRole("button", { name: "Cancel Analysing" }));
    expect(seen?.aborted).toBe(true);
    expect(await screen.findByText(ANALYSIS_CANCELLED)).toBeTruthy();
  });

  /** An analysis that waits until Cancel is pressed, then fails as the host does. */
  const analysisUntilCancel = (host: FakeHost) =>
    host.analyze.mockImplementationOnce(
      (_s, onProgress, signal) =>
        new Promise((_resolve, reject) => {
          onProgress({ phase: "reading", done: 600, total: 1200, message: "Reading order lines…" });
          signal.addEventListener("abort", () =>
            reject(new Error("Cancelled. Nothing was changed."))
          );
        })
    );

  it("Cancel while the data is read again: the earlier scores are not shown as current — picker, account and data summary cleared, and the pane says so", async () => {
    const host = await openPane();
    await chooseAccount("C001", /C001 — Acme Fixings/);
    expect(await screen.findByText(/9 days since last order/)).toBeTruthy();
    await changeData();
    expect(screen.getByText(/1,187 order lines from/)).toBeTruthy();
    analysisUntilCancel(host);
    fireEvent.click(screen.getByRole("button", { name: "Read the data again" }));
    fireEvent.click(await screen.findByRole("button", { name: "Cancel Analysing" }));
    const said = await screen.findByText(ANALYSIS_CANCELLED);
    expect(said.closest(".ms-MessageBar--error")).toBeNull();
    expect(said.textContent).toContain(
      'Choose "Read the data again" under Data when you are ready.'
    );
    // nothing of the earlier analysis is left on show
    const picker = screen.getByRole("combobox", { name: "Account" }) as HTMLInputElement;
    expect(picker.getAttribute("aria-disabled")).toBe("true");
    expect(picker.placeholder).toBe("Analyse the data first");
    expect(screen.queryByText(/9 days since last order/)).toBeNull();
    expect(screen.queryByText(/1,187 order lines from/)).toBeNull();
    // and the way back: reading again shows the scores
    fireEvent.click(screen.getByRole("button", { name: "Read the data again" }));
    await waitFor(() => expect(picker.getAttribute("aria-disabled")).toBe("false"));
  });

  it("Cancel pressed as the analysis finishes (its last step already done): the new scores are shown, and the pane says the cancel came too late", async () => {
    const host = await openPane();
    let finish: () => void = () => undefined;
    host.analyze.mockImplementationOnce(
      (_s, onProgress) =>
        new Promise((resolve) => {
          onProgress({ phase: "analyzing", done: 2, total: 3, message: "Analysing 3 accounts…" });
          finish = () => resolve(ACCOUNTS);
        })
    );
    await changeData();
    fireEvent.click(screen.getByRole("button", { name: "Read the data again" }));
    fireEvent.click(await screen.findByRole("button", { name: "Cancel Analysing" }));
    await act(async () => finish());
    expect(
      await screen.findByText(
        "Cancel came too late: the analysis had finished, and the scores shown are from it."
      )
    ).toBeTruthy();
    expect(screen.getByRole("combobox", { name: "Account" }).getAttribute("aria-disabled")).toBe(
      "false"
    );
  });

  it("An analysis that fails once it has begun reading: the earlier scores are cleared as on Cancel, and the error says so", async () => {
    const host = await openPane();
    await chooseAccount("C001", /C001 — Acme Fixings/);
    expect(await screen.findByText(/9 days since last order/)).toBeTruthy();
    host.analyze.mockImplementationOnce(async () => {
      // the host let the earlier analysis go as it began (excelHost.analyze)
      host.hasAnalysis.mockReturnValue(false);
      throw new Error("The order table changed while it was read.");
    });
    await changeData();
    fireEvent.click(screen.getByRole("button", { name: "Read the data again" }));
    const said = await screen.findByText(/The order table changed while it was read\./);
    expect(said.closest("[role=alert], .ms-MessageBar")?.textContent).toContain(
      "No scores are shown until the data is analysed again."
    );
    const picker = screen.getByRole("combobox", { name: "Account" }) as HTMLInputElement;
    expect(picker.getAttribute("aria-disabled")).toBe("true");
    expect(screen.queryByText(/9 days since last order/)).toBeNull();
  });

  it("An analysis refused before it reads (the host keeps the earlier one): the scores stay", async () => {
    const host = await openPane();
    await chooseAccount("C001", /C001 — Acme Fixings/);
    host.analyze.mockImplementationOnce(async () => {
      throw new Error("Weights must add to 100%; these add to 95%.");
    });
    await changeData();
    fireEvent.click(screen.getByRole("button", { name: "Read the data again" }));
    const said = await screen.findByText(/these add to 95%/);
    expect(said.closest(".ms-MessageBar")?.textContent).not.toContain("No scores are shown");
    expect(screen.getByRole("combobox", { name: "Account" }).getAttribute("aria-disabled")).toBe(
      "false"
    );
    expect(screen.getByText(/9 days since last order/)).toBeTruthy();
  });

  it("Cancel while an action first analyses again with changed weights: the old scores are cleared, the action is not run", async () => {
    const host = await openPane();
    fireEvent.click(screen.getByRole("button", { name: "Settings" }));
    const recency = screen.getByRole("spinbutton", { name: "Recency" });
    fireEvent.input(recency, { target: { value: "30" } });
    fireEvent.blur(recency);
    const payment = screen.getByRole("spinbutton", { name: "Payment" });
    fireEvent.input(payment, { target: { value: "5" } });
    fireEvent.blur(payment);
    expect(await screen.findByText(/Settings changed: the scores update/)).toBeTruthy();
    analysisUntilCancel(host);
    fireEvent.click(actionButton("Score all accounts"));
    fireEvent.click(await screen.findByRole("button", { name: "Cancel Score all accounts" }));
    expect(await screen.findByText(ANALYSIS_CANCELLED)).toBeTruthy();
    expect(host.run).not.toHaveBeenCalled();
    expect(screen.getByRole("combobox", { name: "Account" }).getAttribute("aria-disabled")).toBe(
      "true"
    );
    // the warning about old settings goes with the scores it was about
    expect(screen.queryByText(/Settings changed: the scores update/)).toBeNull();
  });

  it("Cancel of an action after the analysis (while it writes): the scores stay, they are current", async () => {
    const host = await openPane();
    host.run.mockImplementationOnce(
      (_id, _o, _s, _p, signal: AbortSignal) =>
        new Promise((_resolve, reject) =>
          signal.addEventListener("abort", () =>
            reject(new Error("Cancelled. Nothing was changed."))
          )
        )
    );
    fireEvent.click(actionButton("Portfolio dashboard"));
    fireEvent.click(await screen.findByRole("button", { name: "Cancel Portfolio dashboard" }));
    expect(await screen.findByText("Cancelled. Nothing was changed.")).toBeTruthy();
    expect(screen.getByRole("combobox", { name: "Account" }).getAttribute("aria-disabled")).toBe(
      "false"
    );
  });

  it("changed weights are used: the next action analyses again with them first", async () => {
    const host = await openPane();
    fireEvent.click(screen.getByRole("button", { name: "Settings" }));
    const recency = screen.getByRole("spinbutton", { name: "Recency" });
    fireEvent.input(recency, { target: { value: "30" } });
    fireEvent.blur(recency);
    const payment = screen.getByRole("spinbutton", { name: "Payment" });
    fireEvent.input(payment, { target: { value: "5" } });
    fireEvent.blur(payment);
    fireEvent.click(actionButton("Score all accounts"));
    await screen.findByText("Made sheet 'KAP scoreAll' and opened it.");
    expect(host.analyze).toHaveBeenCalledTimes(2);
    expect(host.analyze.mock.calls[1][0].weights).toMatchObject({ recency: 30, payment: 5 });
    expect(host.run.mock.calls[0][2].weights).toMatchObject({ recency: 30, payment: 5 });
  });
});

describe("task pane: keyboard", () => {
  it("reaches every action by Tab, in order, and runs them with Enter and Space", async () => {
    const host = await openPane();
    await chooseAccount("C002", /C002 — Brightwire Electrical/);
    act(() => (document.activeElement as HTMLElement | null)?.blur());
    const reached: string[] = [];
    const labels = new Set(ACTIONS.map((a) => a.label));
    for (let i = 0; i < tabbables().length; i++) {
      pressTab();
      const t = document.activeElement?.textContent ?? "";
      if (labels.has(t)) reached.push(t);
    }
    // The portfolio actions, then the account ones (after the picker), each in registry order:
    // the layout of issue 15 item 8 (it was one list in registry order).
    expect(reached).toEqual([
      ...ACTIONS.filter((a) => !a.needsAccount).map((a) => a.label),
      ...ACTIONS.filter((a) => a.needsAccount).map((a) => a.label),
    ]);

    const plan = actionButton("Account plan");
    act(() => plan.focus());
    pressKey(plan, "Enter");
    await screen.findByText("Made sheet 'KAP plan' and opened it.");
    expect(host.run.mock.calls.at(-1)!.slice(0, 2)).toEqual([
      "plan",
      { accountId: "C002", quarter: undefined },
    ]);
    const dash = actionButton("Portfolio dashboard");
    act(() => dash.focus());
    pressKey(dash, " ");
    await screen.findByText("Made sheet 'KAP dashboard' and opened it.");
    expect(host.run.mock.calls.at(-1)![0]).toBe("dashboard");
  });

  it("every form control has an accessible name", async () => {
    await openPane();
    await changeData();
    fireEvent.click(screen.getByRole("button", { name: "Settings" }));
    fireEvent.click(screen.getByRole("button", { name: "Columns: Order lines" }));
    for (const role of ["button", "combobox", "spinbutton", "textbox"] as const) {
      expect(screen.queryAllByRole(role, { name: /\S/ }).length).toBe(
        screen.queryAllByRole(role).length
      );
    }
    expect(ACCOUNTS.length).toBe(3);
  });
});
