// Dates are shown in UTC so that every reader and every server renders the same text.
const DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

export function DateTime({ value, withTime = false }: { value: Date; withTime?: boolean }) {
  return <time dateTime={value.toISOString()}>{(withTime ? DATE_TIME : DATE).format(value)}</time>;
}
