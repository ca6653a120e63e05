/**
 * Business dates are dates in the bureau's time zone (Asia/Shanghai, MINZHENG_TIME_ZONE to change): between
 * 00:00 and 08:00 Beijing time the UTC date is still yesterday.
 */
const zone = process.env.MINZHENG_TIME_ZONE ?? 'Asia/Shanghai';
const formatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: zone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function businessToday(now: Date = new Date()): string {
  return formatter.format(now);
}
