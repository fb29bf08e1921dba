import path from 'node:path'
import type { AppDatabase } from '../core/db/open'
import { createAppApi } from '../core/api'
import { esperarTarea, llamador, type Llamar } from '../core/cliente'
import type { Logger } from '../core/dispatch'
import type { Input } from '../../shared/api/contract'
import type { PdfPrinter } from '../core/actas/documentos/archivo'
import { sembrarDemo } from '../core/seed/demo'
import { escribirSalida, leerEntrada } from './archivos-cli'
import { motivoDestinoProtegido } from '../core/destino-protegido'
import { AppError } from '../core/errors'
import { planText, toPlanJson } from './plan-json'
import { describirVista } from './vista-texto'
import { buscarCli } from './buscar'
import { entradaInforme, escribirInforme } from './informe'
import { paqueteCli, UsoPaquete } from './paquete'

export type Out = (s: string) => void
export type Values = {
  db?: string
  /** migrar: the target (a file or a server's URL); --desde is the source. */
  a?: string
  json?: boolean
  sesion?: string
  format?: string
  out?: string
  in?: string
  seguimiento?: boolean
  papel?: string
  'dry-run'?: boolean
  from?: string
  nuevo?: string
  desde?: string
  hasta?: string
  anio?: string
  periodo?: string
  /** paquete exportar: the partner's name, and everything rather than what it has not seen. */
  para?: string
  todo?: boolean
  /** paquete importar: 'mio' or 'suyo' for every conflict, or 'CLAVE=mio|suyo' for one. */
  elegir?: string[]
  /** The words after the command (buscar's text). */
  argumentos?: string[]
}

/** A command line the CLI cannot run: printed with the usage, exit code 2. */
export class UsageError extends Error {}

/** What a command on an opened database gets: the API as IPC and HTTP serve it. */
export interface Contexto {
  app: AppDatabase
  log: Logger
  /** The validated API (every call through `dispatch`); a PDF printer only where one is needed. */
  api: (printPdf?: PdfPrinter | null) => Llamar
}

export function contexto(app: AppDatabase, log: Logger): Contexto {
  return {
    app,
    log,
    api: (printPdf = null) => llamador(createAppApi(app, { version: 'cli', printPdf, log }), log)
  }
}

/** Runs a long task to its end and checks what it produced. */
async function tarea<T>(
  llamar: Llamar,
  inicio: Promise<{ tareaId: string }>,
  es: (r: unknown) => r is T
): Promise<T> {
  const r = await esperarTarea(llamar, (await inicio).tareaId)
  if (!es(r)) throw new AppError('interno', 'La tarea no devolvió lo esperado.')
  return r
}

const esDocumento = (r: unknown): r is { base64: string } =>
  typeof r === 'object' && r !== null && 'base64' in r
const esImportacion = (r: unknown): r is { planId: string } =>
  typeof r === 'object' && r !== null && 'planId' in r

async function importar(
  llamar: Llamar,
  input: Input<'matriz:importar'>
): Promise<{ planId: string }> {
  return tarea(llamar, llamar('matriz:importar', input), esImportacion)
}

/**
 * Refuses an --out that is the open database or one of SQLite's files beside it (by any name):
 * written there, the document would replace the data. Checked before anything is generated.
 */
export function salidaLibre(c: Contexto, out: string): void {
  const motivo = c.app.handle ? motivoDestinoProtegido(out, c.app.handle.name) : null
  if (motivo) throw new AppError('entrada_invalida', motivo)
}

export const COMMANDS: Record<string, (c: Contexto, v: Values, out: Out) => Promise<void>> = {
  plan: async (c, v, out) => {
    const llamar = c.api()
    const arbol = await llamar('plan:arbol', {})
    const json = toPlanJson(arbol, await llamar('institucion:listar', undefined))
    out(v.json ? JSON.stringify(json, null, 2) : planText(json))
  },
  acta: async (c, v, out) => {
    if (!v.sesion || !v.out || (v.format !== 'docx' && v.format !== 'pdf')) {
      throw new UsageError('acta necesita --sesion ID, --format docx|pdf y --out ARCHIVO.')
    }
    salidaLibre(c, v.out)
    const pdf = v.format === 'pdf' ? await impresoraChromium() : null
    try {
      const llamar = c.api(pdf?.print ?? null)
      const doc = await llamar('acta:documento', { sesionId: v.sesion, formato: v.format })
      escribirSalida(v.out, Buffer.from(doc.base64, 'base64'))
      out(`Acta escrita en ${path.resolve(v.out)}`)
    } finally {
      await pdf?.close()
    }
  },
  export: async (c, v, out) => {
    if (!v.out) throw new UsageError('export necesita --out LIBRO.xlsx.')
    salidaLibre(c, v.out)
    const llamar = c.api()
    // The paper chosen in Configuración, as the screens use it, unless --papel says otherwise.
    const papel = v.papel ?? (await llamar('config:obtener', undefined)).papel
    if (papel !== 'carta' && papel !== 'oficio' && papel !== 'a4')
      throw new UsageError('--papel debe ser carta, oficio o a4.')
    const inicio = llamar('matriz:exportar', { seguimiento: !!v.seguimiento, papel })
    const doc = await tarea(llamar, inicio, esDocumento)
    escribirSalida(v.out, Buffer.from(doc.base64, 'base64'))
    out(`Matriz escrita en ${path.resolve(v.out)}`)
  },
  import: async (c, v, out) => {
    if (!v.in) throw new UsageError('import necesita --in LIBRO.xlsx.')
    const base64 = leerEntrada(v.in, '.xlsx').toString('base64')
    const llamar = c.api()
    const plan = await llamar('plan:arbol', {}).catch(() => null)
    const planId = v.nuevo ? null : (plan?.plan.id ?? null)
    const vista = await llamar('matriz:previsualizar', { base64, planId })
    out(describirVista(vista))
    if (v['dry-run']) return out('Simulación (--dry-run): no se escribió nada.')
    if (v.nuevo) {
      if (!v.desde || !v.hasta) throw new UsageError('--nuevo necesita --desde y --hasta.')
      const r = await importar(llamar, {
        base64,
        destino: { modo: 'nuevo', nombre: v.nuevo, periodoDesde: v.desde, periodoHasta: v.hasta }
      })
      return out(`Plan nuevo creado (${r.planId}).`)
    }
    if (!plan) throw new AppError('no_encontrado', 'No hay un plan que actualizar; use --nuevo.')
    await importar(llamar, { base64, destino: { modo: 'actualizar', planId: plan.plan.id } })
    out(vista.sinCambios ? 'Sin cambios.' : 'Cambios aplicados.')
  },
  paquete: async (c, v, out) => {
    try {
      await paqueteCli(c.app, v, out)
    } catch (e) {
      throw e instanceof UsoPaquete ? new UsageError(e.message) : e
    }
  },
  buscar: async (c, v, out) => {
    const texto = (v.argumentos ?? []).join(' ')
    if (!texto.trim()) throw new UsageError('buscar necesita el texto a buscar.')
    await buscarCli(c.api(), texto, !!v.json, out)
  },
  informe: async (c, v, out) => {
    if (!v.anio || !v.out)
      throw new UsageError('informe necesita --anio AAAA y --out ARCHIVO.docx|.pdf.')
    const e = entradaInforme({ anio: v.anio, out: v.out, periodo: v.periodo })
    salidaLibre(c, e.out)
    await escribirInforme(c.api, e, impresoraChromium, out)
  },
  demo: async (c, _v, out) => {
    const r = await sembrarDemo(createAppApi(c.app, { version: 'cli', log: c.log }), c.log)
    out(
      `Datos de ejemplo: ${r.personas} personas, ${r.sesiones} sesiones, ${r.acuerdos} acuerdos en ${c.app.path}`
    )
  }
}

const SIN_CHROMIUM = 'Para PDF se necesita Chromium (/usr/bin/chromium o CHROMIUM_PATH).'

/** The CLI's PDF printer: Chromium through playwright-core, loaded only when a PDF is asked for. */
async function impresoraChromium(): Promise<{
  print: PdfPrinter
  close: () => Promise<void>
}> {
  const mod = await import('../ports/pdf-chromium').catch(() => null)
  const pdf = mod?.chromiumPdfPrinter()
  if (!pdf?.print) throw new AppError('conflicto', SIN_CHROMIUM)
  return { print: pdf.print, close: pdf.close }
}
