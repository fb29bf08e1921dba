import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { MARCA_RECIEN_MS, tomarParaRestaurar } from '../../../../src/main/core/en-uso'
import { restaurar } from '../../../../src/main/core/restaurar'
import { carpetaDeRestauracion } from './restaurar-comun'

// The restore's mark (`a.db.restaurando`): a full disk that cuts its write must not leave an
// empty mark that refuses every later restore.
const { respaldo, base } = carpetaDeRestauracion('mitp-restaurar-marca-')

const discoLleno = (): never => {
  throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
}

describe("the restore's mark", () => {
  it('a write cut by a full disk: refused in Spanish, no mark left, the next restore works', async () => {
    const db = await base()
    expect(() => tomarParaRestaurar(db, discoLleno)).toThrow(
      /^No se pudo restaurar el respaldo: el disco está lleno.*No se modificó nada\.$/
    )
    expect(fs.existsSync(`${db}.restaurando`)).toBe(false)
    expect(restaurar(db, respaldo).copiaAnterior).not.toBeNull()
  })

  it('an empty or unreadable mark: counts while it is young (another restore writing it), stale after', async () => {
    for (const contenido of ['', '{"pid":']) {
      const db = await base()
      fs.writeFileSync(`${db}.restaurando`, contenido)
      // Just written, it may be another restore's between its creation and its write: it counts.
      expect(() => restaurar(db, respaldo)).toThrow(/Ya se está restaurando un respaldo/)
      const antes = new Date(Date.now() - MARCA_RECIEN_MS - 1000)
      fs.utimesSync(`${db}.restaurando`, antes, antes)
      expect(restaurar(db, respaldo).copiaAnterior).not.toBeNull()
      expect(fs.existsSync(`${db}.restaurando`)).toBe(false)
    }
  })

  it("a live restore's mark: the refusal names the file to delete if it is not so", async () => {
    const db = await base()
    const soltar = tomarParaRestaurar(db)
    try {
      expect(() => restaurar(db, respaldo)).toThrow(
        `Ya se está restaurando un respaldo sobre esta base de datos. Si no es así (la aplicación se cerró mal), borre el archivo ${fs.realpathSync(db)}.restaurando y vuelva a intentarlo.`
      )
    } finally {
      soltar()
    }
  })
})
