// The schedule picker shows Vietnam time whatever the editor's computer is set to. Vietnam has
// kept UTC+7 without daylight saving since 1975, so a fixed offset is exact; a time-zone library
// would add weight for nothing here.

const OFFSET_MS = 7 * 3_600_000;

/** An instant as the value of an `<input type="datetime-local">` read in Vietnam time (`YYYY-MM-DDTHH:mm`). */
export function toVietnamInput(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 16);
}

/** The instant a `datetime-local` value means in Vietnam time, as ISO 8601 UTC; null when incomplete. */
export function fromVietnamInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const instant = new Date(`${value}:00+07:00`);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}
