import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { actaArchivo } from '../../../../../src/main/core/actas/documentos/archivo'
import { contenidoActa, textoActa } from '../../../../../src/main/core/actas/contenido'
import { revisarActas } from '../../../../../src/main/core/actas/sello'
import { openTestApp, tempDir, type TestApp } from '../../../../helpers/db'
import { libreOfficeConvert, pdfText } from '../../../../helpers/office'
import { caller, prevencionConMiembros } from '../../../../helpers/sesiones'
import { docxPartes, docxParrafos, firmaDocx, selladaComoAntes } from './fixture'

// The acta's «Preside» line and its signature name the same person: once who chaired is chosen
// (Asistencia, «Presidió la sesión»), the header is that person; the text typed in «Preside» is
// printed only while nobody is chosen. An approved acta prints what it was sealed with, for ever.

const ESCRITO = 'Diego Fuentes Araya (MININT)'
let t: TestApp
let api: ReturnType<typeof caller>
let ctx: Awaited<ReturnType<typeof prevencionConMiembros>>
const dir = tempDir()

beforeAll(async () => {
  t = await openTestApp()
  api = caller(t)
  ctx = await prevencionConMiembros(t)
})
afterAll(async () => {
  await t.close()
  dir.cleanup()
})

/** A session of Prevención with everyone present, «Preside» typed, and who chaired chosen. */
async function sesion(fecha: string, preside: string | null) {
  const s = await api.ok('sesion:crear', {
    instanciaId: ctx.prevencion.id,
    tipo: 'ordinaria',
    fecha,
    modalidad: 'presencial'
  })
  const { asistencia } = await api.ok('sesion:obtener', { id: s.id })
  for (const a of asistencia)
    await api.ok('asistencia:marcar', { id: a.id, estado: 'presente', motivo: '' })
  await api.ok('sesion:actualizar', {
    id: s.id,
    fecha,
    horaInicio: '10:00',
    horaTermino: '12:00',
    lugar: 'MININT',
    modalidad: 'presencial',
    preside: ESCRITO,
    proximaFecha: null,
    proximaLugar: ''
  })
  const fila = (nombre: string) => asistencia.find((a) => a.nombre === nombre)!.id
  const presidir = (nombre: string | null) =>
    api.ok('asistencia:presidente', {
      sesionId: s.id,
      asistenciaId: nombre === null ? null : fila(nombre)
    })
  await presidir(preside)
  return { id: s.id, presidir }
}

const docx = async (sesionId: string) => (await actaArchivo(t.app.db, sesionId, 'docx', null)).data
const encabezado = async (sesionId: string) =>
  (await docxParrafos(await docx(sesionId))).filter((p) => p.startsWith('Preside: '))

describe('«Preside» in the acta', () => {
  it('in a draft follows who was chosen as having chaired, the typed text only while nobody is', async () => {
    const s = await sesion('2014-03-12', 'Carlos Pérez Silva')
    expect(await encabezado(s.id)).toEqual(['Preside: Carlos Pérez Silva, Profesional, PDI'])
    // The header and the signature name the same person.
    expect(firmaDocx(await docxParrafos(await docx(s.id)), 'Preside').slice(1)).toEqual([
      'Carlos Pérez Silva',
      'Profesional',
      'PDI'
    ])
    await s.presidir('Ana Rojas Soto')
    expect(await encabezado(s.id)).toEqual(['Preside: Ana Rojas Soto, Profesional, SERNAM'])
    // On paper too: the DOCX printed by LibreOffice.
    const file = path.join(dir.dir, 'borrador.docx')
    fs.writeFileSync(file, await docx(s.id))
    const texto = pdfText(libreOfficeConvert(file, 'pdf')).replace(/\s+/g, ' ')
    expect(texto).toContain('Preside: Ana Rojas Soto, Profesional, SERNAM')
    expect(texto).not.toContain(ESCRITO)
    await s.presidir(null)
    expect(await encabezado(s.id)).toEqual([`Preside: ${ESCRITO}`])
  })

  it('in an approved acta stays as sealed: same document, same hash, after its people change', async () => {
    const s = await sesion('2014-04-09', 'Carlos Pérez Silva')
    const en = await sesion('2014-05-14', null)
    await api.ok('sesion:cerrar', { id: s.id })
    const { hash } = await api.ok('sesion:aprobar', {
      id: s.id,
      enSesionId: en.id,
      observaciones: ''
    })
    const antes = await docx(s.id)
    expect(await encabezado(s.id)).toEqual(['Preside: Carlos Pérez Silva, Profesional, PDI'])
    const carlos = ctx.personas.find((p) => p.nombre === 'Carlos Pérez Silva')!
    await api.ok('persona:actualizar', {
      id: carlos.id,
      nombre: 'Carlos Andrés Pérez Silva',
      cargo: 'Comisario',
      institucionId: carlos.institucionId,
      correo: null,
      telefono: null
    })
    expect(await docxPartes(await docx(s.id))).toEqual(await docxPartes(antes))
    expect((await api.ok('sesion:obtener', { id: s.id })).sesion.hash).toBe(hash)
    expect(await revisarActas(t.app.db)).toMatchObject({ alteradas: [], distintas: [] })
  })

  it('in an acta sealed before «Preside» followed the choice: prints the typed text it was sealed with', async () => {
    const s = await sesion('2014-06-11', 'Berta Díaz Muñoz')
    const en = await sesion('2014-07-09', null)
    await api.ok('sesion:cerrar', { id: s.id })
    // Sealed as the previous version did (the row's typed «Preside», with who chaired chosen).
    const c = await contenidoActa(t.app.db, s.id)
    const texto = textoActa({ ...c, sesion: { ...c.sesion, preside: ESCRITO } })
    selladaComoAntes(t, { id: s.id, enId: en.id, texto, secretaria: '' })
    const antes = await docx(s.id)
    expect(await encabezado(s.id)).toEqual([`Preside: ${ESCRITO}`])
    expect(firmaDocx(await docxParrafos(antes), 'Preside')[1]).toBe('Berta Díaz Muñoz')
    // Its rows still say what was sealed: the review does not report it as changed.
    expect(await revisarActas(t.app.db)).toMatchObject({ alteradas: [], distintas: [] })
    expect(await docxPartes(await docx(s.id))).toEqual(await docxPartes(antes))
  })
})
