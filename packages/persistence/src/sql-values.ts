/**
 * PostgreSQL: the tuples of a `VALUES` list of `rows` rows, with parameters numbered from `first + 1`
 * and each column cast as `casts` says (`''` for none; a parameter in a `VALUES` list is text unless cast).
 * `valuesList(2, ['', '::integer'])` is `($1, $2::integer), ($3, $4::integer)`.
 */
export function valuesList(rows: number, casts: string[], first = 0): string {
  let n = first;
  const row = () => `(${casts.map((cast) => `$${++n}${cast}`).join(', ')})`;
  return Array.from({ length: rows }, row).join(', ');
}
