// Small helpers to write the schema's SQL text: the names and values are the app's own constants.

/** A quoted SQL string literal. */
export const texto = (s: string): string => `'${s.replace(/'/g, "''")}'`

/** A quoted identifier. */
export const q = (nombre: string): string => `"${nombre.replace(/"/g, '""')}"`

/** A text[] literal of the given strings. */
export const lista = (xs: readonly string[]): string => `array[${xs.map(texto).join(', ')}]::text[]`

/**
 * The refusal a guarding trigger raises: its argument is the text SQLite's `raise(abort, …)`
 * gives, so the core recognises both the same way (db/sqlite.ts sealViolation). Created again by
 * each part of the schema that uses it.
 */
export const RECHAZAR = `create or replace function mitp_rechazar() returns trigger
language plpgsql as $$
begin
  raise exception '%', TG_ARGV[0];
end $$`
