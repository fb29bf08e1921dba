import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { textoActa, contenidoActa } from '../../../../src/main/core/actas/contenido'
import type { ActaContenido } from '../../../../src/main/core/actas/contenido-tipo'
import {
  actasAlteradas,
  huella,
  leerSellado,
  MENSAJE_HUELLA
} from '../../../../src/main/core/actas/sello'
import { MENSAJE_SIN_PDF } from '../../../../src/main/core/export/documento'
import { runCli } from '../../../../src/main/cli/index'
import { MENSAJE_SEGUIDO } from '../../../../src/main/core/services/acta-guard'
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

const sellada = () =>
  t.app.db
    .selectFrom('sesiones')
    .selectAll()
    .where('id', '=', f.aprobada.sesion)
    .executeTakeFirstOrThrow()

describe('an approved acta keeps what it said', () => {
  it('when the acuerdo it followed up is edited, or the instancia renamed', async () => {
    const antes = leerSellado(await sellada())
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

  it('`cli check` passes a file whose sealed copies match', async () => {
    t.app.handle.pragma('wal_checkpoint(TRUNCATE)')
    const out: string[] = []
    expect(
      await runCli(
        ['check', '--db', t.file],
        (l) => out.push(l),
        (l) => out.push(l)
      )
    ).toBe(0)
    expect(out.join('\n')).not.toContain(MENSAJE_HUELLA)
  })

  it('a sealed copy altered outside the app is refused on print and reported by the check', async () => {
    expect(await actasAlteradas(t.app.db)).toEqual([])
    // Someone with the file drops the lock and edits the copy: the hash no longer matches.
    t.app.handle.exec('drop trigger sesiones_sellada_upd')
    t.app.handle
      .prepare(
        "update sesiones set contenido_aprobado = replace(contenido_aprobado, 'En diseño.', 'Terminado.') where id = ?"
      )
      .run(f.aprobada.sesion)
    expect(
      await api.call('acta:documento', { sesionId: f.aprobada.sesion, formato: 'docx' })
    ).toMatchObject({
      ok: false,
      error: { code: 'integridad', message: MENSAJE_HUELLA }
    })
    expect(await actasAlteradas(t.app.db)).toEqual([
      {
        sesionId: f.aprobada.sesion,
        titulo: expect.stringMatching(/^Sesión Ordinaria N° 2\/2014$/)
      }
    ])
  })

  it('a copy that matches its hash but is not an acta is refused too', async () => {
    t.app.handle.exec('drop trigger sesiones_sellada_upd')
    const texto = JSON.stringify({ sesion: { titulo: 'x' } })
    t.app.handle
      .prepare('update sesiones set contenido_aprobado = ?, hash = ? where id = ?')
      .run(texto, huella(texto), f.aprobada.sesion)
    expect(() =>
      leerSellado({ estado: 'aprobada', hash: huella(texto), contenido_aprobado: texto })
    ).toThrow(MENSAJE_HUELLA)
    expect(await actasAlteradas(t.app.db)).toHaveLength(1)
  })
})
