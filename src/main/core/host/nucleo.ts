import path from 'node:path'
import { Worker } from 'node:worker_threads'
import type { ApiResult } from '../../../shared/api/result'
import type { Evento } from '../../../shared/api/eventos'
import type { Logger } from '../dispatch'
import type { PdfPrinter } from '../actas'
import { DatabaseOpenError } from '../db/open'
import type { AlNucleo, DatosNucleo, DelNucleo } from './protocolo'
import { esPesado } from './rutas'
import { marcarEnUso } from '../en-uso'
import { AppError } from '../errors'
import { nuevoContadorEscrituras } from '../tareas'
import type { Descarga } from '../descargas'
import { describirDestino, type Destino } from '../db/destino'
import { servirBaseDatos, type EntornoBaseDatos } from '../base-datos/handlers'

/** The core as its hosts see it: calls in, results and events out; the database elsewhere. */
export interface Nucleo {
  readonly dbPath: string
  readonly schemaVersion: number
  readonly creado: boolean
  call(canal: string, entrada: unknown): Promise<ApiResult<unknown>>
  /** Subscribes to events; returns the unsubscribe. */
  alEvento(escucha: (evento: Evento) => void): () => void
  /** The file a call offered for download under `id`, once (descargas.ts); null otherwise. */
  descarga(id: string): Promise<Descarga | null>
  cerrar(): Promise<void>
}

export interface OpcionesNucleo {
  dbPath: string
  /** A server to open instead of the file at dbPath (#17); its password stays in memory. */
  servidor?: Extract<Destino, { tipo: 'postgres' }>
  /** Where this notebook keeps its user's profile when on a server (historial/perfil-local.ts). */
  perfilArchivo?: string | null
  /** Configuración → Base de datos compartida, served here (it needs no open database). */
  baseDatos?: EntornoBaseDatos
  version: string
  respaldosDir?: string | null
  nativeBinding?: string | null
  /** How this host prints PDFs; null where it cannot. */
  printPdf: PdfPrinter | null
  log: Logger
  /** The worker's bundle: the app's build, or the bridge's development build. */
  workerFile: string
}

const DETENIDO = {
  ok: false as const,
  error: {
    code: 'interno' as const,
    message: 'El servicio de datos se detuvo. Cierre y vuelva a abrir la aplicación.'
  }
}

function crearWorker(opciones: OpcionesNucleo, datos: DatosNucleo): Worker {
  return new Worker(opciones.workerFile, { workerData: datos })
}

/** One worker over the database: its calls, its events, its PDF port. */
interface Hilo {
  call(canal: string, entrada: unknown): Promise<ApiResult<unknown>>
  descarga(id: string): Promise<Descarga | null>
  cerrar(): Promise<void>
  schemaVersion: number
  creado: boolean
}

/**
 * Starts the core in worker threads over the database file and waits until it is open: one for
 * everyday calls, one for heavy ones (rutas.ts). An unopenable file rejects with the same
 * DatabaseOpenError opening it in-process would give.
 */
export async function iniciarNucleo(opciones: OpcionesNucleo): Promise<Nucleo> {
  const { servidor } = opciones
  const dbPath = servidor ? describirDestino(servidor) : path.resolve(opciones.dbPath)
  // A server's backups are IT's (pg_dump): the app takes none of it.
  const respaldos = servidor ? null : (opciones.respaldosDir ?? null)
  const datos: DatosNucleo = {
    dbPath,
    destino: servidor ?? { tipo: 'sqlite', archivo: dbPath },
    version: opciones.version,
    respaldosDir: respaldos,
    respaldosManuales: respaldos,
    perfilArchivo: servidor ? (opciones.perfilArchivo ?? null) : null,
    conPdf: opciones.printPdf !== null,
    nativeBinding: opciones.nativeBinding ?? null,
    rol: 'diario',
    escrituras: nuevoContadorEscrituras()
  }
  const escuchas = new Set<(e: Evento) => void>()
  const emitir = (e: Evento): void => escuchas.forEach((f) => f(e))
  // While open, the file is marked as in use: a restore refuses to replace it under us.
  const soltarUso = servidor ? () => {} : enUso(datos.dbPath)
  let diario: Hilo
  let pesado: Hilo
  try {
    // The first opens (migrates, seeds, takes the daily backup); the second finds it ready.
    diario = await supervisado(opciones, datos, emitir)
    pesado = await supervisado(
      opciones,
      { ...datos, respaldosDir: null, rol: 'pesado' },
      emitir
    ).catch(async (e: unknown) => {
      await diario.cerrar()
      throw e
    })
  } catch (e) {
    soltarUso()
    throw e
  }
  const servir = opciones.baseDatos ? servirBaseDatos(opciones.baseDatos, opciones.log) : null
  return {
    dbPath: datos.dbPath,
    schemaVersion: diario.schemaVersion,
    creado: diario.creado,
    call: (canal, entrada) =>
      servir?.(canal, entrada) ?? (esPesado(canal) ? pesado : diario).call(canal, entrada),
    alEvento: (escucha) => {
      escuchas.add(escucha)
      return () => escuchas.delete(escucha)
    },
    // Offered by the thread that served the call: the heavy one («Respaldar ahora» is `pesado`).
    descarga: async (id) => (await pesado.descarga(id)) ?? (await diario.descarga(id)),
    cerrar: async () => {
      await Promise.all([pesado.cerrar(), diario.cerrar()])
      soltarUso()
    }
  }
}

/** The in-use mark, or the restore under way as the same kind of refusal opening gives. */
function enUso(dbPath: string): () => void {
  try {
    return marcarEnUso(dbPath)
  } catch (e) {
    throw e instanceof AppError ? new DatabaseOpenError('en_uso', e.message) : e
  }
}

const MAX_REINICIOS = 3

/**
 * A thread that is started again if it dies (a crash in a native module, say): calls in flight
 * get the Spanish "se detuvo" answer, later calls go to the new thread. After a few restarts it
 * gives up and every call gets that answer: never a call left without one.
 */
async function supervisado(
  opciones: OpcionesNucleo,
  datos: DatosNucleo,
  emitir: (e: Evento) => void
): Promise<Hilo> {
  let reinicios = 0
  let cerrando = false
  const arrancar = (): Promise<Hilo | null> =>
    iniciarHilo(opciones, datos, emitir, () => {
      if (cerrando) return
      opciones.log(`el hilo del núcleo terminó; reinicio ${reinicios + 1} de ${MAX_REINICIOS}`)
      actual = ++reinicios <= MAX_REINICIOS ? arrancar().catch(() => null) : Promise.resolve(null)
    })
  let actual: Promise<Hilo | null> = arrancar()
  const primero = (await actual)!
  return {
    schemaVersion: primero.schemaVersion,
    creado: primero.creado,
    call: async (canal, entrada) => (await actual)?.call(canal, entrada) ?? DETENIDO,
    descarga: async (id) => (await actual)?.descarga(id) ?? null,
    cerrar: async () => {
      cerrando = true
      await (await actual)?.cerrar()
    }
  }
}

/** The answer to the call or download `seq`, to whoever waits for it. */
function responderA<T>(esperando: Map<number, (v: T) => void>, seq: number, valor: T): void {
  esperando.get(seq)?.(valor)
  esperando.delete(seq)
}

/** The thread is gone: every call and download still waiting gets `valor`. */
function responderATodos<T>(esperando: Map<number, (v: T) => void>, valor: T): void {
  for (const responder of esperando.values()) responder(valor)
  esperando.clear()
}

/** The PDF the core asked for, printed by the host (Chromium) and sent back. */
async function imprimir(
  opciones: OpcionesNucleo,
  enviar: (m: AlNucleo) => void,
  { seq, html, pie }: { seq: number; html: string; pie: string }
): Promise<void> {
  try {
    const pdf = await opciones.printPdf!(html, pie)
    enviar({ tipo: 'pdf-listo', seq, pdf })
  } catch (e) {
    enviar({ tipo: 'pdf-fallo', seq, mensaje: e instanceof Error ? e.message : String(e) })
  }
}

function iniciarHilo(
  opciones: OpcionesNucleo,
  datos: DatosNucleo,
  emitir: (e: Evento) => void,
  alMorir: () => void
): Promise<Hilo> {
  const worker = crearWorker(opciones, datos)
  const pendientes = new Map<number, (r: ApiResult<unknown>) => void>()
  const descargas = new Map<number, (d: Descarga | null) => void>()
  let seq = 0
  let vivo = true
  let cerrado: (() => void) | null = null
  const enviar = (m: AlNucleo): void => worker.postMessage(m)

  return new Promise((listo, falla) => {
    worker.on('message', (m: DelNucleo) => {
      switch (m.tipo) {
        case 'listo':
          return listo(hilo(m.schemaVersion, m.creado))
        case 'fallo':
          return falla(
            m.razon === 'interno' ? new Error(m.mensaje) : new DatabaseOpenError(m.razon, m.mensaje)
          )
        case 'resultado':
          return responderA(pendientes, m.seq, m.resultado)
        case 'descarga':
          return responderA(descargas, m.seq, m.descarga)
        case 'evento':
          return emitir(m.evento)
        case 'pdf':
          return void imprimir(opciones, enviar, m)
        case 'log':
          return opciones.log(m.mensaje, m.error ?? undefined)
        case 'cerrado':
          return cerrado?.()
      }
    })
    worker.on('error', (e) => {
      opciones.log('el núcleo se detuvo', e)
      falla(e)
    })
    worker.on('exit', (codigo) => {
      vivo = false
      responderATodos(pendientes, DETENIDO)
      responderATodos(descargas, null)
      if (cerrado) return cerrado()
      opciones.log(`el hilo del núcleo terminó (código ${codigo})`)
      alMorir()
    })
  })

  function hilo(schemaVersion: number, creado: boolean): Hilo {
    return {
      schemaVersion,
      creado,
      call: (canal, entrada) =>
        new Promise((responder) => {
          if (!vivo) return responder(DETENIDO)
          const s = ++seq
          pendientes.set(s, responder)
          enviar({ tipo: 'llamada', seq: s, canal, entrada })
        }),
      descarga: (id) =>
        new Promise((responder) => {
          if (!vivo) return responder(null)
          const s = ++seq
          descargas.set(s, responder)
          enviar({ tipo: 'descarga', seq: s, id })
        }),
      cerrar: () =>
        new Promise<void>((hecho) => {
          if (!vivo) return hecho()
          cerrado = hecho
          enviar({ tipo: 'cerrar' })
        })
    }
  }
}
