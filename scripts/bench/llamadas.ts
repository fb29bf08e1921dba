import type { ApiHandlers, Channel, Input } from '../../src/shared/api/contract'
import type { SqliteHandle } from '../../src/main/core/db/sqlite'
import type { Llamar as LlamarTipado } from '../../src/main/core/cliente'
import { nombrarFirmantes } from '../../src/main/core/seed/firmantes'

// The calls each screen makes, with real ids from the database being measured.

export interface Llamada {
  nombre: string
  canal: Channel
  entrada: () => unknown
  /** Writes run against a copy of the database; some need a fresh row each time. */
  escribe?: boolean
}

type Llamar = <C extends Channel>(canal: C, entrada: Input<C>) => Promise<unknown>

export function idsDe(h: SqliteHandle) {
  const uno = (sql: string) => h.prepare(sql).pluck().get() as string
  return {
    antigua: uno(`select id from sesiones order by fecha, created_at limit 1`),
    reciente: uno(`select id from sesiones where estado = 'borrador' order by fecha desc limit 1`),
    punto: uno(
      `select p.id from puntos_tabla p join sesiones s on s.id = p.sesion_id
       where s.estado = 'borrador' order by s.fecha desc limit 1`
    ),
    instancia: uno(`select id from instancias order by orden limit 1`),
    // The acción reported most often: its page (trayectoria) shows the longest history.
    accion: uno(
      `select accion_id from avances where accion_id is not null
       group by accion_id order by count(*) desc limit 1`
    ),
    // The approved acta with the largest sealed copy: the largest DOCX.
    aprobadaMayor: uno(
      `select id from sesiones where estado = 'aprobada'
       order by length(contenido_aprobado) desc limit 1`
    ),
    ultimaFecha: uno(`select max(fecha) from sesiones`)
  }
}

/** The read calls of the screens, and saving one field (autosave). */
export function llamadasDeLectura(ids: ReturnType<typeof idsDe>): Llamada[] {
  return [
    { nombre: 'árbol del plan (plan:arbol)', canal: 'plan:arbol', entrada: () => ({}) },
    {
      nombre: 'lista de sesiones, 1.ª página',
      canal: 'sesion:listar',
      entrada: () => ({ limite: 100 })
    },
    {
      nombre: 'lista de sesiones de una instancia',
      canal: 'sesion:listar',
      entrada: () => ({ instanciaId: ids.instancia, limite: 100 })
    },
    {
      nombre: 'abrir la sesión más antigua',
      canal: 'sesion:obtener',
      entrada: () => ({ id: ids.antigua })
    },
    {
      nombre: 'abrir la sesión más reciente',
      canal: 'sesion:obtener',
      entrada: () => ({ id: ids.reciente })
    },
    { nombre: 'personas', canal: 'persona:listar', entrada: () => ({}) },
    { nombre: 'tablero (tablero:obtener)', canal: 'tablero:obtener', entrada: () => ({}) },
    {
      nombre: 'acuerdos, 1.ª página sin filtro',
      canal: 'acuerdo:listar',
      entrada: () => ({ limit: 50 })
    },
    {
      nombre: 'página de una acción (trayectoria)',
      canal: 'trayectoria:obtener',
      entrada: () => ({ accionId: ids.accion })
    },
    {
      nombre: 'búsqueda de una palabra frecuente',
      canal: 'busqueda:buscar',
      entrada: () => ({ texto: 'informa' })
    },
    {
      nombre: 'acuerdos vencidos, 1.ª página',
      canal: 'acuerdo:listar',
      entrada: () => ({ situacion: 'vencido', limit: 25 })
    },
    {
      nombre: 'guardar un campo (punto:actualizar)',
      canal: 'punto:actualizar',
      escribe: true,
      entrada: () => ({ id: ids.punto, titulo: 'Cuenta', desarrollo: `Texto ${Math.random()}` })
    }
  ]
}

/** Creating a session, closing it and approving its acta, one after the other. */
export async function crearYAprobar(
  llamar: Llamar,
  ids: ReturnType<typeof idsDe>,
  i: number
): Promise<{ crear: number; aprobar: number; siguiente: number }> {
  const fecha = new Date(Date.parse(`${ids.ultimaFecha}T00:00:00Z`) + (i + 1) * 86_400_000)
    .toISOString()
    .slice(0, 10)
  let t0 = performance.now()
  const s = (await llamar('sesion:crear', {
    instanciaId: ids.instancia,
    tipo: 'extraordinaria',
    fecha,
    modalidad: 'presencial'
  })) as { id: string }
  const crear = performance.now() - t0
  // An acta names who signs it or is not approved: members marked present and chosen, untimed.
  // Both ways of calling answer what the contract says of each channel.
  await nombrarFirmantes(llamar as LlamarTipado, s.id, { marcar: true })
  await llamar('sesion:cerrar', { id: s.id })
  // An acta is approved in a later session: an ordinaria of the next year, left in draft.
  const en = (await llamar('sesion:crear', {
    instanciaId: ids.instancia,
    tipo: 'ordinaria',
    fecha: `${Number(fecha.slice(0, 4)) + 1}-12-31`,
    modalidad: 'presencial'
  })) as { id: string }
  t0 = performance.now()
  await llamar('sesion:aprobar', { id: s.id, enSesionId: en.id, observaciones: '' })
  const aprobar = performance.now() - t0
  // The next call, while the backup that follows the approval runs (where there is one).
  t0 = performance.now()
  await llamar('sesion:obtener', { id: s.id })
  return { crear, aprobar, siguiente: performance.now() - t0 }
}

/** A direct call: the handler, as the core's thread runs it. */
export const directo =
  (api: ApiHandlers): Llamar =>
  (canal, entrada) =>
    (api[canal] as (i: unknown) => Promise<unknown>)(entrada)

/** A call through the HTTP bridge and the core's worker threads, as the browser makes it. */
export const porPuente =
  (url: string, token: string): Llamar =>
  async (canal, entrada) => {
    const res = await fetch(`${url}/api/${canal}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-mitp-token': token },
      body: JSON.stringify(entrada ?? {})
    })
    const r = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } }
    if (!r.ok) throw new Error(`${canal}: ${r.error?.message}`)
    return r.value
  }
