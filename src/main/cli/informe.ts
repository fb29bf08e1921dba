import fs from 'node:fs'
import path from 'node:path'
import { esperarTarea, type Llamar } from '../core/cliente'
import type { PdfPrinter } from '../core/actas'
import { writeFileAtomic } from '../core/files'
import { AppError } from '../core/errors'
import { ANIO_MAXIMO, ANIO_MINIMO, idSchema } from '../../shared/api/campos'
import { MENSAJE_ANIO } from '../../shared/informe/contract'

/** The command line's year and format, checked before the database is opened. */
export function entradaInforme(v: { anio: string; out: string; periodo?: string | undefined }): {
  anio: number
  formato: 'docx' | 'pdf'
  out: string
  planId?: string
} {
  const anio = Number(v.anio)
  if (!/^\d{4}$/.test(v.anio) || anio < ANIO_MINIMO || anio > ANIO_MAXIMO)
    throw new AppError('entrada_invalida', `${MENSAJE_ANIO} (Se recibió "${v.anio}".)`)
  if (v.periodo !== undefined && !idSchema.safeParse(v.periodo).success)
    throw new AppError(
      'entrada_invalida',
      `--periodo debe ser el identificador de un plan (se recibió "${v.periodo}"); "plan --db ARCHIVO --json" lo muestra.`
    )
  const ext = path.extname(v.out).toLowerCase()
  if (ext !== '.docx' && ext !== '.pdf')
    throw new AppError(
      'entrada_invalida',
      `No se puede escribir un informe "${ext || 'sin extensión'}": --out debe terminar en .docx o .pdf.`
    )
  if (fs.statSync(v.out, { throwIfNoEntry: false })?.isDirectory())
    throw new AppError(
      'entrada_invalida',
      `"${v.out}" es una carpeta: --out debe ser un archivo .docx o .pdf (por ejemplo ${path.join(v.out, `informe-${anio}.docx`)}).`
    )
  return {
    anio,
    formato: ext === '.docx' ? 'docx' : 'pdf',
    out: v.out,
    ...(v.periodo ? { planId: v.periodo } : {})
  }
}

/** Writes the annual report: under a temporary name, renamed once whole. */
export async function escribirInforme(
  api: (printPdf?: PdfPrinter | null) => Llamar,
  e: ReturnType<typeof entradaInforme>,
  impresora: () => Promise<{ print: PdfPrinter; close: () => Promise<void> }>,
  out: (s: string) => void
): Promise<void> {
  const pdf = e.formato === 'pdf' ? await impresora() : null
  try {
    const llamar = api(pdf?.print ?? null)
    const { tareaId } = await llamar('informe:exportar', {
      anio: e.anio,
      formato: e.formato,
      ...(e.planId ? { planId: e.planId } : {})
    })
    const r = await esperarTarea(llamar, tareaId)
    if (!r || !('base64' in r)) throw new AppError('interno', 'La tarea no devolvió el informe.')
    writeFileAtomic(e.out, Buffer.from(r.base64, 'base64'))
    out(`Informe anual ${e.anio} escrito en ${path.resolve(e.out)}`)
  } finally {
    await pdf?.close()
  }
}
