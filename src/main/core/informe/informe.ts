import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { PdfPrinter } from '../actas'
import type { DocumentoGenerado } from '../../../shared/domain/tareas'
import type { FormatoInforme } from '../../../shared/informe/contract'
import { conflict } from '../errors'
import { revisarCancelacion, type ControlTarea } from '../tareas'
import { datosInforme } from './datos'
import { informeDocumento } from './modelo'

export const MENSAJE_SIN_PDF_INFORME =
  'Este equipo no tiene cómo generar el PDF (falta Chromium). Descargue el informe en DOCX.'

const MIME: Record<FormatoInforme, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf'
}

/** The annual report of a plan's year as a file, with progress and cancellable until written. */
export async function informeAnual(
  db: Kysely<Database>,
  f: { planId?: string | undefined; anio: number; formato: FormatoInforme },
  hoy: string,
  printPdf: PdfPrinter | null,
  control: Pick<ControlTarea, 'progreso' | 'signal'>
): Promise<DocumentoGenerado & { data: Uint8Array }> {
  // Refused before any work: nothing to print it with.
  if (f.formato === 'pdf' && !printPdf) throw conflict(MENSAJE_SIN_PDF_INFORME)
  control.progreso(0.05, 'Leyendo el plan y las sesiones del año')
  const datos = await datosInforme(db, f, hoy, control.signal)
  control.progreso(0.4, 'Dibujando los gráficos')
  const doc = informeDocumento(datos)
  revisarCancelacion(control.signal)
  control.progreso(0.6, f.formato === 'docx' ? 'Escribiendo el documento' : 'Imprimiendo el PDF')
  let data: Uint8Array
  if (f.formato === 'docx') {
    const { informeDocx } = await import('./docx')
    data = await informeDocx(doc, control.signal)
  } else {
    const { informeHtml, informePieHtml } = await import('./html')
    data = await printPdf!(informeHtml(doc), informePieHtml(doc))
  }
  revisarCancelacion(control.signal)
  return { nombre: `informe-anual-${f.anio}.${f.formato}`, mime: MIME[f.formato], base64: '', data }
}
