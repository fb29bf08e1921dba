import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHANNELS, esLectura, type Channel } from '../../../../src/shared/api/channels'
import { contract } from '../../../../src/shared/api/contract'
import { dispatch } from '../../../../src/main/core/dispatch'
import {
  openAppDatabase,
  type AppDatabaseSqlite as AppDatabase
} from '../../../../src/main/core/db/open'
import { createAppApi } from '../../../../src/main/core/api'
import {
  AUDITADAS_0011,
  OMITIDAS_0011
} from '../../../../src/main/core/db/migrations/0011_historial'
import { openTestApp, tempDir, type TestApp } from '../../../helpers/db'
import { actaAprobada, type ActaAprobadaFixture } from '../../../helpers/acta-aprobada'
import { idsDelFixture, type IdPara } from '../../../helpers/contrato-ids'
import { ejemploSinRevisar } from '../../../helpers/ejemplo'
import { esperarTarea } from '../../../helpers/mundo'
import { conFirmantes } from '../../../helpers/sesiones'
import { AJUSTES_FIJOS } from '../../../helpers/escrituras-ajustes'

/**
 * Walks every write channel of the contract (a new one is walked without anyone listing it) on a
 * copy of a database with sessions, acuerdos and an approved acta, as a user with a profile.
 * Each channel must change rows (but the few below that write no row), and every row it changed
 * must have history rows with the actor, the channel, the row before and the row after, and no
 * history row may stand for a row that did not change.
 */
// Writes that change no row: a task cancelled (none is running), a backup (a file).
// conexion:* is served by the host (this computer's settings, no row); the core refuses them.
const SIN_FILAS: readonly Channel[] = [
  'tarea:cancelar',
  'respaldo:ahora',
  'conexion:probar',
  'conexion:guardar',
  'conexion:local',
  'conexion:certificado'
]
// Writes to this installation's own records (#16, migration 0014), which the history does not
// audit: its name, and when a package last went to each partner. Their table must change, and
// no audited row.
const PROPIAS: Partial<Record<Channel, 'instalacion' | 'socios'>> = {
  'instalacion:renombrar': 'instalacion',
  'paquete:generar': 'socios'
}
const ANA = { nombre: 'Ana Pérez', institucion: 'Subsecretaría de Prevención del Delito' }

const dir = tempDir('mitp-historial-')
const plantilla = path.join(dir.dir, 'plantilla.db')
let f: ActaAprobadaFixture
let idPara: IdPara
let libro: string
/** Another installation (a partner here), and a package from it with something new. */
let otra: { id: string; paquete: string }
/** Rows made for the channels whose draft input would change nothing or be refused. */
let filas: { invitado: string; persona: string; cerrada: string; vacia: string }

beforeAll(async () => {
  const t = await openTestApp()
  f = await actaAprobada(t)
  idPara = idsDelFixture(t, f)
  await t.api['perfil:guardar'](ANA)
  const sesion = (fecha: string) =>
    t.api['sesion:crear']({
      instanciaId: f.instanciaId,
      tipo: 'extraordinaria',
      fecha,
      modalidad: 'remota'
    })
  // A second meta and indicador, so the first can move down.
  await t.api['meta:crear']({ accionId: f.accionId, texto: 'Otra meta', plazo: null })
  await t.api['indicador:crear']({
    accionId: f.accionId,
    texto: 'Otro indicador',
    tipo: 'hito',
    numerador: null,
    denominador: null
  })
  const cerrada = await sesion('2014-01-08')
  // Approvable: its acta names who signs it.
  await conFirmantes(t, cerrada.id)
  await t.api['sesion:cerrar']({ id: cerrada.id })
  filas = {
    invitado: (
      await t.api['asistencia:invitar']({
        sesionId: f.borrador.sesion,
        nombre: 'OIM',
        cargo: '',
        institucion: 'OIM'
      })
    ).id,
    persona: (
      await t.api['persona:crear']({
        nombre: 'Sin instancia',
        cargo: null,
        institucionId: f.institucionId,
        correo: '',
        telefono: null
      })
    ).id,
    cerrada: cerrada.id,
    vacia: (await sesion('2014-12-30')).id
  }
  // A later period, so the fixture's plan is an earlier one that can be closed.
  await t.api['plan:copiar']({
    id: f.planId,
    nombre: 'Plan 2015-2016',
    periodoDesde: '2015-01-01',
    periodoHasta: '2016-12-31'
  })
  // A real workbook, so an import can write its plan.
  const { tareaId } = await t.api['matriz:exportar']({ seguimiento: false, papel: 'carta' })
  const tarea = await esperarTarea(t.api, tareaId)
  libro = tarea.resultado && 'base64' in tarea.resultado ? tarea.resultado.base64 : ''
  otra = await otraInstalacion(t)
  await t.app.close()
  fs.copyFileSync(t.file, plantilla)
  await t.close()
}, 60_000)
afterAll(() => dir.cleanup())

/**
 * Another installation, seeded on its own: its first package makes it a partner of `t` (so a
 * package can be generated for it); a second one, complete again, brings a new institución.
 */
async function otraInstalacion(t: TestApp): Promise<{ id: string; paquete: string }> {
  const o = await openTestApp()
  try {
    const generar = () => o.api['paquete:generar']({ para: 'nuevo', nombre: 'Plantilla' })
    const primero = await generar()
    await t.api['paquete:importar']({
      archivo: primero.nombre,
      paquete: primero.base64,
      elecciones: []
    })
    await o.api['institucion:crear']({ sigla: 'FUNDA', nombre: 'Fundación Amanecer' })
    const { id } = await o.api['instalacion:obtener'](undefined)
    return { id, paquete: (await generar()).base64 }
  } finally {
    await o.close()
  }
}

type Filas = Map<string, Record<string, unknown>>

/** Every audited row, less the columns the history leaves out, by table and key. */
function filasAuditadas(app: AppDatabase): Filas {
  const out: Filas = new Map()
  for (const [tabla, v] of Object.entries(AUDITADAS_0011)) {
    const clave = v.clave ?? 'id'
    for (const fila of app.handle.prepare(`select * from ${tabla}`).all() as Record<
      string,
      unknown
    >[]) {
      const sin = Object.fromEntries(
        Object.entries(fila).filter(([c]) => !OMITIDAS_0011.includes(c))
      )
      if (tabla === 'app_settings') sin['value'] = String(sin['value']).slice(0, 500)
      out.set(`${tabla}\u0000${String(fila[clave])}`, sin)
    }
  }
  return out
}

interface FilaHistorial {
  tabla: string
  fila_id: string
  actor: string | null
  institucion: string | null
  canal: string | null
  antes: string | null
  despues: string | null
}

/**
 * What the schema-built input cannot say: codes and e-mails the generic builder does not write,
 * rows in the state a channel needs (a closed session to reopen, a guest to remove), a move
 * that is not already at the top, a real workbook. Merged over the built input.
 */
function ajustes(): Partial<Record<Channel, Record<string, unknown>>> {
  return {
    ...AJUSTES_FIJOS,
    'miembro:agregar': { personaId: filas.persona },
    'sesion:reabrir': { id: filas.cerrada },
    'sesion:aprobar': { id: filas.cerrada },
    'sesion:eliminar': { id: filas.vacia },
    'asistencia:marcar': { estado: 'excusado', motivo: 'Viaje' },
    'asistencia:quitar': { id: filas.invitado },
    'errata:crear': { sesionId: f.aprobada.sesion },
    // A logo longer than the history keeps of a setting (cut at 500 characters).
    'config:guardar': {
      encabezado: 'Gobierno de Chile',
      logo: `data:image/png;base64,${'A'.repeat(2000)}`
    },
    // New periods after the fixture's two (periods never overlap, a copy follows its source).
    'plan:copiar': { periodoDesde: '2017-01-01', periodoHasta: '2017-12-31' },
    'paquete:generar': { para: 'socio', socioId: otra.id, todo: false },
    'paquete:importar': { archivo: 'paquete-minint.mitp', paquete: otra.paquete, elecciones: [] },
    'matriz:importar': {
      base64: libro,
      destino: {
        modo: 'nuevo',
        nombre: 'Plan 2017',
        periodoDesde: '2017-01-01',
        periodoHasta: '2017-12-31'
      }
    }
  }
}

function entrada(canal: Channel): unknown {
  const input = {
    ...(ejemploSinRevisar(canal, idPara(canal, f.borrador)) as object),
    ...ajustes()[canal]
  }
  expect(contract[canal].input.safeParse(input).success, `sin entrada válida para ${canal}`).toBe(
    true
  )
  return input
}

/** Calls the channel (and waits for the task it starts): its refusal, or null when it succeeded. */
async function llamar(app: AppDatabase, canal: Channel): Promise<unknown> {
  const api = createAppApi(app, { version: 'test', printPdf: null, log: () => {} })
  const r = await dispatch(api, canal, entrada(canal), () => {})
  if (!r.ok) return r.error
  const v = r.value
  if (!(v && typeof v === 'object' && 'tareaId' in v)) return null
  const fin = await esperarTarea(api, String(v.tareaId))
  return fin.estado === 'lista' ? null : fin
}

const ESCRITURAS = CHANNELS.filter((c) => !esLectura(c))

describe('history rows for every write channel of the contract', () => {
  it('walks the write channels (not vacuous)', () => {
    expect(ESCRITURAS.length).toBeGreaterThanOrEqual(50)
    expect(ESCRITURAS).toEqual(expect.arrayContaining(['accion:actualizar', 'perfil:guardar']))
  })

  it.each(ESCRITURAS)('%s', async (canal) => {
    const copia = path.join(dir.dir, `${canal.replace(':', '-')}.db`)
    fs.copyFileSync(plantilla, copia)
    const app = await openAppDatabase(copia, { seed: false })
    try {
      const propia = PROPIAS[canal]
      const leerPropia = () =>
        propia ? JSON.stringify(app.handle.prepare(`select * from ${propia}`).all()) : ''
      const propiaAntes = leerPropia()
      const antes = filasAuditadas(app)
      const desde = (app.handle.prepare('select max(id) m from historial').get() as { m: number }).m
      const rechazo = await llamar(app, canal)
      const despues = filasAuditadas(app)
      const nuevas = app.handle
        .prepare('select * from historial where id > ? order by id')
        .all(desde) as FilaHistorial[]
      const cambiadas = [...new Set([...antes.keys(), ...despues.keys()])].filter(
        (k) => JSON.stringify(antes.get(k)) !== JSON.stringify(despues.get(k))
      )
      if (propia) {
        expect(rechazo, `${canal} debía tener éxito`).toBeNull()
        expect(leerPropia(), `${canal} no cambió ${propia}`).not.toBe(propiaAntes)
        expect(cambiadas).toEqual([])
      } else if (!SIN_FILAS.includes(canal)) {
        expect(rechazo, `${canal} debía tener éxito`).toBeNull()
        expect(cambiadas.length, `${canal} no cambió ninguna fila`).toBeGreaterThan(0)
      }
      // Each history row: the actor and channel of the call, about a row that changed.
      for (const h of nuevas) {
        expect(h).toMatchObject({ actor: ANA.nombre, institucion: ANA.institucion, canal })
        expect(cambiadas).toContain(`${h.tabla}\u0000${h.fila_id}`)
      }
      // Each changed row: its first history row starts from the row before, its last ends at
      // the row after (a row may change twice in one call).
      for (const k of cambiadas) {
        const [tabla, id] = k.split('\u0000')
        const suyas = nuevas.filter((h) => h.tabla === tabla && h.fila_id === id)
        expect(suyas.length, `${canal}: sin historial para ${tabla} ${id}`).toBeGreaterThan(0)
        const json = (s: string | null) => (s === null ? undefined : JSON.parse(s))
        expect(json(suyas[0]!.antes)).toEqual(antes.get(k))
        expect(json(suyas.at(-1)!.despues)).toEqual(despues.get(k))
      }
    } finally {
      await app.close()
    }
  })
})
