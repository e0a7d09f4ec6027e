/** Month names as Ruby's `strftime` writes them (`%B`), whatever the locale: Jekyll's permalinks and dates. */
export const ENGLISH_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** Day names as `%A` writes them, indexed as `Date#getUTCDay` (0 = Sunday). */
export const ENGLISH_DAYS = [
  "Sunday",
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
] as const;
