/**
 * An independent reference for time-zone arithmetic, built on `Intl.DateTimeFormat`'s
 * `timeZoneName: "longOffset"` ("GMT-04:56:02") and UTC-only `Date` methods. The library computes
 * offsets another way (wall-clock fields minus the instant), so agreement is a real check.
 */

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** UTC offset (wall clock minus UTC) of `zone` at instant `ms`, in ms, from the zone's own name of it. */
export function referenceOffsetMs(ms: number, zone: string): number {
  let format = offsetFormats.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" });
    offsetFormats.set(zone, format);
  }
  const name = format.formatToParts(ms).find((p) => p.type === "timeZoneName")!.value;
  if (name === "GMT") return 0;
  const m = /^GMT([+-])(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(name);
  if (!m) throw new Error(`unexpected offset name ${name}`);
  const sign = m[1] === "-" ? -1 : 1;
  return sign * ((Number(m[2]) * 60 + Number(m[3])) * 60 + Number(m[4] ?? 0)) * 1000;
}

/** Calendar day (days since 1970-01-01) of instant `ms` in `zone`. */
export function referenceCivilDay(ms: number, zone: string): number {
  return Math.floor((ms + referenceOffsetMs(ms, zone)) / 86_400_000);
}

/** Epoch ms of the UTC wall time year-month-day hh:mm (full years: `setUTCFullYear`, no 19xx rule). */
export function utcWall(year: number, month: number, day: number, hour = 0, minute = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, 0, 0);
  return d.getTime();
}

/**
 * The instant of wall time `wallMs` (written as UTC ms) in `zone` by the RFC 5545 §3.3.5 rule: of
 * the instants whose wall time it is, the earliest; if none (a spring-forward gap), the wall time
 * read with the offset in force before the gap. Candidates are every offset seen hourly within
 * 36 hours.
 */
export function referenceWallToInstant(wallMs: number, zone: string): number {
  const offsets = new Set<number>();
  for (let h = -36; h <= 36; h++) offsets.add(referenceOffsetMs(wallMs + h * 3_600_000, zone));
  const valid = [...offsets]
    .map((o) => wallMs - o)
    .filter((ms) => referenceOffsetMs(ms, zone) === wallMs - ms);
  if (valid.length > 0) return Math.min(...valid);
  const largest = Math.max(...offsets);
  return wallMs - referenceOffsetMs(wallMs - largest, zone);
}
