import type { ApiHandlers } from '../../src/shared/api/contract'
import type { SqliteHandle } from '../../src/main/core/db/sqlite'
import { llamador } from '../../src/main/core/cliente'
import { nombrarFirmantes } from '../../src/main/core/seed/firmantes'

// Years of a roundtable's work written through the services, as the secretary's screen would:
// members marked present or excused, who chaired and who acted as secretary chosen where the
// attendance does not say, the usual agenda with a few paragraphs each, every acción reported
// with its indicator values, five acuerdos a session followed up in the next ones, the
// previous acta closed and approved. Writes go in batches of sessions, each batch one
// transaction (the services' own transactions become savepoints inside it): one a year of the
// roundtable (60 sessions at ten years, 600 at ×10), on a throwaway file written without fsync.

export interface HistoriaOpciones {
  /** Sessions per instancia and year (12: one a month). */
  porAnio: number
  anios: number
  desde?: number
  progreso?: (hechas: number, total: number) => void
}

const PARRAFO =
  'Se informa el estado de las coordinaciones con los servicios regionales y se revisan los ' +
  'compromisos de la sesión anterior; las instituciones presentes exponen sus avances y se ' +
  'acuerda difundir el material en las mesas regionales antes del próximo trimestre.'
const parrafos = (n: number) => Array.from({ length: n }, () => PARRAFO).join('\n\n')

/** Kysely's BEGIN/COMMIT become savepoints while a batch holds the transaction. */
export function conLotes(handle: SqliteHandle): SqliteHandle {
  const abiertos: string[] = []
  const traducir = (sql: string): string => {
    const s = sql.trim().toLowerCase()
    if (!handle.inTransaction && s !== 'commit' && s !== 'rollback') return sql
    if (s === 'begin') {
      // Named by depth, not by a counter: the same few texts, prepared once (preparing a new
      // savepoint at each of the ~50 calls a session was a few percent of the build).
      const nombre = `lote_${abiertos.length + 1}`
      abiertos.push(nombre)
      return `savepoint ${nombre}`
    }
    if (s === 'commit') return `release ${abiertos.pop()}`
    if (s === 'rollback') {
      const nombre = abiertos.pop()
      return `rollback to ${nombre}; release ${nombre}`
    }
    return sql
  }
  // kysely prepares every statement it runs: a quarter of the build's time went to SQLite
  // compiling the same few hundred statements again. The builder runs no statement while
  // another one is still being read, so one prepared statement per text can be reused.
  const preparadas = new Map<string, ReturnType<SqliteHandle['prepare']>>()
  const preparar = (t: string) => {
    let st = preparadas.get(t)
    if (!st) preparadas.set(t, (st = handle.prepare(t)))
    return st
  }
  return new Proxy(handle, {
    get(target, prop) {
      if (prop === 'prepare')
        return (sql: string) => {
          const t = traducir(sql)
          if (t.includes('; release')) {
            // Two statements: run the first, hand kysely the second.
            const [a, b] = t.split('; ')
            target.exec(a!)
            return preparar(b!)
          }
          return preparar(t)
        }
      const v = Reflect.get(target, prop) as unknown
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v
    }
  })
}

async function miembros(api: ApiHandlers, porInstancia: number): Promise<void> {
  const instituciones = await api['institucion:listar'](undefined)
  for (const [k, inst] of (await api['instancia:listar'](undefined)).entries()) {
    for (let i = 0; i < porInstancia; i++) {
      const p = await api['persona:crear']({
        nombre: `Persona ${k + 1}-${i + 1} Rojas Soto`,
        cargo: i % 2 ? 'Profesional' : 'Encargada',
        institucionId: instituciones[(k * 3 + i) % instituciones.length]!.id,
        correo: null,
        telefono: null
      })
      await api['miembro:agregar']({
        instanciaId: inst.id,
        personaId: p.id,
        calidad: i < 10 ? 'titular' : 'suplente'
      })
    }
  }
}

interface Pendiente {
  id: string
  veces: number
}

/** One session's content, written as the secretary would. */
async function llenar(
  api: ApiHandlers,
  handle: SqliteHandle,
  sesionId: string,
  fecha: string,
  acciones: { id: string; indicadores: { id: string; tipo: string }[] }[],
  abiertos: Pendiente[],
  n: number
): Promise<string[]> {
  const asis = handle
    .prepare('select id from asistencias where sesion_id = ? order by orden')
    .pluck()
    .all(sesionId) as string[]
  for (const [i, id] of asis.entries())
    await api['asistencia:marcar']({
      id,
      estado: i % 7 === 3 ? 'excusado' : 'presente',
      motivo: i % 7 === 3 ? 'Comisión de servicio.' : ''
    })
  const puntos = handle
    .prepare('select id, titulo from puntos_tabla where sesion_id = ? order by orden')
    .all(sesionId) as { id: string; titulo: string }[]
  while (puntos.length < 6)
    puntos.push(await api['punto:crear']({ sesionId, titulo: `Tema ${puntos.length + 1}` }))
  for (const [i, p] of puntos.entries())
    await api['punto:actualizar']({ id: p.id, titulo: p.titulo, desarrollo: parrafos(1 + (i % 3)) })
  for (const [i, a] of acciones.entries()) {
    const porcentaje = Math.min(100, ((n + i) * 7) % 110)
    await api['avance:guardar']({
      sesionId,
      accionId: a.id,
      estado: porcentaje >= 100 ? 'cumplida' : i % 5 === 4 ? 'atrasada' : 'en_curso',
      porcentaje,
      reporte: PARRAFO
    })
    for (const ind of a.indicadores)
      await api['medicion:guardar']({
        sesionId,
        indicadorId: ind.id,
        valor: ind.tipo === 'porcentaje' ? null : ind.tipo === 'hito' ? n % 2 : n % 40,
        numerador: ind.tipo === 'porcentaje' ? n % 12 : null,
        denominador: ind.tipo === 'porcentaje' ? 12 : null,
        fechaCorte: fecha,
        nota: ''
      })
  }
  // Follow-up: most acuerdos are met at the next session, one in five takes two more.
  for (const p of abiertos) {
    p.veces++
    await api['acuerdo:seguimiento']({
      sesionId,
      acuerdoId: p.id,
      estado: p.veces >= 3 || p.veces === 1 ? 'cumplido' : 'en_curso',
      nota: 'Se informa el avance.'
    })
  }
  const nuevos: string[] = []
  for (let i = 0; i < 5; i++) {
    const a = await api['acuerdo:crear']({
      sesionId,
      texto: `Acuerdo ${i + 1}: ${PARRAFO.slice(0, 120)}`,
      institucionId: null,
      personaId: null,
      plazo: fecha.replace(/-\d\d$/, '-28'),
      accionId: acciones[i % Math.max(1, acciones.length)]?.id ?? null
    })
    nuevos.push(a.id)
  }
  return nuevos
}

/** Builds the history: `porAnio` sessions a year for each instancia, oldest first. */
export async function construirHistoria(
  api: ApiHandlers,
  handle: SqliteHandle,
  o: HistoriaOpciones
): Promise<void> {
  handle.pragma('synchronous = OFF')
  handle.exec('begin')
  await miembros(api, 15)
  const arbol = await api['plan:arbol']({})
  const todas = arbol.ejes.flatMap((e) => e.objetivos.flatMap((ob) => ob.acciones))
  const instancias = await api['instancia:listar'](undefined)
  const lote = instancias.length * o.porAnio
  const estado = new Map(
    instancias.map((i) => [i.id, { previa: null as string | null, abiertos: [] as Pendiente[] }])
  )
  const total = instancias.length * o.porAnio * o.anios
  const llamar = llamador(api)
  let hechas = 0
  for (let y = 0; y < o.anios; y++)
    for (let k = 0; k < o.porAnio; k++)
      for (const [j, inst] of instancias.entries()) {
        const dia = Math.floor(((k + j / instancias.length) * 364) / o.porAnio)
        const fecha = new Date(Date.UTC((o.desde ?? 2015) + y, 0, 1 + dia))
          .toISOString()
          .slice(0, 10)
        const s = await api['sesion:crear']({
          instanciaId: inst.id,
          tipo: 'ordinaria',
          fecha,
          modalidad: 'presencial'
        })
        const e = estado.get(inst.id)!
        const acciones = todas.filter((a) => a.instanciaId === inst.id)
        const nuevos = await llenar(api, handle, s.id, fecha, acciones, e.abiertos, hechas)
        // The acta names who chaired and who acted as secretary, or it is not approved.
        await nombrarFirmantes(llamar, s.id)
        e.abiertos = [
          ...e.abiertos.filter((p) => p.veces === 2),
          ...nuevos.map((id, i) => ({ id, veces: i === 4 ? 1 : 0 }))
        ]
        if (e.previa) {
          await api['sesion:cerrar']({ id: e.previa })
          await api['sesion:aprobar']({ id: e.previa, enSesionId: s.id, observaciones: '' })
        }
        e.previa = s.id
        if (++hechas % lote === 0) {
          handle.exec('commit')
          o.progreso?.(hechas, total)
          handle.exec('begin')
        }
      }
  handle.exec('commit')
  handle.pragma('synchronous = FULL')
}
