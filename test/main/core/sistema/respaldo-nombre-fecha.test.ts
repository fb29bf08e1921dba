import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { llamadaDirecta } from '../../../../src/main/bridge/server'
import { tomarDescarga } from '../../../../src/main/core/descargas'
import { hoyChile } from '../../../../src/shared/domain/fechas'
import { openTestApp } from '../../../helpers/db'

// «Respaldar ahora» names its file with the core's day in Chile, like every date in the app:
// 23:30 of 9 March in Chile (UTC-3) is already 10 March in UTC.
const noche = new Date('2026-03-10T02:30:00Z')

describe('«Respaldar ahora» at night in Chile', () => {
  let cerrar: () => Promise<void> = async () => {}
  afterAll(() => cerrar())
  it('names the file with the Chilean date (as every other date in the app)', async () => {
    const t = await openTestApp({ reloj: () => noche })
    cerrar = t.close
    vi.useFakeTimers({ toFake: ['Date'], now: noche })
    try {
      const r = (await llamadaDirecta(t.api, () => {})('respaldo:ahora', undefined)) as {
        ok: true
        value: { nombre: string; descarga: string }
      }
      expect(r.ok).toBe(true)
      const d = tomarDescarga(r.value.descarga)
      if (d?.temporal) fs.rmSync(d.temporal, { recursive: true, force: true })
      expect(hoyChile(noche)).toBe('2026-03-09')
      expect(path.basename(r.value.nombre)).toBe('secretaria-mitp-respaldo-2026-03-09.db')
    } finally {
      vi.useRealTimers()
    }
  }, 60_000)
})
