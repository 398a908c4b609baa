/**
 * Engagement from an engagement log (RULES.md §2.1): every expected score is worked out by
 * hand from the rule — window (as-of − 90 days, as-of]; < 3 outbound and no inbound = not
 * enough; 1 when ≥ 50% of outreach older than 14 days is unanswered; else the median response
 * in hours: ≤ 24 → 4 (5 with an inbound contact), ≤ 72 → 3, longer → 2.
 */
import fc from "fast-check";
import { ymdToSerial } from "../../src/domain/dates";
import {
  engagementFromLog,
  failedContacts,
  hoursText,
  recentEntries,
  responseHours,
} from "../../src/domain/engagement";
import type { EngagementEntry } from "../../src/domain/types";

const AS_OF = ymdToSerial(2026, 10, 31);
const H = 1 / 24;

/** Outreach `daysAgo` days before as-of at 09:00, answered `hours` later (undefined = no answer). */
function out(
  daysAgo: number,
  hours?: number,
  extra: Partial<EngagementEntry> = {}
): EngagementEntry {
  const at = AS_OF - daysAgo + 9 * H;
  return {
    accountId: "A",
    at,
    direction: "outbound",
    respondedOn: hours === undefined ? undefined : at + hours * H,
    ...extra,
  };
}
function inbound(daysAgo: number, extra: Partial<EngagementEntry> = {}): EngagementEntry {
  return { accountId: "A", at: AS_OF - daysAgo + 11 * H, direction: "inbound", ...extra };
}

describe("median response time: 24 h vs 25 h, 3 days", () => {
  it("three outreach answered in exactly 24 h: median 24 h → 4", () => {
    const r = engagementFromLog([out(30, 24), out(20, 24), out(10, 24)], AS_OF);
    expect(r.medianResponseHours).toBe(24);
    expect(r.score).toBe(4);
  });

  it("the same with one inbound contact (the customer reached out) → 5", () => {
    expect(
      engagementFromLog([out(30, 24), out(20, 24), out(10, 24), inbound(5)], AS_OF).score
    ).toBe(5);
  });

  it("answered in 25 h: median 25 h → 3, even with an inbound contact", () => {
    expect(engagementFromLog([out(30, 25), out(20, 25), out(10, 25)], AS_OF).score).toBe(3);
    expect(
      engagementFromLog([out(30, 25), out(20, 25), out(10, 25), inbound(5)], AS_OF).score
    ).toBe(3);
  });

  it('72 h (3 days) → 3; 73 h → 2 ("answers eventually")', () => {
    expect(engagementFromLog([out(30, 72), out(20, 72), out(10, 72)], AS_OF).score).toBe(3);
    expect(engagementFromLog([out(30, 73), out(20, 73), out(10, 73)], AS_OF).score).toBe(2);
  });

  it("median of an even count is the mean of the middle two: 10 h and 30 h → 20 h → 4", () => {
    const r = engagementFromLog([out(40, 10), out(30, 30), inbound(3)], AS_OF);
    expect(r.medianResponseHours).toBe(20);
    expect(r.score).toBe(5);
  });

  it("a log of whole days: answered the same day = 0 h, next day = 24 h → 4; two days later = 48 h → 3", () => {
    const day = (ago: number, later: number): EngagementEntry => ({
      accountId: "A",
      at: AS_OF - ago,
      direction: "outbound",
      respondedOn: AS_OF - ago + later,
    });
    expect(engagementFromLog([day(30, 0), day(20, 1), day(10, 1)], AS_OF).score).toBe(4);
    expect(engagementFromLog([day(30, 2), day(20, 2), day(10, 1)], AS_OF).score).toBe(3);
  });
});

describe("the 50% unanswered cut, over outreach older than 14 days", () => {
  it("2 of 4 old outreach unanswered (50%) → 1, whatever the others answered", () => {
    const r = engagementFromLog([out(60, 2), out(50, 2), out(40), out(30)], AS_OF);
    expect(r.oldOutreach).toBe(4);
    expect(r.unansweredOld).toBe(2);
    expect(r.score).toBe(1);
  });

  it("1 of 4 unanswered (25%) → scored on the median of the 3 answered (2 h → 4)", () => {
    const r = engagementFromLog([out(60, 2), out(50, 2), out(40, 2), out(30)], AS_OF);
    expect(r.score).toBe(4);
    expect(r.answered).toBe(3);
  });

  it("outreach exactly 14 days old is not yet overdue; 15 days old is", () => {
    // 3 outreach: one answered 40 days ago, two unanswered at 14 days → 1 old, answered → median 5 h → 4
    expect(engagementFromLog([out(40, 5), out(14), out(14)], AS_OF).score).toBe(4);
    // at 15 days they count: 2 of 3 old unanswered (67%) → 1
    expect(engagementFromLog([out(40, 5), out(15), out(15)], AS_OF).score).toBe(1);
  });

  it("names the contacts whose outreach went unanswered", () => {
    const r = engagementFromLog(
      [
        out(60, undefined, { contact: "Jo Bloggs" }),
        out(50, undefined, { contact: "Jo Bloggs" }),
        out(40, 3, { contact: "Sam Lee" }),
      ],
      AS_OF
    );
    expect(r.score).toBe(1);
    expect(r.unansweredContacts).toEqual(["Jo Bloggs"]);
  });

  it("a response dated after as-of is no response at as-of", () => {
    const late = (ago: number): EngagementEntry => ({ ...out(ago), respondedOn: AS_OF + 2 });
    expect(engagementFromLog([late(40), late(30), late(20)], AS_OF).score).toBe(1);
    expect(responseHours(late(40), AS_OF)).toBeNull();
  });
});

describe("not enough log", () => {
  it("2 outbound and no inbound: null (the caller falls back to the accounts table)", () => {
    const r = engagementFromLog([out(30, 2), out(20, 2)], AS_OF);
    expect(r.score).toBeNull();
    expect(r.basis).toBe("too few contacts: 2 outreach, no inbound in 90 days");
  });

  it("2 outbound and 1 inbound: scored (median 2 h with an inbound → 5)", () => {
    expect(engagementFromLog([out(30, 2), out(20, 2), inbound(10)], AS_OF).score).toBe(5);
  });

  it("an inbound contact and no outreach at all → 5 (the customer reaches out)", () => {
    expect(engagementFromLog([inbound(10)], AS_OF).score).toBe(5);
  });

  it("3 recent outreach still waiting for answers (none older than 14 days), no inbound: null", () => {
    expect(engagementFromLog([out(10), out(5), out(1)], AS_OF).score).toBeNull();
  });

  it("the window is (as-of − 90 days, as-of]: a contact 90 days ago is out, 89 days ago is in", () => {
    expect(engagementFromLog([out(90, 2), out(50, 2), out(40, 2)], AS_OF).score).toBeNull();
    expect(engagementFromLog([out(89, 2), out(50, 2), out(40, 2)], AS_OF).score).toBe(4);
    // contacts after as-of are not seen either
    expect(engagementFromLog([out(-3, 2), out(50, 2), out(40, 2)], AS_OF).score).toBeNull();
  });

  it("an empty log: null", () => {
    expect(engagementFromLog([], AS_OF).score).toBeNull();
  });

  it("a log with no direction column: every contact counts as outreach", () => {
    const e = (ago: number, h: number): EngagementEntry => ({
      accountId: "A",
      at: AS_OF - ago,
      respondedOn: AS_OF - ago + h * H,
    });
    expect(engagementFromLog([e(30, 4), e(20, 4), e(10, 4)], AS_OF).score).toBe(4);
  });
});

describe("properties", () => {
  it("slower answers never score higher (same contacts, every answer later)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 3, maxLength: 10 }),
        fc.integer({ min: 0, max: 200 }),
        fc.boolean(),
        (hours, delay, withInbound) => {
          const log = hours.map((h, i) => out(20 + i * 5, h));
          const slower = hours.map((h, i) => out(20 + i * 5, h + delay));
          if (withInbound) {
            log.push(inbound(3));
            slower.push(inbound(3));
          }
          const a = engagementFromLog(log, AS_OF).score!;
          const b = engagementFromLog(slower, AS_OF).score!;
          expect(b).toBeLessThanOrEqual(a);
          expect(a).toBeGreaterThanOrEqual(2);
          expect(a).toBeLessThanOrEqual(5);
        }
      )
    );
  });
});

describe("failed contacts (the Warning alert) and recent entries", () => {
  it("a bounced e-mail 10 days ago is listed; one 31 days ago is not", () => {
    const bounced = out(10, undefined, { contact: "Jo", followUp: "E-mail bounced" });
    const old = out(31, undefined, { contact: "Sam", followUp: "No answer" });
    expect(failedContacts([bounced, old], AS_OF)).toEqual([bounced]);
  });

  it("made good since: a later inbound contact from the same person clears it", () => {
    const bounced = out(10, undefined, { contact: "Jo", followUp: "Bounced" });
    expect(failedContacts([bounced, inbound(5, { contact: "jo" })], AS_OF)).toEqual([]);
    // a call from someone else does not
    expect(failedContacts([bounced, inbound(5, { contact: "Sam" })], AS_OF)).toEqual([bounced]);
  });

  it('"no answer" in the topic counts; an answered contact never does', () => {
    const e = out(3, undefined, { topic: "Rang twice, no answer" });
    expect(failedContacts([e], AS_OF)).toEqual([e]);
    expect(
      failedContacts([out(3, 4, { followUp: "no answer first time, called back" })], AS_OF)
    ).toEqual([]);
  });

  it("recentEntries: the last n on or before as-of, newest first", () => {
    const log = [out(30), out(2), out(-1), inbound(10), out(50)];
    expect(recentEntries(log, AS_OF, 3).map((e) => AS_OF - Math.floor(e.at))).toEqual([2, 10, 30]);
  });

  it("hoursText: 6 h, 48 h, 2.5 days", () => {
    expect(hoursText(6)).toBe("6 h");
    expect(hoursText(48)).toBe("48 h");
    expect(hoursText(60)).toBe("2.5 days");
  });
});
