import { v7 as uuidv7 } from 'uuid'

/** Global, time-ordered ids: rows made on different laptops never collide. */
export function newId(): string {
  return uuidv7()
}

/** ISO-8601 UTC with milliseconds: sorts as text, the same in SQLite and PostgreSQL. */
export function nowStamp(): string {
  return new Date().toISOString()
}
