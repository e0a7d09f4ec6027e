/**
 * How long a `Retry-After` header asks to wait, in milliseconds: delay-seconds or an HTTP date (RFC 9110
 * §10.2.3). Undefined when absent or unreadable. Pure: the caller gives the current time.
 */
export function retryAfterMs(value: string | string[] | undefined, nowMs: number): number | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  if (text === undefined || text === "") return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Date.parse also reads ISO and other formats; a 429 from a real server uses the IMF-fixdate.
  if (!/^[A-Za-z]{3},/.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
