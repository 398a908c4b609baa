import { OrderBook } from "../../../src/domain/analysis";
import { ymdToSerial } from "../../../src/domain/dates";
import type { OrderLine } from "../../../src/domain/types";

export const d = ymdToSerial;

/** One order line; order id defaults to one order per account per day (as ingest does). */
export function line(
  accountId: string,
  date: number,
  sku: string,
  revenue: number,
  more: Partial<OrderLine> = {}
): OrderLine {
  return {
    accountId,
    date,
    orderId: `${accountId}|${date}`,
    sku,
    category: "Cat",
    quantity: 1,
    revenue,
    isReturn: revenue < 0,
    ...more,
  };
}

export function bookOf(lines: readonly OrderLine[]): OrderBook {
  const b = new OrderBook();
  for (const l of lines) b.add(l);
  return b;
}
