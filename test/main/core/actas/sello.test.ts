import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { textoActa, contenidoActa } from '../../../../src/main/core/actas/contenido'
import type { ActaContenido } from '../../../../src/main/core/actas/contenido-tipo'
import { huella, leerSellado } from '../../../../src/main/core/actas/sello'
import { actaDocumento } from '../../../../src/main/core/actas/documentos/modelo'
import { MENSAJE_SIN_PDF } from '../../../../src/main/core/actas/documentos/archivo'
import { MENSAJE_SEGUIDO } from '../../../../src/main/core/sesiones/acta-guard'
import { openTestApp, type TestApp } from '../../../helpers/db'
import { caller } from '../../../helpers/sesiones'
import { actaAprobada, type ActaAprobadaFixture } from '../../../helpers/acta-aprobada'

/** A fixed acta: its hash is part of every printed approved acta, so it must never drift. */
const FIJA: ActaContenido = {
  sesion: {
    titulo: 'Sesión Ordinaria N° 1/2014',
    instancia: 'Subcomisión Prevención',
    fecha: '2014-03-12',
    horaInicio: '10:00',
    horaTermino: '12:30',
    lugar: 'Agustinas 1235, Santiago',
    modalidad: 'presencial',
    preside: 'Ana Rojas Soto',
    proximaFecha: '2014-04-09',
    proximaLugar: 'MININT',
    secretariaActas: 'SERNAM'
  },
  asistencia: [
    {
      nombre: 'Ana Rojas Soto',
      cargo: 'Profesional',
      institucion: 'SERNAM',
      calidad: 'titular',
      estado: 'presente',
      motivo: ''
    }
  ],
  puntos: [{ titulo: 'Cuenta', desarrollo: 'Se da cuenta de la correspondencia. ñandú 🙂' }],
  avances: [{ accion: '1.2.b', estado: 'en_curso', porcentaje: 40, reporte: 'En diseño.' }],
  mediciones: [],
  acuerdos: [
    { numero: 1, texto: 'Enviar la propuesta.', responsable: 'PDI', plazo: null, accion: null }
  ],
  seguimientos: []
}

describe('the hash of an acta', () => {
  it('is a known value for fixed content (SHA-256 of its JSON text, UTF-8)', () => {
    expect(huella(textoActa(FIJA))).toBe(
      'd098f145cbd309aeaa123deb931e4d74036a94f2ced5cfcf9729693e617fc043'
    )
  })

  it('changes when one character changes', () => {
    const otra = structuredClone(FIJA)
    otra.puntos[0]!.desarrollo = otra.puntos[0]!.desarrollo.replace('ñ', 'n')
    expect(huella(textoActa(otra))).not.toBe(huella(textoActa(FIJA)))
  })
})

let t: TestApp
let f: ActaAprobadaFixture
let api: ReturnType<typeof caller>
beforeEach(async () => {
  t = await openTestApp()
  api = caller(t)
  f = await actaAprobada(t)
})
afterEach(() => t.close())

/** What the approved acta's documents print (DOCX and PDF share it), less the letterhead. */
const impreso = async () => {
  const { encabezado: _e, logo: _l, ...doc } = await actaDocumento(t.app.db, f.aprobada.sesion)
  return doc
}

const sellada = () =>
  t.app.db
    .selectFrom('sesiones')
    .selectAll()
    .where('id', '=', f.aprobada.sesion)
    .executeTakeFirstOrThrow()

describe('an approved acta keeps what it said', () => {
  it('when the acuerdo it followed up is edited, or the instancia renamed', async () => {
    const antes = leerSellado(await sellada())
    const docAntes = await impreso()
    expect(antes.seguimientos[0]!.texto).toBe('Enviar la propuesta de capacitación.')
    await api.ok('acuerdo:actualizar', {
      id: f.s1.acuerdo,
      texto: 'Texto cambiado después.',
      institucionId: null,
      personaId: null,
      plazo: null,
      accionId: null
    })
    const instancia = (await api.ok('instancia:listar', undefined)).find(
      (i) => i.id === f.instanciaId
    )!
    await api.ok('instancia:actualizar', { ...instancia, nombre: 'Otro nombre' })
    // The live rows say something else now; the sealed copy does not.
    expect((await contenidoActa(t.app.db, f.aprobada.sesion)).sesion.instancia).toBe('Otro nombre')
    expect(leerSellado(await sellada())).toEqual(antes)
    expect(antes.sesion.instancia).not.toBe('Otro nombre')
    // And the document says so: the printed acta is the one approved.
    expect(await impreso()).toEqual(docAntes)
  })

  it('when the session it was approved in is edited, or the secretary changes', async () => {
    const docAntes = await impreso()
    expect(docAntes.aprobacion).toBe(
      'Acta aprobada en la Sesión Ordinaria N°\u00a03/2014, sin observaciones.'
    )
    // The approving session cannot move before the acta it approved...
    const b = (await api.ok('sesion:obtener', { id: f.borrador.sesion })).sesion
    const datos = {
      id: b.id,
      horaInicio: b.horaInicio,
      horaTermino: b.horaTermino,
      lugar: b.lugar,
      modalidad: b.modalidad,
      preside: b.preside,
      proximaFecha: b.proximaFecha,
      proximaLugar: b.proximaLugar
    }
    expect(await api.call('sesion:actualizar', { ...datos, fecha: '2013-01-05' })).toMatchObject({
      ok: false,
      error: { code: 'conflicto', fields: { fecha: expect.any(String) } }
    })
    // ...nor to another year: the acta printed its number and year (#12 review).
    expect(await api.call('sesion:actualizar', { ...datos, fecha: '2015-01-20' })).toMatchObject({
      ok: false,
      error: { code: 'conflicto', message: expect.stringMatching(/N° 3\/2014/) }
    })
    expect((await api.ok('sesion:obtener', { id: b.id })).sesion.titulo).toBe(
      'Sesión Ordinaria N° 3/2014'
    )
    const instancia = (await api.ok('instancia:listar', undefined)).find(
      (i) => i.id === f.instanciaId
    )!
    await api.ok('instancia:actualizar', { ...instancia, secretariaActas: 'Otra persona' })
    expect(await impreso()).toEqual(docAntes)
  })

  it('refuses to delete a draft session or an acuerdo it followed up', async () => {
    expect(await api.call('sesion:eliminar', { id: f.s1.sesion })).toMatchObject({
      ok: false,
      error: { code: 'conflicto', message: MENSAJE_SEGUIDO }
    })
    expect(await api.call('acuerdo:eliminar', { id: f.s1.acuerdo })).toMatchObject({
      ok: false,
      error: { code: 'conflicto', message: MENSAJE_SEGUIDO }
    })
    expect(leerSellado(await sellada()).seguimientos).toHaveLength(1)
  })

  it('without a PDF printer, asking for a PDF is a Spanish refusal, not an internal error', async () => {
    expect(
      await api.call('acta:documento', { sesionId: f.aprobada.sesion, formato: 'pdf' })
    ).toMatchObject({ ok: false, error: { code: 'conflicto', message: MENSAJE_SIN_PDF } })
  })
})
