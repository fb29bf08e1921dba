import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { actaArchivo } from '../../../../src/main/core/actas/documentos/archivo'
import { chromiumPdfPrinter } from '../../../../src/main/ports/pdf-chromium'
import { runCliProcess } from '../../../helpers/cli'
import { openTestApp, tempDir, type TestApp } from '../../../helpers/db'
import { docxText, libreOfficeConvert, pdfText } from '../../../helpers/office'
import { caller, conFirmantes, prevencionConMiembros } from '../../../helpers/sesiones'

/** The acta documents, read back by independent software (LibreOffice, pdftotext). */
let t: TestApp
const dir = tempDir()
const printer = chromiumPdfPrinter()
let aprobadaId = ''
let borradorId = ''
let hash = ''

beforeAll(async () => {
  t = await openTestApp({ printPdf: printer.print ?? undefined })
  const api = caller(t)
  const ctx = await prevencionConMiembros(t)
  const s1 = await api.ok('sesion:crear', {
    instanciaId: ctx.prevencion.id,
    tipo: 'ordinaria',
    fecha: '2014-03-12',
    horaInicio: '10:00',
    lugar: 'Sala de reuniones MININT',
    modalidad: 'presencial'
  })
  const d = await api.ok('sesion:obtener', { id: s1.id })
  for (const a of d.asistencia) {
    await api.ok('asistencia:marcar', {
      id: a.id,
      estado: a.nombre.startsWith('Diego') ? 'excusado' : 'presente',
      motivo: 'Licencia médica'
    })
  }
  await api.ok('punto:actualizar', {
    id: d.puntos[1]!.id,
    titulo: 'Cuenta',
    desarrollo: 'La coordinación informa el envío del oficio N° 123.'
  })
  await api.ok('acuerdo:crear', {
    sesionId: s1.id,
    texto: 'SERNAM enviará la propuesta de plan de capacitación.',
    institucionId: ctx.inst.get('SERNAM')!,
    personaId: null,
    plazo: '2014-04-30',
    accionId: ctx.accion('1.1.a').id
  })
  await api.ok('sesion:actualizar', {
    id: s1.id,
    fecha: '2014-03-12',
    horaInicio: '10:00',
    horaTermino: '12:15',
    lugar: 'Sala de reuniones MININT',
    modalidad: 'presencial',
    preside: 'Diego Fuentes Araya (MININT)',
    proximaFecha: '2014-06-11',
    proximaLugar: 'MININT'
  })
  const s2 = await api.ok('sesion:crear', {
    instanciaId: ctx.prevencion.id,
    tipo: 'ordinaria',
    fecha: '2014-06-11',
    modalidad: 'presencial'
  })
  // Diego, whom «Preside» names, is excused: someone present is chosen as having chaired.
  await conFirmantes(t, s1.id)
  await api.ok('sesion:cerrar', { id: s1.id })
  hash = (await api.ok('sesion:aprobar', { id: s1.id, enSesionId: s2.id, observaciones: '' })).hash!
  aprobadaId = s1.id
  borradorId = s2.id
})
afterAll(async () => {
  await printer.close()
  await t.close()
  dir.cleanup()
})

async function write(sesionId: string, formato: 'docx' | 'pdf'): Promise<string> {
  const a = await actaArchivo(t.app.db, sesionId, formato, printer.print)
  const file = path.join(dir.dir, a.nombre)
  fs.writeFileSync(file, a.data)
  return file
}

const fold = (s: string) => s.replace(/\s+/g, ' ')

describe('acta documents', () => {
  it('DOCX, read by LibreOffice, holds the header, attendees, excused, acuerdos and the hash', async () => {
    const file = await write(aprobadaId, 'docx')
    expect(path.basename(file)).toBe('acta-sesion-ordinaria-n-1-2014-subcomision-prevencion.docx')
    const text = fold(docxText(file))
    expect(text).toContain('ACTA SESIÓN ORDINARIA N° 1/2014')
    expect(text).toContain('Subcomisión Prevención')
    expect(text).toContain('miércoles, 12 de marzo de 2014')
    expect(text).toContain('Ana Rojas Soto')
    expect(text).toContain('Carlos Pérez Silva')
    expect(text).toMatch(/Diego Fuentes Araya MININT Licencia médica/)
    expect(text).toContain('La coordinación informa el envío del oficio N° 123.')
    expect(text).toMatch(
      /1 SERNAM enviará la propuesta de plan de capacitación\. SERNAM 30-04-2014 1\.1\.a/
    )
    expect(text).toContain('Acta aprobada en la Sesión Ordinaria N° 2/2014')
    expect(text).toContain('Anexo: hoja de asistencia')
    expect(text).not.toContain('BORRADOR')
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    // Headers and footers are not in LibreOffice's text export: read the hash from the PDF it makes.
    expect(fold(pdfText(libreOfficeConvert(file, 'pdf')))).toContain(hash)
  })

  it('a draft prints with BORRADOR', async () => {
    const text = fold(docxText(await write(borradorId, 'docx')))
    expect(text).toContain('ACTA SESIÓN ORDINARIA N° 2/2014 (BORRADOR)')
  })

  it.skipIf(!printer.print)(
    'PDF (Chromium) holds the same content and the hash in the footer',
    async () => {
      const file = await write(aprobadaId, 'pdf')
      expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-')
      const text = fold(pdfText(file))
      expect(text).toContain('ACTA SESIÓN ORDINARIA N° 1/2014')
      expect(text).toContain('Carlos Pérez Silva')
      // Table cells wrap in the PDF: check fragments that fit on one line of a cell.
      expect(text).toContain('SERNAM enviará la propuesta')
      expect(text).toContain('30-04-2014')
      expect(text).toContain(`Huella SHA-256 del acta: ${hash}`)
      expect(fold(pdfText(await write(borradorId, 'pdf')))).toContain('BORRADOR')
    }
  )

  it('the CLI writes the acta through a temporary name, leaving only the finished file', () => {
    const out = path.join(dir.dir, 'cli', 'acta.docx')
    fs.mkdirSync(path.dirname(out))
    t.app.handle.pragma('wal_checkpoint(TRUNCATE)')
    const r = runCliProcess([
      'acta',
      '--db',
      t.file,
      '--sesion',
      aprobadaId,
      '--format',
      'docx',
      '--out',
      out
    ])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(fs.readdirSync(path.dirname(out))).toEqual(['acta.docx'])
    expect(fold(docxText(out))).toContain('ACTA SESIÓN ORDINARIA N° 1/2014')
    const bad = runCliProcess([
      'acta',
      '--db',
      t.file,
      '--sesion',
      '01900000-0000-7000-8000-000000000000',
      '--format',
      'docx',
      '--out',
      out + '2'
    ])
    expect(bad.status).toBe(1)
    expect(bad.stderr).toMatch(/La sesión no existe/)
  })
})
