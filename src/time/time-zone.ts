/** Whether the runtime knows this IANA zone (`Europe/Paris`); Intl is the one list every part of the process uses. */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
