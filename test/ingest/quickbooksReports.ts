/** Shapes of QuickBooks reports shared by the tests that read them. */

/** QuickBooks Online's newer "Sales by Customer Detail" header row (first column: the customer headings). */
export const QBO_CUSTOMER_DETAIL_HEADER = [
  "",
  "Transaction date",
  "Transaction type",
  "Num",
  "Product/Service full name",
  "Memo/Description",
  "Quantity",
  "Sales price",
  "Amount",
  "Balance",
];
