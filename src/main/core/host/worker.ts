import { randomUUID } from 'node:crypto'
import { parentPort, workerData } from 'node:worker_threads'
import { DatabaseOpenError, type AppDatabase } from '../db/open'
import { abrirBase } from '../db/abrir'
import { createAppApi } from '../api'
import { dispatch, type Logger } from '../dispatch'
import {
  atenderRespaldo,
  mensajeRespaldoDiarioFallido,
  respaldarEnOtroHilo,
  respaldoAparte,
  respaldosTerminados,
  type PedidoRespaldo
} from '../respaldo-aparte'
import type { PdfPrinter } from '../actas'
import type { AlNucleo, DatosNucleo, DelNucleo } from './protocolo'
import type { AvisoRespaldo, Evento } from '../../../shared/api/eventos'
import { BUSY_DIARIO_MS, crearEspera } from './espera'
import { compartirContadorEscrituras } from '../tareas'
import { esLectura, isChannel } from '../../../shared/api/channels'
import { atenderLectura, leerEnOtroHilo } from '../matriz/importar/lector'
import { soltarDescargas, tomarDescarga } from '../descargas'

/**
 * The core's thread: owns the database and serves every contract call sent by its host (the
 * Electron main process, the bridge, tests), so a long query or import never stalls the host.
 * What only the host can do (printing a PDF) is asked back through a message.
 */
const datos = workerData as DatosNucleo
const puerto = parentPort!
const enviar = (m: DelNucleo): void => puerto.postMessage(m)

const log: Logger = (mensaje, error) =>
  enviar({
    tipo: 'log',
    mensaje,
    error:
      error === undefined
        ? null
        : error instanceof Error
          ? (error.stack ?? error.message)
          : String(error)
  })

const pdfs = new Map<number, { ok: (pdf: Uint8Array) => void; mal: (e: Error) => void }>()
let seqPdf = 0
const printPdf: PdfPrinter | null = datos.conPdf
  ? (html, pie) =>
      new Promise((ok, mal) => {
        const seq = ++seqPdf
        pdfs.set(seq, { ok, mal })
        enviar({ tipo: 'pdf', seq, html, pie })
      })
  : null

async function abrir(): Promise<AppDatabase | null> {
  try {
    return await abrirBase(datos.destino, {
      respaldosDir: datos.respaldosDir ?? undefined,
      nativeBinding: datos.nativeBinding ?? undefined
    })
  } catch (error) {
    log('no se pudo abrir la base de datos', error)
    enviar(
      error instanceof DatabaseOpenError
        ? { tipo: 'fallo', razon: error.reason, mensaje: error.message }
        : { tipo: 'fallo', razon: 'interno', mensaje: String(error) }
    )
    return null
  }
}

async function main(): Promise<void> {
  compartirContadorEscrituras(datos.escrituras)
  const app = await abrir()
  if (!app) return puerto.close()
  // Backups read through a connection of their own, in a thread of their own: no call waits.
  // A failed backup is told to the pages listening now and kept for those that open later
  // (the window opens after the daily backup has started): each once, by its id; forgotten
  // once a later backup is written (it holds what the failed one missed).
  const avisos: AvisoRespaldo[] = []
  const respaldo = async (motivo: 'diario' | 'aprobacion'): Promise<unknown> => {
    if (!datos.respaldosDir) return
    const hecho = await respaldoAparte({
      dbPath: datos.dbPath,
      dir: datos.respaldosDir,
      motivo,
      nativeBinding: datos.nativeBinding
    })
    if (hecho) avisos.splice(0)
    return hecho
  }
  const alEvento = (evento: Evento): void => {
    if (evento.tipo === 'respaldo_fallido') {
      evento = { ...evento, id: evento.id ?? randomUUID() }
      avisos.push(evento)
    }
    enviar({ tipo: 'evento', evento })
  }
  const api = createAppApi(app, {
    version: datos.version,
    printPdf,
    log,
    // A failure reaches the core, which logs it and tells the pages (the approval stands).
    alAprobar: () => respaldo('aprobacion'),
    alEvento,
    avisos: () => [...avisos],
    respaldosDir: datos.respaldosManuales,
    perfilArchivo: datos.perfilArchivo
  })
  // A server waits for its own locks: only a SQLite file's writer lock needs the gate.
  if (app.dialecto === 'sqlite') {
    if (datos.rol === 'diario') app.handle.pragma(`busy_timeout = ${BUSY_DIARIO_MS}`)
    conEspera = crearEspera(app.handle)
  }
  puerto.on('message', (m: AlNucleo) => {
    const p = atender(m, app, api)
    if (m.tipo !== 'llamada') return
    enCurso.add(p)
    void p.finally(() => enCurso.delete(p))
  })
  enviar({ tipo: 'listo', schemaVersion: app.schemaVersion, creado: app.created })
  // Its own connection reads only what is committed, never the middle of a transaction.
  void respaldo('diario').catch((e: unknown) => {
    log('respaldo diario fallido', e)
    alEvento({ tipo: 'respaldo_fallido', diario: true, mensaje: mensajeRespaldoDiarioFallido(e) })
  })
}

// The calls being served: closing lets them finish (and take the backups they ask for) first.
const enCurso = new Set<Promise<void>>()

// Set once the database is open: calls that met the other thread's write lock wait here.
let conEspera: ReturnType<typeof crearEspera> = (_lee, llamar) => llamar()

async function atender(
  m: AlNucleo,
  app: AppDatabase,
  api: ReturnType<typeof createAppApi>
): Promise<void> {
  switch (m.tipo) {
    case 'llamada':
      return enviar({
        tipo: 'resultado',
        seq: m.seq,
        resultado: await conEspera(isChannel(m.canal) && esLectura(m.canal), () =>
          dispatch(api, m.canal, m.entrada, log)
        )
      })
    case 'pdf-listo':
      pdfs.get(m.seq)?.ok(m.pdf)
      pdfs.delete(m.seq)
      return
    case 'pdf-fallo':
      pdfs.get(m.seq)?.mal(new Error(m.mensaje))
      pdfs.delete(m.seq)
      return
    case 'descarga':
      // The host streams the file «Respaldar ahora» registered here (descargas.ts).
      return enviar({ tipo: 'descarga', seq: m.seq, descarga: tomarDescarga(m.id) })
    case 'cerrar':
      // Where backups are taken, the calls under way and every backup queued (an approval's,
      // even one approved while closing waits) finish or fail before the file is let go; a
      // thread that hangs is left after a while. The heavy thread does not wait for its calls.
      if (!(await respaldosTerminados(() => (datos.respaldosDir ? [...enCurso] : []))))
        log('cierre sin esperar más: un respaldo o una llamada no terminó a tiempo')
      soltarDescargas()
      await app.close()
      enviar({ tipo: 'cerrado' })
      puerto.close()
  }
}

// The same bundle also runs the thread that reads one workbook for an import (lector.ts).
// And the thread that takes one backup (respaldo-aparte.ts).
const rol = (workerData as { rol?: string }).rol
if (rol === 'lector') {
  puerto.once('message', (data: Uint8Array) => {
    void atenderLectura(data).then((r) => puerto.postMessage(r))
  })
} else if (rol === 'respaldo') {
  const { pedido } = workerData as { pedido: PedidoRespaldo }
  void atenderRespaldo(pedido).then((r) => puerto.postMessage(r))
} else {
  leerEnOtroHilo(__filename)
  respaldarEnOtroHilo(__filename)
  void main()
}
