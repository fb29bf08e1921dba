import path from 'node:path'
import { exportar, importar, vistaPrevia, type VistaPrevia } from '../core/intercambio'
import { respaldar } from '../core/respaldos'
import type { AppDatabase } from '../core/db/open'
import type { Out, Values } from './comandos'

// `paquete exportar|importar` (#16): the laptop-to-laptop exchange from a terminal. Importing
// prints the preview first; with --dry-run nothing else happens.

export class UsoPaquete extends Error {}

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
      `  Conflicto en ${c.tabla} ${c.filaId}, campo ${c.campo}: aquí ${JSON.stringify(c.mio.valor)} (${c.mio.en}), allá ${JSON.stringify(c.suyo.valor)} (${c.suyo.en}).`
    )
  }
  for (const a of v.actasDistintas) {
    l.push(
      `  El acta aprobada de la sesión ${a.sesionId} difiere (huellas distintas); se conserva la de aquí.`
    )
  }
  return l.join('\n')
}

export async function paqueteCli(app: AppDatabase, v: Values, out: Out): Promise<void> {
  const [accion] = v.argumentos ?? []
  const deps = {
    db: app.db,
    handle: app.handle,
    respaldar: async () => {
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
    out(describir(await vistaPrevia(deps, path.resolve(v.in))))
    if (v['dry-run']) return out('Simulación (--dry-run): no se escribió nada.')
    await importar(deps, path.resolve(v.in))
    return out('Paquete importado.')
  }
  throw new UsoPaquete('paquete necesita exportar o importar.')
}
