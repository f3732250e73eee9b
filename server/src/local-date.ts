/** Today (or `now`) as YYYY-MM-DD in an IANA timezone: a district's calendar day. */
export function localDate(timezone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
