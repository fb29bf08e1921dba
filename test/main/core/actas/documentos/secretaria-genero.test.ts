import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { actaArchivo } from '../../../../../src/main/core/actas/documentos/archivo'
import { actaDocumento } from '../../../../../src/main/core/actas/documentos/modelo'
import { contenidoActa, textoActa } from '../../../../../src/main/core/actas/contenido'
import { huella, revisarActas } from '../../../../../src/main/core/actas/sello'
import { openTestApp, type TestApp } from '../../../../helpers/db'
import { caller, prevencionConMiembros, sesionMarcada } from '../../../../helpers/sesiones'
import { docxPartes, docxParrafos, selladaComoAntes } from './fixture'

// When the secretaría de actas (SERNAM) is excused, the acta says who acted as secretary in
// agreement with that person's gender as their cargo shows it: "secretaria" for a Coordinadora,
// "secretario" for an Asesor, "secretario/a" when the cargo does not tell (Profesional). An acta
// approved before this rule prints for ever what it was sealed with, with its hash.

let t: TestApp
let ctx: Awaited<ReturnType<typeof prevencionConMiembros>>
let posterior = 0
beforeAll(async () => {
  t = await openTestApp()
  ctx = await prevencionConMiembros(t)
  const { ok } = caller(t)
  for (const [nombre, cargo, sigla] of [
    ['Elena Soto Vera', 'Coordinadora regional', 'PDI'],
    ['Matías Torres Flores', 'Asesor', 'MINTRAB'],
    ['Gonzalo Araya Díaz', 'Profesional', 'MINSALUD']
  ] as const) {
    const p = await ok('persona:crear', {
      nombre,
      cargo,
      institucionId: ctx.inst.get(sigla)!,
      correo: null,
      telefono: null
    })
    await ok('miembro:agregar', {
      instanciaId: ctx.prevencion.id,
      personaId: p.id,
      calidad: 'titular'
    })
  }
})
afterAll(() => t.close())

/** A session where Ana (SERNAM) is excused, MININT presides and `actuo` acted as secretary. */
async function conSubrogante(fecha: string, actuo: string) {
  const m = await sesionMarcada(
    t,
    fecha,
    { 'Ana Rojas Soto': 'excusado', 'Diego Fuentes Araya': 'presente', [actuo]: 'presente' },
    ctx
  )
  await caller(t).ok('asistencia:secretaria', { sesionId: m.sesionId, asistenciaId: m.fila(actuo) })
  return m.sesionId
}

/** Closes it and approves it in a later session of its own. */
async function aprobar(sesionId: string) {
  const { ok } = caller(t)
  await ok('sesion:cerrar', { id: sesionId })
  const en = await ok('sesion:crear', {
    instanciaId: ctx.prevencion.id,
    tipo: 'extraordinaria',
    fecha: `2015-01-${String(10 + posterior++).padStart(2, '0')}`,
    modalidad: 'remota'
  })
  return ok('sesion:aprobar', { id: sesionId, enSesionId: en.id, observaciones: '' })
}

/** What the acta says of who acted: the sentence, the signature's role and the header. */
async function dice(sesionId: string) {
  const d = await actaDocumento(t.app.db, sesionId)
  const docx = await docxParrafos((await actaArchivo(t.app.db, sesionId, 'docx', null)).data)
  return {
    subrogacion: d.subrogacion,
    rol: d.firmantes[1]!.rol,
    encabezado: d.secretariaActas,
    docx: docx.filter((p) => /secretari[oa]/.test(p) && /actuó|Actuó/.test(p))
  }
}

const EXCUSADA =
  'La secretaría de actas (Ana Rojas Soto, SERNAM) no asistió a esta sesión (excusada);'

describe('who acted as secretary, in agreement with their gender', () => {
  it('a woman (Coordinadora) acted as secretaria, in the draft and once approved', async () => {
    const id = await conSubrogante('2014-03-12', 'Elena Soto Vera')
    const esperado = {
      subrogacion: `${EXCUSADA} actuó como secretaria de actas Elena Soto Vera, Coordinadora regional, PDI.`,
      rol: 'Actuó como secretaria de actas',
      encabezado: 'SERNAM (actuó como secretaria de actas: Elena Soto Vera, PDI)'
    }
    expect(await dice(id)).toMatchObject(esperado)
    await aprobar(id)
    const aprobada = await dice(id)
    expect(aprobada).toMatchObject(esperado)
    // The DOCX says it in the header, the sentence and the signature; never "secretario/a".
    expect(aprobada.docx.join('\n')).toContain('actuó como secretaria de actas Elena Soto Vera')
    expect(aprobada.docx).toContain('Actuó como secretaria de actas')
    expect(aprobada.docx.join('\n')).not.toMatch(/secretario/)
  })

  it('a man (Asesor) acted as secretario', async () => {
    const id = await conSubrogante('2014-04-09', 'Matías Torres Flores')
    await aprobar(id)
    expect(await dice(id)).toMatchObject({
      subrogacion: `${EXCUSADA} actuó como secretario de actas Matías Torres Flores, Asesor, MINTRAB.`,
      rol: 'Actuó como secretario de actas',
      encabezado: 'SERNAM (actuó como secretario de actas: Matías Torres Flores, MINTRAB)'
    })
  })

  it('a cargo that does not tell (Profesional) keeps "secretario/a"', async () => {
    const id = await conSubrogante('2014-05-14', 'Gonzalo Araya Díaz')
    await aprobar(id)
    expect(await dice(id)).toMatchObject({
      subrogacion: `${EXCUSADA} actuó como secretario/a de actas Gonzalo Araya Díaz, Profesional, MINSALUD.`,
      rol: 'Actuó como secretario/a de actas',
      encabezado: 'SERNAM (actuó como secretario/a de actas: Gonzalo Araya Díaz, MINSALUD)'
    })
  })
})

/**
 * Elena (Coordinadora) acted as secretary, the session closed, and its acta sealed as another
 * version of the app would have: `genero` is what that version put in the sealed copy.
 */
async function selladaConGenero(fecha: string, fechaEn: string, genero?: 'masculino') {
  const id = await conSubrogante(fecha, 'Elena Soto Vera')
  await caller(t).ok('sesion:cerrar', { id })
  const en = await caller(t).ok('sesion:crear', {
    instanciaId: ctx.prevencion.id,
    tipo: 'ordinaria',
    fecha: fechaEn,
    modalidad: 'presencial'
  })
  const c = await contenidoActa(t.app.db, id)
  const { genero: leido, ...sub } = c.sesion.secretariaSubrogante!
  expect(leido).toBe('femenino')
  const sellado = genero ? { ...sub, genero } : sub
  const texto = textoActa({ ...c, sesion: { ...c.sesion, secretariaSubrogante: sellado } })
  selladaComoAntes(t, { id, enId: en.id, texto, secretaria: 'SERNAM' })
  return { id, texto }
}

describe('an acta approved before the rule', () => {
  it('prints "secretario/a" as it was sealed, keeps its hash and is not reported as changed', async () => {
    // Sealed as the previous version did: who acted, without their gender.
    const { id, texto } = await selladaConGenero('2014-06-11', '2014-07-09')
    expect(texto).not.toContain('genero')
    const antes = (await actaArchivo(t.app.db, id, 'docx', null)).data
    expect(await dice(id)).toMatchObject({
      subrogacion: `${EXCUSADA} actuó como secretario/a de actas Elena Soto Vera, Coordinadora regional, PDI.`,
      rol: 'Actuó como secretario/a de actas',
      encabezado: 'SERNAM (actuó como secretario/a de actas: Elena Soto Vera, PDI)'
    })
    const { sesion } = await caller(t).ok('sesion:obtener', { id })
    expect(sesion.hash).toBe(huella(texto))
    expect((await actaDocumento(t.app.db, id)).hash).toBe(huella(texto))
    // Its rows still say what was sealed: the review reports nothing.
    expect(await revisarActas(t.app.db)).toMatchObject({ alteradas: [], distintas: [] })
    expect(await docxPartes((await actaArchivo(t.app.db, id, 'docx', null)).data)).toEqual(
      await docxPartes(antes)
    )
  })

  it('sealed with a reading of the cargo the rule no longer makes: prints it and is not reported', async () => {
    // As a rule that read «Coordinadora regional» otherwise would have sealed it.
    const { id } = await selladaConGenero('2014-08-13', '2014-09-10', 'masculino')
    expect((await dice(id)).rol).toBe('Actuó como secretario de actas')
    expect(await revisarActas(t.app.db)).toMatchObject({ alteradas: [], distintas: [] })
  })
})
