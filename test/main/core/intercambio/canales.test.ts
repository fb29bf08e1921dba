import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { dispatch } from '../../../../src/main/core/dispatch'
import { verificarArchivo } from '../../../../src/main/core/respaldos'
import { describirFila, presentar } from '../../../../src/main/core/intercambio/presentar'
import { nombrePaquete, nombreSeguro } from '../../../../src/main/core/intercambio/archivos'
import type { TestApp } from '../../../helpers/db'
import { instalaciones } from '../../../helpers/intercambio-canales'

// The exchange's channels (#16) over two databases seeded each on its own: names, partners,
// the preview as the screen reads it, the choice per conflict, the backup before writing.

const equipo = instalaciones()

const accion = (t: TestApp, codigo: string) =>
  t.app.handle.prepare('select * from acciones where codigo = ?').get(codigo) as {
    id: string
    texto: string
    objetivo_id: string
  }

async function editar(t: TestApp, codigo: string, texto: string): Promise<void> {
  const { accion: a } = await t.api['accion:obtener']({ id: accion(t, codigo).id })
  await t.api['accion:actualizar']({ ...a, texto })
}

const importar = (t: TestApp, p: { nombre: string; base64: string }, elecciones = []) =>
  dispatch(
    t.api,
    'paquete:importar',
    { archivo: p.nombre, paquete: p.base64, elecciones },
    () => {}
  )

describe('the exchange over the API', () => {
  it('names this installation, and refuses an empty name in Spanish', async () => {
    const a = await equipo('Notebook SERNAM – Javiera')
    expect(await a.api['instalacion:obtener'](undefined)).toMatchObject({
      nombre: 'Notebook SERNAM – Javiera'
    })
    const r = await dispatch(a.api, 'instalacion:renombrar', { nombre: '  ' }, () => {})
    expect(r).toMatchObject({ ok: false, error: { code: 'entrada_invalida' } })
    expect(!r.ok && r.error.message).toMatch(/nombre de esta instalación/)
  })

  it('a package for a new partner, then the partner listed with when each package went', async () => {
    const a = await equipo('Notebook SERNAM – Javiera')
    const b = await equipo('Notebook MININT – Coordinación')
    expect(await b.api['socio:listar'](undefined)).toEqual([])
    await editar(a, '1.1.a', 'Texto de la secretaria')
    const p = await a.api['paquete:generar']({ para: 'nuevo', nombre: 'Coordinación' })
    expect(p.nombre).toMatch(
      /^paquete-notebook-sernam-javiera-para-coordinacion-\d{8}-\d{4}\.mitp$/
    )
    expect(p.campos).toBeGreaterThan(100)
    const r = await importar(b, p)
    expect(r.ok).toBe(true)
    const [socio] = await b.api['socio:listar'](undefined)
    expect(socio).toMatchObject({ nombre: 'Notebook SERNAM – Javiera', ultimoEnvio: null })
    expect(socio!.ultimoRecibo).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    // Back to it: only what it has not seen (not the secretary's own edit), and when it went.
    const vuelta = await b.api['paquete:generar']({
      para: 'socio',
      socioId: socio!.id,
      todo: false
    })
    const completo = await b.api['paquete:generar']({
      para: 'socio',
      socioId: socio!.id,
      todo: true
    })
    expect(vuelta.campos).toBeLessThan(completo.campos)
    expect(vuelta.nombre).toMatch(/-para-notebook-sernam-javiera-/)
    const [despues] = await b.api['socio:listar'](undefined)
    expect(despues!.ultimoEnvio).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    // An id that is no partner is refused, not taken as a new partner's name.
    const otro = await dispatch(
      b.api,
      'paquete:generar',
      { para: 'socio', socioId: accion(b, '1.1.a').id, todo: false },
      () => {}
    )
    expect(otro).toMatchObject({ ok: false, error: { code: 'no_encontrado' } })
    expect(!otro.ok && otro.error.message).toMatch(/Nuevo socio \/ paquete completo/)
  })

  it('previews a conflict as read, keeps "mine" when chosen, after a verified backup', async () => {
    const a = await equipo('Notebook SERNAM – Javiera')
    const b = await equipo('Notebook MININT – Coordinación')
    await editar(a, '1.1.a', 'Texto de la secretaria')
    await editar(b, '1.1.a', 'Texto del coordinador')
    const p = await a.api['paquete:generar']({ para: 'nuevo', nombre: 'Coordinación' })
    const v = await b.api['paquete:previsualizar']({ archivo: p.nombre, paquete: p.base64 })
    expect(v.de.nombre).toBe('Notebook SERNAM – Javiera')
    expect(v.numeros).toEqual([])
    expect(v.conflictos).toHaveLength(1)
    const [c] = v.conflictos
    expect(c).toMatchObject({
      tabla: 'acciones',
      filaId: accion(b, '1.1.a').id,
      campo: 'texto',
      fila: '1.1.a Texto del coordinador',
      aqui: {
        valor: 'Texto del coordinador',
        instalacion: 'Notebook MININT – Coordinación (esta instalación)'
      },
      enPaquete: { valor: 'Texto de la secretaria', instalacion: 'Notebook SERNAM – Javiera' }
    })
    expect(c!.clave).toBe(`acciones:${c!.filaId}:texto`)
    expect(Date.parse(c!.aqui.en)).not.toBeNaN()
    // Without the choice nothing is written; with it, this side's text stays.
    const sin = await importar(b, p)
    expect(sin).toMatchObject({ ok: false, error: { code: 'entrada_invalida' } })
    expect(fs.existsSync(path.join(path.dirname(b.file), 'respaldos'))).toBe(false)
    const r = await dispatch(
      b.api,
      'paquete:importar',
      { archivo: p.nombre, paquete: p.base64, elecciones: [{ clave: c!.clave, eleccion: 'mio' }] },
      () => {}
    )
    expect(r.ok).toBe(true)
    expect(accion(b, '1.1.a').texto).toBe('Texto del coordinador')
    const respaldo = r.ok ? (r.value as { respaldo: string }).respaldo : ''
    expect(path.dirname(respaldo)).toBe(path.join(path.dirname(b.file), 'respaldos'))
    expect(path.basename(respaldo)).toMatch(/^secretaria-mitp-\d{8}-\d{6}-antes-de-paquete\.db$/)
    expect(verificarArchivo(respaldo).ok).toBe(true)
  })

  it('a refused package names the file the user chose, and changes nothing', async () => {
    const a = await equipo('Notebook SERNAM – Javiera')
    const r = await dispatch(
      a.api,
      'paquete:previsualizar',
      {
        archivo: 'C:\\Users\\ana\\pendrive\\acta.docx',
        paquete: Buffer.from('hola').toString('base64')
      },
      () => {}
    )
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'entrada_invalida',
        message: '«acta.docx» no es un paquete de Secretaría MITP.'
      }
    })
  })
})

describe('what the preview and the files are called', () => {
  it('a row by what a person recognises', () => {
    expect(describirFila('sesiones', { numero: 3, fecha: '2014-05-06' }, 'x')).toBe(
      'sesión N° 3 del 2014-05-06'
    )
    expect(describirFila('acuerdos', { numero: 2, texto: 'Enviar' }, 'x')).toBe(
      'acuerdo N° 2: Enviar'
    )
    expect(describirFila('instituciones', { sigla: 'OIM', nombre: 'Org.' }, 'x')).toBe('OIM Org.')
    expect(describirFila('metas', { texto: 'a'.repeat(100) }, 'x')).toHaveLength(80)
    expect(describirFila('miembros', {}, '0190abcd-0000')).toBe('fila 0190abcd')
    expect(describirFila('miembros', undefined, '0190abcd-0000')).toBe(
      'fila 0190abcd (no está aquí)'
    )
  })

  it('file names safe in any folder', () => {
    expect(nombreSeguro('C:\\x\\..\\paquete «1».mitp')).toBe('paquete -1-.mitp')
    expect(nombreSeguro('../../etc/passwd')).toBe('passwd')
    expect(nombreSeguro('...')).toBe('paquete.mitp')
    expect(nombrePaquete('Notebook Ñuñoa', 'Coordinación', new Date('2014-12-15T18:30:00Z'))).toBe(
      'paquete-notebook-nunoa-para-coordinacion-20141215-1830.mitp'
    )
  })

  it('a linked row by its name, not its id', async () => {
    const a = await equipo('A')
    const acc = accion(a, '1.1.a')
    const objetivo = a.app.handle
      .prepare('select codigo from objetivos where id = ?')
      .get(acc.objetivo_id) as { codigo: string }
    const v = await presentar(a.app.db, {
      de: { id: 'otra', nombre: 'B' },
      tablas: [],
      actasDistintas: [],
      numeros: [],
      conflictos: [
        {
          clave: `acciones:${acc.id}:objetivo_id`,
          tabla: 'acciones',
          filaId: acc.id,
          campo: 'objetivo_id',
          mio: {
            valor: acc.objetivo_id,
            sello: 's',
            instalacion: 'otra',
            en: '2014-01-01T00:00:00.000Z'
          },
          suyo: {
            valor: 'no-existe',
            sello: 's',
            instalacion: 'terceraX',
            en: '2014-01-01T00:00:00.000Z'
          }
        }
      ]
    })
    const [c] = v.conflictos
    expect(String(c!.aqui.valor)).toMatch(new RegExp(`^${objetivo.codigo.replace(/\./g, '\\.')} `))
    expect(c!.enPaquete.valor).toBe('una fila que trae el paquete')
    expect(c!.aqui.instalacion).toBe('B')
    expect(c!.enPaquete.instalacion).toBe('otra instalación (terceraX)')
  })
})
