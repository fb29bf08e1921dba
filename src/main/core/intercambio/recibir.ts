import path from 'node:path'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { AppError } from '../errors'
import { vectorConocido } from './campos'
import { baseAjena } from './conocido'
import { anterioresPropios } from './restaurada'
import type { Remotas } from './alias'
import { abrirPaquete, ErrorPaquete } from './paquete'
import { revisorDeCampos } from './validar'

// Reading a received package (#16): the checks that refuse it whole, before anything is decided.

/** A first package, before the partner's id is known: whoever opens it, if it holds everything. */
export const PARA_CUALQUIERA = '*'

export const rechazo = (m: string): AppError => new AppError('entrada_invalida', m)

export async function yo(db: Kysely<Database>): Promise<{ id: string; nombre: string }> {
  return db.selectFrom('instalacion').select(['id', 'nombre']).executeTakeFirstOrThrow()
}

/** The package's fields by table and row, after the checks that refuse it whole. */
export async function leerPaquete(db: Kysely<Database>, ruta: string) {
  let p
  try {
    p = abrirPaquete(ruta)
  } catch (e) {
    if (e instanceof ErrorPaquete) throw rechazo(e.message)
    throw e
  }
  try {
    const m = p.manifiesto
    const aqui = await yo(db)
    const nombre = path.basename(ruta)
    // Our ids before a backup was restored here: a partner may not know the new one yet.
    const antes = await anterioresPropios(db)
    if (m.de.id === aqui.id || antes.includes(m.de.id))
      throw rechazo(`«${nombre}» lo exportó esta misma instalación. No se importó nada.`)
    const completo = Object.keys(m.base).length === 0
    const paraAqui = m.para.id === aqui.id || antes.includes(m.para.id)
    if (!paraAqui && !(m.para.id === PARA_CUALQUIERA && completo)) {
      throw rechazo(
        `El paquete «${nombre}» es para «${m.para.nombre}», no para esta instalación («${aqui.nombre}»). No se importó nada.`
      )
    }
    if (await baseAjena(db, m.base)) {
      if (antes.includes(m.para.id))
        throw rechazo(
          `El paquete «${nombre}» supone cambios que esta base de datos ya no tiene: aquí se restauró un respaldo y «${m.de.nombre}» aún no lo sabe. Exporte un paquete para «${m.de.nombre}» y que lo importe allá; el siguiente paquete de «${m.de.nombre}» traerá lo que falta (o pida a «${m.de.nombre}» un paquete completo, exportado con --todo). No se importó nada.`
        )
      throw rechazo(
        `El paquete «${nombre}» supone cambios que esta base de datos no tiene (¿se restauró un respaldo anterior?). Pida a «${m.de.nombre}» un paquete completo (exportar con --todo). No se importó nada.`
      )
    }
    const revisar = await revisorDeCampos(db)
    const remotas: Remotas = new Map()
    const sellos = new Set<string>()
    for (const c of p.campos()) {
      const motivo = revisar(c)
      if (motivo) throw rechazo(`El paquete «${nombre}» ${motivo}. No se importó nada.`)
      if (!remotas.has(c.tabla)) remotas.set(c.tabla, new Map())
      const t = remotas.get(c.tabla)!
      t.set(c.filaId, { ...t.get(c.filaId), [c.campo]: { valor: c.valor, sello: c.sello } })
      sellos.add(c.sello)
    }
    return { manifiesto: m, remotas, sellos, mio: await vectorConocido(db), yo: aqui }
  } finally {
    p.cerrar()
  }
}
