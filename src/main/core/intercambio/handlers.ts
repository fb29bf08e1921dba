import fs from 'node:fs'
import path from 'node:path'
import type { Handlers } from '../../../shared/api/contract'
import type { intercambioMetodos } from '../../../shared/intercambio/contract'
import type { CoreContext } from '../contexto'
import { AppError } from '../errors'
import { dialectoDe } from '../db/dialecto'
import { rotarRespaldos } from '../respaldos'
import { exportar, importar, vistaPrevia } from './intercambio.service'
import { presentar } from './presentar'
import { destinoRespaldo, enCarpetaTemporal, escribirRecibido, nombrePaquete } from './archivos'

// The exchange over the API (#16). A package goes out as a download (in the app, the shell asks
// where to save it and refuses the live database, window.ts) and comes in as the bytes of the
// file the user picked: the same in the app and over the HTTP bridge.

const sinSocio = (): AppError =>
  new AppError(
    'no_encontrado',
    'Ese socio no está en la lista de esta instalación. Elija uno de la lista o «Nuevo socio / paquete completo».'
  )

const porClave = (
  elecciones: readonly { clave: string; eleccion: 'mio' | 'suyo' }[]
): Record<string, 'mio' | 'suyo'> =>
  Object.fromEntries(elecciones.map((e) => [e.clave, e.eleccion]))

export function intercambioHandlers({
  db,
  env,
  aSolas
}: CoreContext): Handlers<typeof intercambioMetodos> {
  const yo = () => db.selectFrom('instalacion').select(['id', 'nombre']).executeTakeFirstOrThrow()
  // Exporting and previewing never back up; only an import writes.
  const sinRespaldo = { db, respaldar: () => Promise.resolve() }
  return {
    'instalacion:obtener': yo,
    'instalacion:renombrar': async (i) => {
      await db.updateTable('instalacion').set({ nombre: i.nombre }).execute()
      return yo()
    },
    'socio:listar': async () =>
      (
        await db
          .selectFrom('socios')
          .select(['instalacion_id', 'nombre', 'ultimo_envio', 'ultimo_recibo'])
          .orderBy('nombre')
          .execute()
      ).map((s) => ({
        id: s.instalacion_id,
        nombre: s.nombre,
        ultimoEnvio: s.ultimo_envio,
        ultimoRecibo: s.ultimo_recibo
      })),
    'paquete:generar': async (i) => {
      const socio =
        i.para === 'socio'
          ? await db
              .selectFrom('socios')
              .select(['instalacion_id', 'nombre'])
              .where('instalacion_id', '=', i.socioId)
              .executeTakeFirst()
          : null
      if (i.para === 'socio' && !socio) throw sinSocio()
      // A new partner is named (its id comes with its first package back) and gets everything.
      const nombre = socio ? socio.nombre : i.para === 'nuevo' ? i.nombre : ''
      const todo = i.para === 'nuevo' || i.todo
      const archivo = nombrePaquete((await yo()).nombre, nombre, env.reloj())
      return enCarpetaTemporal(async (dir) => {
        const ruta = path.join(dir, archivo)
        const r = await exportar(sinRespaldo, socio?.instalacion_id ?? nombre, ruta, todo)
        return {
          nombre: archivo,
          mime: 'application/octet-stream',
          base64: fs.readFileSync(ruta).toString('base64'),
          campos: r.campos
        }
      })
    },
    'paquete:previsualizar': (i) =>
      enCarpetaTemporal(async (dir) => {
        const ruta = escribirRecibido(dir, i.archivo, i.paquete)
        return presentar(db, await vistaPrevia(sinRespaldo, ruta, porClave(i.elecciones ?? [])))
      }),
    'paquete:importar': (i) =>
      enCarpetaTemporal(async (dir) => {
        let respaldo = ''
        const respaldar = async (): Promise<void> => {
          // A server's backups are IT's (pg_dump, README); the import is one transaction there.
          if (dialectoDe(db) === 'postgres') return
          const destino = destinoRespaldo(env.info().dbPath, env.reloj())
          // Holding the connection: the backup never copies half of another call's transaction.
          await aSolas(() => env.respaldar(destino))
          rotarRespaldos(path.dirname(destino))
          respaldo = destino
        }
        const ruta = escribirRecibido(dir, i.archivo, i.paquete)
        const hecho = await importar({ db, respaldar }, ruta, porClave(i.elecciones))
        return { ...(await presentar(db, hecho)), respaldo }
      })
  }
}
