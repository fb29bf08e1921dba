import { describe, expect, it } from 'vitest'
import { importar, vistaPrevia } from '../../../../src/main/core/intercambio'
import { presentar } from '../../../../src/main/core/intercambio/presentar'
import { banco, type Equipo } from '../../../helpers/intercambio'
import { ordinarias, prevencionConMiembros } from '../../../helpers/sesiones'
import { filas, foto } from '../../../helpers/consulta'

// Two laptops that each add the same key without seeing the other's (#16). The preview said
// nothing, and the import failed in English (a UNIQUE constraint) after taking a backup, the same
// on every try. Two acuerdos N° of one session are both kept, the later created renumbered by
// the same rule on both sides; any other unique key is refused in Spanish before any backup,
// with a way out.

const { equipo, paqueteDe } = banco()

async function enPar() {
  const a = await equipo('A')
  const b = await equipo('B')
  await importar(b.d, await paqueteDe(a, b))
  await importar(a.d, await paqueteDe(b, a))
  return { a, b }
}

const acuerdos = (e: Equipo, sesion: string) =>
  filas<{ numero: number; texto: string }>(
    e.t,
    'select numero, texto from acuerdos where sesion_id = ? order by numero',
    sesion
  )

describe('the same key added on both sides', () => {
  it('two acuerdos N° 1 of one session: both kept, the later created is N° 2 on both sides', async () => {
    const { a, b } = await enPar()
    const { prevencion } = await prevencionConMiembros(a.t)
    const s = await ordinarias(a.t, prevencion.id)('2015-03-10')
    await importar(b.d, await paqueteDe(a, b))
    for (const e of [a, b]) {
      await e.t.api['acuerdo:crear']({
        ...{ sesionId: s.id, texto: `Acuerdo de ${e.nombre}` },
        ...{ institucionId: null, personaId: null, plazo: null, accionId: null }
      })
    }
    const p = await paqueteDe(a, b)
    const v = await vistaPrevia(b.d, p)
    expect(v.acuerdos).toMatchObject([{ antes: 1, despues: 2, lado: 'aqui' }])
    // As the import screen lists it: the session by its number, date and instancia.
    expect((await presentar(b.t.app.db, v)).acuerdos).toEqual([
      {
        acuerdoId: v.acuerdos![0]!.acuerdoId,
        lado: 'aqui',
        sesion: 'sesión N° 1 del 2015-03-10 de «Subcomisión Prevención»',
        antes: 1,
        despues: 2
      }
    ])
    await importar(b.d, p)
    await importar(a.d, await paqueteDe(b, a))
    const ambos = [
      { numero: 1, texto: 'Acuerdo de A' },
      { numero: 2, texto: 'Acuerdo de B' }
    ]
    expect(await acuerdos(a, s.id)).toEqual(ambos)
    expect(await acuerdos(b, s.id)).toEqual(ambos)
  })

  it('two acciones given one code: refused in Spanish before any backup; renamed here, it imports', async () => {
    const { a, b } = await enPar()
    const [x, y] = await filas<{ id: string; codigo: string }>(
      a.t,
      'select id, codigo from acciones order by codigo limit 2'
    )
    const nuevo = `${x!.codigo}n`
    const codigo = (e: Equipo, de: string, a: string) =>
      e.t.app.db.updateTable('acciones').set({ codigo: a }).where('codigo', '=', de).execute()
    await codigo(b, x!.codigo, nuevo)
    await codigo(a, y!.codigo, nuevo)
    const p = await paqueteDe(b, a)
    const antes = await foto(a.t)
    const respaldos = a.d.respaldos.length
    const motivo =
      /dos filas de «acciones» con plan_id, codigo iguales.*Cambie el número o el código/
    await expect(vistaPrevia(a.d, p)).rejects.toThrow(motivo)
    await expect(importar(a.d, p)).rejects.toThrow(motivo)
    expect(await foto(a.t)).toBe(antes)
    expect(a.d.respaldos).toHaveLength(respaldos)
    await codigo(a, nuevo, `${y!.codigo}m`)
    await importar(a.d, p)
    await importar(b.d, await paqueteDe(a, b))
    const codigos = async (e: Equipo) =>
      (await filas(e.t, 'select codigo from acciones order by codigo')).map((f) =>
        JSON.stringify(f)
      )
    expect(await codigos(a)).toEqual(await codigos(b))
    expect(await codigos(a)).toContain(JSON.stringify({ codigo: nuevo }))
  })
})
