import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { openAppDatabase, type AppDatabaseSqlite as AppDatabase } from '../../src/main/core/db/open'
import { createAppApi } from '../../src/main/core/api'
import type { ApiHandlers } from '../../src/shared/api/contract'
import { medir, percentiles, type Cifra } from './medir'
import { crearYAprobar, directo, idsDe, llamadasDeLectura, porPuente } from './llamadas'
import { pantallaSesiones, RENDERER, servidor, type Pantalla } from './pantallas'

// Everything measured on one database (a copy: the bench writes into it).

/** One workbook written or read in its own process: wall and CPU time, peak memory, size. */
export interface Libro {
  ms: number
  cpuMs: number
  rssMb: number
  bytes: number
  error?: string
}

export interface Medidas {
  tamano: number
  sesiones: number
  directo: Record<string, Cifra>
  puente: Record<string, Cifra>
  kysely: { que: string; kysely: Cifra; crudo: Cifra }[]
  abrir: { app: Cifra; desnudo: Cifra; primera: number }
  libros: Record<string, Libro>
  actaDocx: { ms: number; bytes: number }
  pantalla: Pantalla | null
}

const TSX = path.resolve(__dirname, '../../node_modules/.bin/tsx')

function hijo(modo: string, archivo: string, libro?: string) {
  const r = spawnSync(
    TSX,
    [path.join(__dirname, 'hijo.ts'), modo, archivo, ...(libro ? [libro] : [])],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 24
    }
  )
  const ultima = r.stdout.trim().split('\n').at(-1) ?? '{}'
  const v = JSON.parse(ultima) as Libro
  // A refusal (a workbook over the import's limits) is a result to print, not a crash.
  return v.error ? { ms: NaN, cpuMs: NaN, rssMb: NaN, bytes: 0, error: v.error } : v
}

async function abrir(archivo: string): Promise<Medidas['abrir']> {
  // The day's check is stamped in user_version: a cached file migrated today would skip it.
  const sinDia = new BetterSqlite3(archivo)
  sinDia.pragma('user_version = 0')
  sinDia.close()
  let t0 = performance.now()
  await (await openAppDatabase(archivo)).close()
  const primera = performance.now() - t0
  const app = await medir(async () => (await openAppDatabase(archivo)).close(), 15)
  const desnudo = await medir(() => new BetterSqlite3(archivo).close(), 15)
  t0 = performance.now()
  return { app, desnudo, primera }
}

async function kyselyVsCrudo(app: AppDatabase, ids: ReturnType<typeof idsDe>) {
  const consultas = [
    ['una sesión por id', app.db.selectFrom('sesiones').selectAll().where('id', '=', ids.reciente)],
    [
      'página de sesiones',
      app.db
        .selectFrom('sesiones as s')
        .innerJoin('instancias as i', 'i.id', 's.instancia_id')
        .selectAll('s')
        .select('i.nombre')
        .orderBy('s.fecha', 'desc')
        .orderBy('s.id', 'desc')
        .limit(100)
    ],
    [
      'asistencia de una sesión',
      app.db
        .selectFrom('asistencias')
        .selectAll()
        .where('sesion_id', '=', ids.reciente)
        .orderBy('orden')
    ]
  ] as const
  const out: Medidas['kysely'] = []
  for (const [que, q] of consultas) {
    const c = q.compile()
    const stmt = app.handle.prepare(c.sql)
    out.push({
      que,
      kysely: await medir(() => q.execute(), 300),
      crudo: await medir(() => stmt.all(...(c.parameters as unknown[])), 300)
    })
  }
  return out
}

async function llamadas(
  llamar: ReturnType<typeof directo>,
  ids: ReturnType<typeof idsDe>,
  desde: number
): Promise<Record<string, Cifra>> {
  const out: Record<string, Cifra> = {}
  for (const l of llamadasDeLectura(ids))
    out[l.nombre] = await medir(() => llamar(l.canal, l.entrada() as never), 40)
  const crear: number[] = []
  const aprobar: number[] = []
  const siguiente: number[] = []
  for (let i = 0; i < 15; i++) {
    const r = await crearYAprobar(llamar, ids, desde + i)
    crear.push(r.crear)
    aprobar.push(r.aprobar)
    siguiente.push(r.siguiente)
  }
  out['crear una sesión'] = percentiles(crear)
  out['aprobar un acta'] = percentiles(aprobar)
  // Through the bridge the core takes a backup after each approval (directly, none).
  out['abrir la sesión justo después de aprobarla'] = percentiles(siguiente)
  return out
}

async function actaMasLarga(api: ApiHandlers, ids: ReturnType<typeof idsDe>) {
  const t0 = performance.now()
  const d = await api['acta:documento']({ sesionId: ids.aprobadaMayor, formato: 'docx' })
  return { ms: performance.now() - t0, bytes: Math.round((d.base64.length * 3) / 4) }
}

export async function medirBase(
  original: string,
  conPantalla: boolean,
  aviso: (m: string) => void
): Promise<Medidas> {
  const dir = fs.mkdtempSync(path.join(path.dirname(original), 'medir-'))
  const archivo = path.join(dir, 'mitp.db')
  fs.copyFileSync(original, archivo)
  try {
    aviso('  abrir la base')
    const abrirM = await abrir(archivo)
    const app = await openAppDatabase(archivo)
    const api = createAppApi(app, { version: 'bench' })
    const ids = idsDe(app.handle)
    const sesiones = app.handle.prepare('select count(*) from sesiones').pluck().get() as number
    aviso('  llamadas directas')
    const d = await llamadas(directo(api), ids, 0)
    const kysely = await kyselyVsCrudo(app, ids)
    const actaDocx = await actaMasLarga(api, ids)
    await app.close()
    aviso('  llamadas por el puente HTTP')
    const s = await servidor(archivo, RENDERER, path.join(dir, 'respaldos'))
    let puente: Record<string, Cifra>
    let pantalla: Pantalla | null = null
    try {
      puente = await llamadas(porPuente(s.bridge.url, s.token), ids, 100)
      if (conPantalla) {
        aviso('  pantalla de sesiones en Chromium')
        pantalla = await pantallaSesiones(s)
      }
    } finally {
      await s.cerrar()
    }
    aviso('  libros (cada uno en su proceso)')
    const libros: Medidas['libros'] = {}
    for (const modo of ['desnudo', 'seguimiento', 'matriz']) libros[modo] = hijo(modo, archivo)
    libros['importar seguimiento'] = hijo('importar', archivo, `${archivo}.seguimiento.xlsx`)
    libros['importar matriz'] = hijo('importar', archivo, `${archivo}.matriz.xlsx`)
    return {
      tamano: fs.statSync(original).size,
      sesiones,
      directo: d,
      puente,
      kysely,
      abrir: abrirM,
      libros,
      actaDocx,
      pantalla
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
