import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openAppDatabase } from '../../../../src/main/core/db/open'
import { restaurar } from '../../../../src/main/core/restaurar'
import { sha256, tempDir } from '../../../helpers/db'

const raiz = tempDir('mitp-danado-')
afterAll(() => raiz.cleanup())

/** A damaged backup is named as such: the advice is another backup, never "restore the last one". */
describe('restoring from a damaged backup', () => {
  it('a truncated backup: choose another, nothing modified', async () => {
    const db = path.join(raiz.dir, 'mitp.db')
    await (await openAppDatabase(db)).close()
    const respaldo = path.join(raiz.dir, 'respaldo.db')
    const datos = fs.readFileSync(db)
    fs.writeFileSync(respaldo, datos.subarray(0, Math.floor(datos.length / 2)))
    const antes = sha256(db)
    let mensaje = ''
    try {
      restaurar(db, respaldo)
    } catch (e) {
      mensaje = (e as Error).message
    }
    expect(mensaje).toMatch(
      /^No se puede restaurar desde ese archivo: .*Este respaldo no sirve: elija otro de la carpeta de respaldos\. No se modificó nada\.$/
    )
    expect(mensaje).not.toMatch(/Restaure/)
    expect(sha256(db)).toBe(antes)
  })
})
