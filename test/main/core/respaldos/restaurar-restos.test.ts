import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openAppDatabase } from '../../../../src/main/core/db/open'
import { restaurar } from '../../../../src/main/core/restaurar'
import { tempDir } from '../../../helpers/db'

// A restore clears the temporary copies a killed restore left (`a.db.<pid>.restaurando.tmp`); it
// once removed every one, a running process's too. Only its own, or a dead process's, may go.
const raiz = tempDir('mitp-restaurar-restos-')
const respaldo = path.join(raiz.dir, 'respaldo.db')
const vivo = spawn('sleep', ['300'], { stdio: 'ignore' })
beforeAll(async () => {
  await (await openAppDatabase(respaldo)).close()
}, 60_000)
afterAll(() => {
  vivo.kill()
  raiz.cleanup()
})

/** The pid of a process that has ended. */
function muerto(): number {
  const r = spawnSync('sh', ['-c', 'echo $$'], { encoding: 'utf8' })
  return Number(r.stdout.trim())
}

describe('temporary copies beside the database', () => {
  it("keeps a live process's, removes a dead one's and its own", async () => {
    const dir = path.join(raiz.dir, 'e1')
    fs.mkdirSync(dir)
    const db = path.join(dir, 'mitp.db')
    await (await openAppDatabase(db)).close()
    const deVivo = [`${db}.${vivo.pid}.restaurando.tmp`, `${db}.${vivo.pid}.restaurando.tmp-wal`]
    const pid = muerto()
    const deMuerto = [`${db}.${pid}.restaurando.tmp`, `${db}.${pid}.restaurando.tmp-journal`]
    const propio = `${db}.${process.pid}.restaurando.tmp-shm`
    for (const f of [...deVivo, ...deMuerto, propio]) fs.writeFileSync(f, 'x')
    restaurar(db, respaldo)
    for (const f of deVivo) expect(fs.readFileSync(f, 'utf8'), f).toBe('x')
    for (const f of [...deMuerto, propio]) expect(fs.existsSync(f), f).toBe(false)
  })
})
