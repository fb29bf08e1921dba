import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { actaDocumento } from '../../../../../src/main/core/actas/documentos/modelo'
import { actaAprobada, type ActaAprobadaFixture } from '../../../../helpers/acta-aprobada'
import { openTestApp, type TestApp } from '../../../../helpers/db'
import { caller } from '../../../../helpers/sesiones'

// The signatures of an approved acta come from its sealed copy: editing the people or the
// instancia afterwards does not change who signs it, nor their cargo.
let t: TestApp
let f: ActaAprobadaFixture
beforeAll(async () => {
  t = await openTestApp()
  f = await actaAprobada(t)
})
afterAll(() => t.close())

describe('the signers of a sealed acta', () => {
  it('stay as sealed after the person and the instancia are edited', async () => {
    const antes = await actaDocumento(t.app.db, f.aprobada.sesion)
    // MININT presides; Ana signs for SERNAM, the secretaría.
    expect(antes.firmantes).toEqual([
      {
        nombre: 'Diego Fuentes Araya',
        cargo: 'Profesional',
        institucion: 'MININT',
        rol: 'Preside'
      },
      {
        nombre: 'Ana Rojas Soto',
        cargo: 'Profesional',
        institucion: 'SERNAM',
        rol: 'Secretaría de actas'
      }
    ])
    expect(antes.subrogacion).toBeNull()
    const { ok } = caller(t)
    const diego = (await ok('persona:listar', {})).find((p) => p.nombre === 'Diego Fuentes Araya')!
    await ok('persona:actualizar', {
      id: diego.id,
      nombre: 'Diego Andrés Fuentes Araya',
      cargo: 'Jefe de división',
      institucionId: diego.institucionId,
      correo: null,
      telefono: null
    })
    const instancia = (await ok('instancia:listar', undefined)).find((i) => i.id === f.instanciaId)!
    await ok('instancia:actualizar', { ...instancia, secretariaActas: 'PDI' })
    const despues = await actaDocumento(t.app.db, f.aprobada.sesion)
    expect(despues.firmantes).toEqual(antes.firmantes)
    expect(despues.subrogacion).toBe(antes.subrogacion)
    expect(despues.hash).toBe(antes.hash)
  })
})
