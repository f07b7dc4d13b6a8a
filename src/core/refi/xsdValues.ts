// Checks that values fit the XML Schema types REFI-QDA declares, so that no exported file fails validation.

/** xsd:date as YYYY-MM-DD, naming a day that exists. */
export function isXsdDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match || match[1] === '0000') return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** xsd:dateTime such as `2026-11-20T10:12:00Z`: fractions of a second and a time zone optional. */
export function isXsdDateTime(text: string): boolean {
  const match =
    /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-](0\d|1[0-3]):[0-5]\d|[+-]14:00)?$/.exec(text);
  return match !== null && isXsdDate(match[1] as string);
}

/** A GUID as REFI-QDA's GUIDType accepts it once normalised: 8-4-4-4-12 hex digits. */
export function isGuid(text: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text);
}
