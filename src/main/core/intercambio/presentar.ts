import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type {
  AcuerdoRenumeradoPaquete,
  ConflictoPaquete,
  EdicionRechazada,
  VistaPreviaPaquete
} from '../../../shared/intercambio/contract'
import { SINCRONIZADAS_0014 } from '../db/migrations/0014_sellos'
import type { VistaPrevia } from './intercambio.service'
import { referencias } from './alias'
import { BORRADO } from './fusion'
import { leer } from './hlc'
import { antesDeBorrar } from './campos'

// The preview as the screen shows it (#16): installations by name, rows by what a person
// recognises (a code, a name, a session's number and date), not by ids and stamps.

type Fila = Record<string, unknown>

const recortar = (s: string): string => (s.length > 80 ? `${s.slice(0, 79)}…` : s)

/** A row as a person recognises it: its code, sigla, number and date, or its name or text. */
export function describirFila(tabla: string, fila: Fila | undefined, id: string): string {
  if (!fila) return `fila ${id.slice(0, 8)} (no está aquí)`
  const v = (c: string): string | null =>
    fila[c] === null || fila[c] === undefined ? null : String(fila[c])
  if (tabla === 'sesiones') return `sesión N° ${v('numero') ?? '?'} del ${v('fecha') ?? '?'}`
  if (tabla === 'acuerdos') return `acuerdo N° ${v('numero') ?? '?'}: ${recortar(v('texto') ?? '')}`
  const partes = [v('codigo') ?? v('sigla'), v('nombre') ?? v('texto') ?? v('accion_codigo')]
  const texto = partes.filter((p): p is string => !!p).join(' ')
  return recortar(texto || `fila ${id.slice(0, 8)}`)
}

async function leerFila(
  db: Kysely<Database>,
  tabla: string,
  id: string
): Promise<Fila | undefined> {
  // Only the synced tables' names reach the query, never a name from the package itself.
  if (!SINCRONIZADAS_0014.includes(tabla)) return undefined
  const { rows } = await sql<Fila>`select * from ${sql.table(tabla)} where id = ${id}`.execute(db)
  return rows[0]
}

/**
 * A value as the screen shows it: a link to another row (an eje_id, an institucion_id) as that
 * row, not its id; a row the package brings and this side lacks, as such.
 */
async function legible(
  db: Kysely<Database>,
  tabla: string,
  campo: string,
  valor: unknown
): Promise<unknown> {
  const ref = (await referencias(db, tabla)).get(campo)
  if (!ref || typeof valor !== 'string') return valor
  const fila = await leerFila(db, ref, valor)
  return fila ? describirFila(ref, fila, valor) : 'una fila que trae el paquete'
}

/** Installation ids → names: this one, its partners, and the package's sender. */
async function nombres(
  db: Kysely<Database>,
  de: { id: string; nombre: string }
): Promise<(id: string) => string> {
  const yo = await db.selectFrom('instalacion').select(['id', 'nombre']).executeTakeFirstOrThrow()
  const socios = await db.selectFrom('socios').select(['instalacion_id', 'nombre']).execute()
  const m = new Map<string, string>([
    ...socios.map((s) => [s.instalacion_id, s.nombre] as const),
    [de.id, de.nombre],
    [yo.id, `${yo.nombre} (esta instalación)`]
  ])
  // An id an installation had before restoring a backup (restaurada.ts): its current name.
  const anteriores = await db.selectFrom('instalaciones_anteriores').selectAll().execute()
  for (const a of anteriores) {
    const actual = m.get(a.actual)
    if (actual && !m.has(a.id)) m.set(a.id, `${actual}, antes de restaurar un respaldo`)
  }
  return (id) => m.get(id) ?? `otra instalación (${id.slice(0, 8)})`
}

/**
 * A deletion conflict's live side has no deletion stamp: who changed the row last, and when, is
 * its latest stamp here (its values as words: the row deleted, or kept with its changes).
 */
async function ladoBorrado(
  db: Kysely<Database>,
  c: VistaPrevia['conflictos'][number],
  lado: 'mio' | 'suyo'
): Promise<{ valor: string; instalacion: string; en: string }> {
  const x = c[lado]
  const borrada = x.valor === true || x.valor === 'true'
  const valor = borrada ? 'Borrada' : 'Sigue, con sus cambios'
  if (x.en || lado === 'suyo') return { valor, instalacion: x.instalacion, en: x.en }
  const { rows } = await sql<{ sello: string | null }>`
    select max(sello) as sello from sellos where tabla = ${c.tabla} and fila_id = ${c.filaId}`.execute(
    db
  )
  const sello = rows[0]?.sello
  if (!sello) return { valor, instalacion: x.instalacion, en: x.en }
  const { instalacion, ms } = leer(sello)
  return { valor, instalacion, en: new Date(ms).toISOString() }
}

/** The edits an approved acta refused, in words: the row, and the field and value or what. */
async function rechazadas(
  db: Kysely<Database>,
  v: VistaPrevia,
  quien: (id: string) => string
): Promise<EdicionRechazada[]> {
  const r: EdicionRechazada[] = []
  for (const x of v.rechazadas ?? []) {
    const sesion = describirFila('sesiones', await leerFila(db, 'sesiones', x.sesionId), x.sesionId)
    const agregada = x.campo === '*' && typeof x.valor === 'object' && x.valor !== null
    // A row deleted here that comes back is not here yet: as the history kept it.
    const aqui = agregada
      ? (x.valor as Fila)
      : ((await leerFila(db, x.tabla, x.filaId)) ??
        (await antesDeBorrar(db, x.tabla, x.filaId)) ??
        undefined)
    const fila = `${x.tabla}: ${describirFila(x.tabla, aqui, x.filaId)}`
    const valor = await legible(db, x.tabla, x.campo, x.valor)
    // An acuerdo is followed up; any other row (a persona, an acción) is cited.
    const cita = x.tabla === 'acuerdos' ? 'sigue' : 'cita'
    const citada = !x.citada
      ? ''
      : x.lado === 'aqui'
        ? `, que esa acta ${cita}: vuelve aquí`
        : `, que esta acta ${cita}: se conserva`
    const cambio = agregada
      ? `agregó ${fila}`
      : x.campo === BORRADO
        ? `borró ${fila}${citada}`
        : `${fila}, ${x.campo} = ${JSON.stringify(valor)}`
    r.push({ lado: x.lado, sesion, cambio, instalacion: quien(x.instalacion), en: x.en })
  }
  return r
}

/** The service's preview, with names for installations and rows. */
export async function presentar(db: Kysely<Database>, v: VistaPrevia): Promise<VistaPreviaPaquete> {
  const quien = await nombres(db, v.de)
  const conflictos: ConflictoPaquete[] = []
  for (const c of v.conflictos) {
    const [aqui, enPaquete] =
      c.campo === BORRADO
        ? [await ladoBorrado(db, c, 'mio'), await ladoBorrado(db, c, 'suyo')]
        : [
            { ...c.mio, valor: await legible(db, c.tabla, c.campo, c.mio.valor) },
            { ...c.suyo, valor: await legible(db, c.tabla, c.campo, c.suyo.valor) }
          ]
    conflictos.push({
      clave: c.clave,
      tabla: c.tabla,
      filaId: c.filaId,
      fila: describirFila(c.tabla, await leerFila(db, c.tabla, c.filaId), c.filaId),
      campo: c.campo,
      aqui: { valor: aqui.valor, instalacion: quien(aqui.instalacion), en: aqui.en },
      enPaquete: {
        valor: enPaquete.valor,
        instalacion: quien(enPaquete.instalacion),
        en: enPaquete.en
      }
    })
  }
  const actasDistintas: VistaPreviaPaquete['actasDistintas'] = []
  for (const a of v.actasDistintas) {
    const fila = await leerFila(db, 'sesiones', a.sesionAquiId)
    const descrita = describirFila('sesiones', fila, a.sesionAquiId)
    actasDistintas.push({ sesionId: a.sesionId, motivo: a.motivo, fila: descrita })
  }
  const instancias = new Map(
    (await db.selectFrom('instancias').select(['id', 'nombre']).execute()).map((i) => [
      i.id,
      i.nombre
    ])
  )
  const numeros = v.numeros.map(({ sesionId, lado, instanciaId, tipo, anio, antes, despues }) => ({
    sesionId,
    lado,
    instancia: instancias.get(instanciaId) ?? 'una instancia que trae el paquete',
    tipo,
    anio,
    antes,
    despues
  }))
  const noEntran = await rechazadas(db, v, quien)
  const acuerdos = await acuerdosRenumerados(db, v, instancias)
  return {
    de: v.de,
    tablas: v.tablas,
    conflictos,
    actasDistintas,
    numeros,
    rechazadas: noEntran,
    acuerdos
  }
}

/** Acuerdos renumbered in their session, each with the session as a person recognises it. */
async function acuerdosRenumerados(
  db: Kysely<Database>,
  v: VistaPrevia,
  instancias: Map<string, string>
): Promise<AcuerdoRenumeradoPaquete[]> {
  const r: AcuerdoRenumeradoPaquete[] = []
  for (const { acuerdoId, sesionId, lado, antes, despues } of v.acuerdos ?? []) {
    const fila = await leerFila(db, 'sesiones', sesionId)
    const instancia = fila ? instancias.get(String(fila['instancia_id'])) : undefined
    const sesion = fila
      ? `${describirFila('sesiones', fila, sesionId)}${instancia ? ` de «${instancia}»` : ''}`
      : 'una sesión que trae el paquete'
    r.push({ acuerdoId, lado, sesion, antes, despues })
  }
  return r
}
