import fs from 'node:fs'
import path from 'node:path'
import type { Kysely } from 'kysely'
import { createKysely, openSqlite, type SqliteHandle } from '../../src/main/core/db/sqlite'
import type { Database } from '../../src/main/core/db/schema'
import { tempDir } from './db'

/** A copy of the demo file written by version 2 (test/fixtures/v2-demo.db), open, not migrated. */
export function copiaDeV2(): {
  handle: SqliteHandle
  db: Kysely<Database>
  cleanup: () => void
} {
  const t = tempDir()
  const file = path.join(t.dir, 'v2.db')
  fs.copyFileSync(path.join(__dirname, '../fixtures/v2-demo.db'), file)
  const handle = openSqlite(file)
  return { handle, db: createKysely(handle), cleanup: t.cleanup }
}
