import { afterEach } from 'vitest'
import type { TestApp } from './db'
import { instalacionPropia } from './intercambio'
import { caller, ordinarias, sesionMovida } from './sesiones'

// The exchange (#16) over the API channels, for the unit and browser tests: installations
// named as a user names them, and a scenario where a conflict's choice decides a number.

/** Opens named installations (databases), each closed after its test. */
export function instalaciones(): (nombre: string) => Promise<TestApp> {
  const abiertas: TestApp[] = []
  afterEach(async () => {
    for (const t of abiertas.splice(0)) await t.close()
  })
  return async (nombre) => {
    const t = await instalacionPropia()
    abiertas.push(t)
    await t.api['instalacion:renombrar']({ nombre })
    return t
  }
}

type Paquete = { nombre: string; base64: string }

const prevencion = async (t: TestApp): Promise<string> =>
  (
    await t.app.db
      .selectFrom('instancias')
      .select('id')
      .where('codigo', '=', 'PREVENCION')
      .executeTakeFirstOrThrow()
  ).id

const importar = (t: TestApp, p: Paquete) =>
  caller(t).ok('paquete:importar', { archivo: p.nombre, paquete: p.base64, elecciones: [] })

/**
 * A and B hold one session after a package each way; then A deletes it and creates another,
 * which takes its number, while B, unaware, edits it. Returns A's next package for B.
 */
export async function sesionBorradaAllaEditadaAqui(
  a: TestApp,
  b: TestApp
): Promise<{ paquete: Paquete; sesion: { id: string; numero: number } }> {
  const s = await ordinarias(a, await prevencion(a))('2015-03-10')
  await importar(b, await a.api['paquete:generar']({ para: 'nuevo', nombre: 'Socio' }))
  const idA = (await a.api['instalacion:obtener'](undefined)).id
  await importar(a, await b.api['paquete:generar']({ para: 'socio', socioId: idA, todo: false }))
  const idB = (await b.api['instalacion:obtener'](undefined)).id
  await caller(a).ok('sesion:eliminar', { id: s.id })
  const otra = await ordinarias(a, await prevencion(a))('2015-04-14')
  if (otra.numero !== s.numero) throw new Error('la sesión nueva no tomó el número de la borrada')
  await caller(b).ok('sesion:actualizar', { ...sesionMovida(s.id, '2015-03-10'), lugar: 'Sala 2' })
  const paquete = await a.api['paquete:generar']({ para: 'socio', socioId: idB, todo: false })
  return { paquete, sesion: { id: s.id, numero: s.numero } }
}
