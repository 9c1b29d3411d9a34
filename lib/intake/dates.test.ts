import { expect, test } from "vitest";
import { findStatedDate, publicationDay } from "@/lib/intake/dates";

const friday = publicationDay("2024-11-08T14:30:00Z");

test.each([
  ["met in Geneva on Thursday", "2024-11-07", "day"],
  ["met in Geneva on Friday", "2024-11-08", "day"],
  ["met in Geneva on Saturday", "2024-11-02", "day"],
  ["met yesterday", "2024-11-07", "day"],
  ["met on Nov. 7", "2024-11-07", "day"],
  ["met on November 7, 2023", "2023-11-07", "day"],
  ["met on 7 November", "2024-11-07", "day"],
  ["met on Dec. 3", "2023-12-03", "day"],
  ["wrote in October", "2024-10-01", "month"],
  ["wrote in December", "2023-12-01", "month"],
  ["wrote last month", "2024-10-01", "month"],
  ["in 2022", "2022-01-01", "year"],
] as const)("%s → %s", (text, date, precision) => {
  expect(findStatedDate(text, friday)).toMatchObject({ date, precision });
});

test("a weekday means nothing without a publication date; an explicit date still does", () => {
  expect(findStatedDate("met on Thursday", null)).toBeNull();
  expect(findStatedDate("met on Nov. 7, 2024", null)).toMatchObject({ date: "2024-11-07" });
  expect(findStatedDate("met on Feb. 30", friday)).toBeNull();
  expect(findStatedDate("they met", friday)).toBeNull();
});
