import path from 'node:path'
import {
  exportar,
  importar,
  vistaPrevia,
  type Eleccion,
  type VistaPrevia
} from '../core/intercambio'
import { AppError } from '../core/errors'
import { respaldar } from '../core/respaldos'
import type { AppDatabase } from '../core/db/open'
import type { Out, Values } from './comandos'

// `paquete exportar|importar` (#16): the laptop-to-laptop exchange from a terminal. Importing
// prints the preview first; with --dry-run nothing else happens.

export class UsoPaquete extends Error {}

const tipo = (t: string) => (t === 'ordinaria' ? 'Ordinaria' : 'Extraordinaria')

function renumeradas(v: VistaPrevia): string[] {
  return [
    ...v.numeros.map(
      (n) =>
        `  La sesión ${n.lado === 'aqui' ? 'de aquí' : 'del paquete'} ${tipo(n.tipo)} N° ${n.antes}/${n.anio} (${n.sesionId}) pasa a ser N° ${n.despues}/${n.anio}: las dos instalaciones usaron ese número.`
    ),
    ...(v.acuerdos ?? []).map(
      (a) =>
        `  El acuerdo ${a.lado === 'aqui' ? 'de aquí' : 'del paquete'} N° ${a.antes} de la sesión ${a.sesionId} (${a.acuerdoId}) pasa a ser N° ${a.despues}: las dos instalaciones usaron ese número.`
    )
  ]
}

function describir(v: VistaPrevia): string {
  const l = [`Paquete de «${v.de.nombre}».`]
  if (!v.tablas.length) l.push('Sin filas nuevas, modificadas ni borradas.')
  for (const t of v.tablas) {
    l.push(
      `  ${t.tabla}: ${t.agregadas} nuevas, ${t.modificadas} modificadas, ${t.borradas} borradas`
    )
  }
  for (const c of v.conflictos) {
    l.push(
      `  Conflicto ${c.clave}: aquí ${JSON.stringify(c.mio.valor)} (${c.mio.en}), allá ${JSON.stringify(c.suyo.valor)} (${c.suyo.en}).`
    )
  }
  l.push(...renumeradas(v))
  for (const r of v.rechazadas ?? []) {
    const valor = JSON.stringify(r.valor)
    l.push(
      r.lado === 'aqui'
        ? `  La sesión ${r.sesionId} llega aprobada: se deshace el cambio hecho aquí (${r.en}) a ${r.tabla} ${r.filaId} ${r.campo} = ${valor}; queda en el historial.`
        : `  La sesión ${r.sesionId} está aprobada aquí: no entra el cambio de «${v.de.nombre}» (${r.en}) a ${r.tabla} ${r.filaId} ${r.campo} = ${valor}.`
    )
  }
  for (const a of v.actasDistintas) {
    l.push(
      a.motivo === 'version'
        ? `  El acta aprobada de la sesión ${a.sesionId} difiere (huellas distintas): se conserva la de aquí y se guarda aparte la de «${v.de.nombre}».`
        : `  El acta aprobada ${a.sesionId} de «${v.de.nombre}» tiene el número de un acta aprobada aquí (${a.sesionAquiId}): se guarda aparte, sin mezclarla.`
    )
  }
  return l.join('\n')
}

/**
 * The choice for each conflict from --elegir: 'mio' or 'suyo' for all, or 'CLAVE=mio|suyo' for
 * one (the keys the preview lists). Conflicts left without a choice refuse the import.
 */
function elecciones(v: VistaPrevia, valores: readonly string[]): Record<string, Eleccion> {
  const r: Record<string, Eleccion> = {}
  const claves = new Set(v.conflictos.map((c) => c.clave))
  let todos: Eleccion | undefined
  for (const e of valores) {
    const i = e.lastIndexOf('=')
    const [clave, cual] = i < 0 ? [undefined, e] : [e.slice(0, i), e.slice(i + 1)]
    if (cual !== 'mio' && cual !== 'suyo')
      throw new UsoPaquete(`--elegir ${e}: use mio, suyo o CLAVE=mio|suyo.`)
    if (clave === undefined) todos = cual
    else if (!claves.has(clave))
      throw new UsoPaquete(`--elegir ${e}: «${clave}» no es un conflicto de este paquete.`)
    else r[clave] = cual
  }
  for (const c of claves) if (todos && !r[c]) r[c] = todos
  const faltan = [...claves].filter((c) => !r[c])
  if (faltan.length) {
    throw new AppError(
      'entrada_invalida',
      `Hay ${faltan.length} conflicto(s) sin resolver (listados arriba, cada uno con su clave). Elija qué versión queda con --elegir mio o --elegir suyo para todos, o --elegir CLAVE=mio|suyo para cada uno. No se importó nada.`
    )
  }
  return r
}

export async function paqueteCli(app: AppDatabase, v: Values, out: Out): Promise<void> {
  const [accion] = v.argumentos ?? []
  const deps = {
    db: app.db,
    ...(app.handle ? { handle: app.handle } : {}),
    respaldar: async () => {
      if (app.dialecto === 'postgres') {
        out('Base compartida del servidor: el respaldo previo lo hace informática (pg_dump).')
        return
      }
      const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)
      const destino = path.join(
        path.dirname(path.resolve(app.handle.name)),
        `${path.basename(app.handle.name, '.db')}-${stamp}-antes-de-paquete.db`
      )
      await respaldar(app.handle, destino)
      out(`Respaldo verificado en ${destino}.`)
    }
  }
  if (accion === 'exportar') {
    if (!v.para || !v.out)
      throw new UsoPaquete('paquete exportar necesita --para NOMBRE y --out ARCHIVO.mitp.')
    const r = await exportar(deps, v.para, path.resolve(v.out), !!v.todo)
    return out(`Paquete para «${v.para}» escrito en ${path.resolve(v.out)} (${r.campos} campos).`)
  }
  if (accion === 'importar') {
    if (!v.in) throw new UsoPaquete('paquete importar necesita --in ARCHIVO.mitp.')
    const ruta = path.resolve(v.in)
    const vista = await vistaPrevia(deps, ruta)
    out(describir(vista))
    if (v['dry-run']) return out('Simulación (--dry-run): no se escribió nada.')
    const hecho = await importar(deps, ruta, elecciones(vista, v.elegir ?? []))
    // A choice may change which session keeps a number: what was done, if not as previewed.
    if (JSON.stringify(hecho.numeros) !== JSON.stringify(vista.numeros))
      out(['Con lo elegido, la numeración queda así:', ...renumeradas(hecho)].join('\n'))
    return out('Paquete importado.')
  }
  throw new UsoPaquete('paquete necesita exportar o importar.')
}
