/**
 * The review date, `YYYY-MM-DD`, in Europe/Paris: the blogs are French, and a post dated tomorrow in
 * Paris is still "in the future" at 23:30 UTC the day before. The instant is an input, for tests.
 */
export function parisDate(instant: Date): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Paris",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((item) => item.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}
