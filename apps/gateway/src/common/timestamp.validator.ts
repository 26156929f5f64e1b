import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * An RFC 3339 date or date-time (the profile of ISO-8601 the API documents): `2024-01-31`,
 * `2024-01-31T08:00Z`, `2024-01-31T08:00:00.123+08:00`. ISO-8601's week, ordinal and basic forms are not
 * accepted: `Date` cannot read them.
 */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/** Whether `value` is a timestamp the API accepts and `new Date(value)` reads as a real instant. */
export function isTimestamp(value: unknown): value is string {
  if (typeof value !== 'string' || !TIMESTAMP.test(value)) return false;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return false;
  // `Date` rolls 2024-02-30 over to March: the calendar date must survive the round trip.
  const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const check = new Date(Date.UTC(year, month - 1, day));
  return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day;
}

/** class-validator decorator for {@link isTimestamp}. */
export function IsTimestamp(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTimestamp',
      validator: {
        validate: (value) => isTimestamp(value),
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be an RFC 3339 date or date-time, e.g. 2024-01-31T08:00:00Z`,
      },
    },
    options,
  );
}
