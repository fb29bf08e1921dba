import path from 'node:path'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { SqliteHandle } from '../db/sqlite'
import { newId, nowStamp } from '../db/ids'
import { camposNoVistos, vectorConocido } from './campos'
import { emparejar, leerAlias, traducir } from './alias'
import { decidir, resumir, type ActaDistinta, type Conflicto, type ResumenTabla } from './decidir'
import type { Eleccion } from './aplicar'
import { ensayar, escribir, type Escritura } from './escribir'
import { conNumeros, resolverNumeros, sinApartadas, type NumeroCambiado } from './numeros'
import { conAcuerdos, resolverAcuerdos, type AcuerdoRenumerado } from './numeros-acuerdos'
import { apartadasAntes } from './ajenas'
import { conoce, unir, type Vector } from './fusion'
import { escribirPaquete, type Manifiesto } from './paquete'
import { leerPaquete, PARA_CUALQUIERA, rechazo, yo } from './recibir'
import { avanzarConocido, perdidasDelRemitente, recuperarPropias, respaldado } from './conocido'
import type { Rechazada } from './selladas'
import { anterioresPropios } from './restaurada'
import { marcasRecibidas } from './comunes'

export { PARA_CUALQUIERA }

// Laptop to laptop (#16): a package for a partner holds every field it has not seen; importing
// one shows first what it would do, then writes it in one transaction after a verified backup.

export interface IntercambioDeps {
  db: Kysely<Database>
  /** Not needed by the service; the API's handlers back up through their environment. */
  handle?: SqliteHandle
  /** A verified backup of the database, before an import writes anything. */
  respaldar: () => Promise<unknown>
}

export interface VistaPrevia {
  de: { id: string; nombre: string }
  tablas: ResumenTabla[]
  conflictos: Conflicto[]
  /** Approved actas that differ: the partner's is kept beside ours (actas_ajenas), not merged. */
  actasDistintas: ActaDistinta[]
  /** Sessions that would share a number with another: each takes the next free one. */
  numeros: NumeroCambiado[]
  /** Acuerdos of one session that would share a number: each takes the next free one. */
  acuerdos?: AcuerdoRenumerado[]
  /** Edits to an acta approved on one side, refused (selladas.ts). */
  rechazadas?: Rechazada[]
}

async function socio(db: Kysely<Database>, nombreOId: string) {
  const todos = await db.selectFrom('socios').selectAll().execute()
  const clave = nombreOId.trim().toLocaleLowerCase('es')
  return todos.find(
    (s) => s.instalacion_id === nombreOId || s.nombre.trim().toLocaleLowerCase('es') === clave
  )
}

/** Writes a package for `para` (a partner's name or id; a new name gets everything). */
export async function exportar(
  { db }: IntercambioDeps,
  para: string,
  ruta: string,
  todo = false
): Promise<{ campos: number; sha256: string }> {
  const s = await socio(db, para)
  const base: Vector = todo || !s ? {} : (JSON.parse(s.vector) as Vector)
  const campos = await camposNoVistos(db, base)
  // Our ids before a restore: the partner moves its row for us to this id (restaurada.ts).
  const anteriores = await anterioresPropios(db)
  const r = escribirPaquete(
    ruta,
    {
      id: newId(),
      creado: nowStamp(),
      de: await yo(db),
      para: s ? { id: s.instalacion_id, nombre: s.nombre } : { id: PARA_CUALQUIERA, nombre: para },
      vector: await vectorConocido(db),
      base,
      ...(anteriores.length ? { anteriores } : {})
    },
    campos
  )
  // Our largest stamp now: a partner's later base supposing more means this file went back.
  await avanzarConocido(db)
  if (s) {
    await db
      .updateTable('socios')
      .set({ ultimo_envio: nowStamp() })
      .where('instalacion_id', '=', s.instalacion_id)
      .execute()
  }
  return r
}

async function preparar(
  db: Kysely<Database>,
  ruta: string,
  elecciones: Readonly<Record<string, Eleccion>>
) {
  const { manifiesto, remotas, sellos, mio, yo: aqui } = await leerPaquete(db, ruta)
  const alias = await leerAlias(db)
  const nuevos = await emparejar(db, remotas, alias, manifiesto.vector)
  const marcas = marcasRecibidas(remotas, alias)
  const gemelas = new Set(
    [...alias].flatMap(([tabla, m]) => [...m.values()].map((local) => `${tabla}:${local}`))
  )
  const traducidas = await traducir(db, remotas, alias)
  const { de, base, vector } = manifiesto
  const perdidas = await perdidasDelRemitente(db, de.id, base, vector, traducidas)
  if (perdidas) {
    throw rechazo(
      `«${de.nombre}» ya no tiene ${perdidas} cambio(s) suyos que esta base recibió antes (¿restauró un respaldo anterior?). No se importó nada. Exporte para «${de.nombre}» un paquete completo (con --todo), y que «${de.nombre}» lo importe antes de mandar otro.`
    )
  }
  const decididas = await decidir(db, traducidas, mio, manifiesto.vector, gemelas)
  // A full package may bring back our own changes a restored backup lost here.
  const todas =
    base[aqui.id] === undefined
      ? await recuperarPropias(db, traducidas, decididas, aqui.id)
      : decididas
  // Sessions kept aside before stay out with their rows; then two sessions under one number.
  const d = await sinApartadas(db, todas, await apartadasAntes(db))
  const { cambios, apartadas, mover } = await resolverNumeros(db, d, elecciones)
  const sin = await sinApartadas(db, d, new Set(apartadas.map((a) => a.fila.filaId)))
  const hashes = new Map(
    (await db.selectFrom('sesiones').select(['id', 'hash']).execute()).map((s) => [s.id, s.hash])
  )
  for (const { fila, sesionAquiId } of apartadas) {
    const hashAlla = JSON.parse(fila.remota['hash']!.valor) as string
    const hashAqui = hashes.get(sesionAquiId) ?? null
    const a = { sesionId: fila.filaId, sesionAquiId, hashAqui, hashAlla, remota: fila.remota }
    sin.actasDistintas.push({ ...a, motivo: 'numero' })
  }
  const quedan = new Set(sin.filas.filter((f) => f.tabla === 'sesiones').map((f) => f.filaId))
  const numeros = cambios.filter((c) => c.lado === 'aqui' || quedan.has(c.sesionId))
  const acuerdos = await resolverAcuerdos(db, sin, elecciones)
  const quedanAqui = mover.filter((id) => quedan.has(id) || numeros.some((c) => c.sesionId === id))
  return {
    manifiesto,
    mio,
    conocido: respaldado(vector, sellos, aqui.id),
    nuevos,
    marcas,
    numeros,
    mover: quedanAqui,
    decisiones: conAcuerdos(conNumeros(sin, numeros), acuerdos.cambios),
    acuerdos
  }
}

function vista(
  de: VistaPrevia['de'],
  d: Awaited<ReturnType<typeof preparar>>['decisiones'],
  numeros: NumeroCambiado[]
): VistaPrevia {
  return {
    de,
    tablas: resumir(d),
    conflictos: d.conflictos,
    actasDistintas: d.actasDistintas.map(({ remota: _r, ...a }) => a),
    numeros,
    rechazadas: d.rechazadas
  }
}

/**
 * What importing the package would do, written nowhere; with the choices made so far, as a
 * conflict's choice may change which session keeps a number.
 */
export async function vistaPrevia(
  { db }: IntercambioDeps,
  ruta: string,
  elecciones: Readonly<Record<string, Eleccion>> = {}
): Promise<VistaPrevia> {
  const p = await preparar(db, ruta, elecciones)
  const { manifiesto: m, decisiones, numeros } = p
  const e = { ...p, de: m.de, elecciones, vector: m.vector, anteriores: m.anteriores }
  await ensayar(db, e, path.basename(ruta))
  return { ...vista(m.de, decisiones, numeros), acuerdos: p.acuerdos.cambios }
}

function sinNovedad(m: Manifiesto, anterior: Vector | undefined): boolean {
  return anterior !== undefined && Object.values(m.vector).every((s) => conoce(anterior, s))
}

/** Imports the package with the user's choice for each conflict, in one transaction. */
export async function importar(
  deps: IntercambioDeps,
  ruta: string,
  elecciones: Readonly<Record<string, Eleccion>> = {}
): Promise<VistaPrevia> {
  const { db } = deps
  const prep = await preparar(db, ruta, elecciones)
  const { manifiesto: m, nuevos, decisiones, numeros, mover } = prep
  const previo = await db
    .selectFrom('socios')
    .select('vector')
    .where('instalacion_id', '=', m.de.id)
    .executeTakeFirst()
  const anterior = previo ? (JSON.parse(previo.vector) as Vector) : undefined
  if (!decisiones.filas.length && sinNovedad(m, anterior)) {
    throw rechazo(
      `El paquete «${path.basename(ruta)}» ya se importó (no trae nada nuevo). No se importó nada.`
    )
  }
  const sinElegir = decisiones.conflictos.filter((c) => !elecciones[c.clave])
  if (sinElegir.length) {
    throw rechazo(
      `Hay ${sinElegir.length} conflicto(s) sin resolver: elija en cada uno qué versión queda. No se importó nada.`
    )
  }
  const e: Escritura = {
    ...{ de: m.de, nuevos, marcas: prep.marcas, mover, numeros, decisiones, elecciones },
    acuerdos: prep.acuerdos,
    ...{ conocido: prep.conocido, vector: unir(anterior ?? {}, m.vector), anteriores: m.anteriores }
  }
  await ensayar(db, e, path.basename(ruta))
  await deps.respaldar()
  await db.transaction().execute((trx) => escribir(trx, e))
  return { ...vista(m.de, decisiones, numeros), acuerdos: prep.acuerdos.cambios }
}
