import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportarMatriz } from '../../../../src/main/core/matriz/exportar/exportar'
import {
  importarMatriz,
  previsualizarMatriz
} from '../../../../src/main/core/matriz/importar/importar'
import { planArbol } from '../../../../src/main/core/plan/plan.service'
import { dbSnapshot, openTestApp, sha256, type TestApp } from '../../../helpers/db'
import { opciones, sheetText } from './libro-exportado'

/**
 * Importing a matrix: export → import → export is a fixed point that touches no row; every change
 * is previewed before writing and then applied in one go (or as a new plan); a workbook that does
 * not fit is refused with sheet, row and column named and the database file left byte for byte;
 * emoji and long Word paragraphs survive, control characters are refused with a message.
 */
let t: TestApp
beforeAll(async () => (t = await openTestApp()))
afterAll(() => t.close())

describe('importing a matrix', () => {
  it('round trip: export → import → export gives the same plan and touches no row', async () => {
    const app = await openTestApp()
    try {
      const first = await exportarMatriz(app.app.db, opciones())
      const before = await dbSnapshot(app.app.db)
      const plan = await planArbol(app.app.db)
      const r = await importarMatriz(app.app.db, first.data, {
        modo: 'actualizar',
        planId: plan.plan.id
      })
      expect(r.vista.sinCambios).toBe(true)
      expect(await dbSnapshot(app.app.db)).toBe(before)
      const second = await exportarMatriz(app.app.db, opciones())
      const [a, b] = await Promise.all(
        [first.data, second.data].map(async (d) => {
          const wb = new ExcelJS.Workbook()
          await wb.xlsx.load(d as unknown as ArrayBuffer)
          return sheetText(wb.getWorksheet('Matriz')!)
        })
      )
      expect(b).toEqual(a)
    } finally {
      await app.close()
    }
  })

  it('previews every change before writing, then applies it in one go', async () => {
    const app = await openTestApp()
    try {
      const { data } = await exportarMatriz(app.app.db, opciones())
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(data as unknown as ArrayBuffer)
      const ws = wb.getWorksheet('Matriz')!
      ws.getCell('C4').value =
        '1.1.b. Elaborar y distribuir material informativo (texto revisado por el ministerio).'
      ws.getCell('D12').value =
        'Meta: Contar con una guía al segundo semestre de 2015.\nIndicador:\n• Documento validado y disponible para todos los integrantes de la mesa.'
      ws.unMergeCells('E18:E20')
      ws.getCell('E18').value = 'Mesa RAV\nCoordinador: SERNAM'
      ws.getCell('E19').value = 'Mesa RAV'
      ws.getCell('E20').value = 'Mesa RAV'
      ws.spliceRows(27, 1) // 4.2.d removed
      const edited = Buffer.from(await wb.xlsx.writeBuffer())
      const planId = (await planArbol(app.app.db)).plan.id
      const before = await dbSnapshot(app.app.db)
      const vista = await previsualizarMatriz(app.app.db, edited, planId)
      expect(await dbSnapshot(app.app.db)).toBe(before)
      expect(vista).toMatchObject({
        sinCambios: false,
        acciones: { agregadas: [], modificadas: ['1.1.b'], eliminadas: ['4.2.d'] },
        metasCambiadas: ['2.1.a'],
        responsablesCambiados: ['3.2.a']
      })
      await importarMatriz(app.app.db, edited, { modo: 'actualizar', planId })
      const after = await planArbol(app.app.db, planId)
      const acciones = after.ejes.flatMap((e) => e.objetivos.flatMap((o) => o.acciones))
      expect(acciones).toHaveLength(24)
      expect(acciones.find((a) => a.codigo === '1.1.b')!.texto).toBe(
        'Elaborar y distribuir material informativo (texto revisado por el ministerio).'
      )
      expect(acciones.find((a) => a.codigo === '2.1.a')!.metas).toMatchObject([
        { texto: 'Contar con una guía al segundo semestre de 2015.', plazo: '2015-12-31' }
      ])
      expect(await app.app.db.selectFrom('tombstones').select('tabla').execute()).toEqual([
        { tabla: 'acciones' }
      ])

      const nuevo = await importarMatriz(app.app.db, edited, {
        modo: 'nuevo',
        nombre: 'Plan de Acción 2015-2018',
        periodoDesde: '2015-01-01',
        periodoHasta: '2018-12-31'
      })
      const otro = await planArbol(app.app.db, nuevo.planId)
      expect(otro.plan.nombre).toBe('Plan de Acción 2015-2018')
      expect(otro.ejes.flatMap((e) => e.objetivos.flatMap((o) => o.acciones))).toHaveLength(24)
    } finally {
      await app.close()
    }
  })

  describe('refuses workbooks that do not fit, naming sheet, row and column, and writes nothing', () => {
    let base: Buffer
    let planId: string
    beforeAll(async () => {
      base = (await exportarMatriz(t.app.db, opciones())).data
      planId = (await planArbol(t.app.db)).plan.id
    })
    async function editado(edit: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(base as unknown as ArrayBuffer)
      edit(wb.getWorksheet('Matriz')!)
      return Buffer.from(await wb.xlsx.writeBuffer())
    }
    async function rechazo(data: Uint8Array): Promise<string> {
      t.app.handle.pragma('wal_checkpoint(TRUNCATE)')
      const before = sha256(t.file)
      const snap = await dbSnapshot(t.app.db)
      const error = await importarMatriz(t.app.db, data, { modo: 'actualizar', planId }).then(
        () => null,
        (e: Error) => e.message
      )
      expect(error).not.toBeNull()
      expect(await dbSnapshot(t.app.db)).toBe(snap)
      t.app.handle.pragma('wal_checkpoint(TRUNCATE)')
      expect(sha256(t.file)).toBe(before)
      return error!
    }

    it.each([
      [
        'wrong headers',
        (ws: ExcelJS.Worksheet) => (ws.getCell('D2').value = 'Metas'),
        'Hoja «Matriz», fila 2, columna D (D2): se esperaba el encabezado «Metas e Indicadores» y dice «Metas».'
      ],
      [
        'a missing code',
        (ws: ExcelJS.Worksheet) => (ws.getCell('C5').value = 'Generar un manual sin código.'),
        'Hoja «Matriz», fila 5, columna C (C5): la acción no tiene código (por ejemplo «1.1.a. Generar…»).'
      ],
      [
        'a duplicate code',
        (ws: ExcelJS.Worksheet) => (ws.getCell('C6').value = '1.1.c. Repetida.'),
        'Hoja «Matriz», fila 6, columna C (C6): el código 1.1.c está repetido (ya aparece en la fila 5).'
      ],
      [
        'an acción under no objetivo',
        (ws: ExcelJS.Worksheet) => {
          ws.unMergeCells('B3:B7')
          ws.getCell('B3').value = null
        },
        'Hoja «Matriz», fila 3, columna B (B3): la acción no está bajo ningún objetivo.'
      ]
    ])('%s', async (_name, edit, message) => {
      expect(await rechazo(await editado(edit))).toBe(`${message} No se modificó nada.`)
    })

    it('a file that is not a workbook', async () => {
      expect(
        await rechazo(
          fs.readFileSync(
            path.join(__dirname, '../../../../resources/seed/plan-de-accion-trata-de-personas.txt')
          )
        )
      ).toBe('El archivo no es un libro de Excel (.xlsx) válido. No se modificó nada.')
      expect(
        await rechazo(Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(1000, 7)]))
      ).toBe('El archivo no es un libro de Excel (.xlsx) válido. No se modificó nada.')
    })

    it('a 50 MB junk file, without reading it whole', async () => {
      const junk = Buffer.alloc(50 * 1024 * 1024, 0x41)
      expect(await rechazo(junk)).toBe(
        'El archivo pesa 50.0 MB; el máximo es 20 MB. No se modificó nada.'
      )
    })
  })

  it('keeps emoji and long paragraphs pasted from Word unchanged, and refuses control characters with a message', async () => {
    const app = await openTestApp()
    try {
      const plan = await planArbol(app.app.db)
      const largo =
        'Párrafo pegado desde Word con comillas “tipográficas”, guiones — y emoji 🙂🇨🇱. '
          .repeat(55)
          .trim()
      await app.app.db
        .updateTable('acciones')
        .set({ texto: largo })
        .where('codigo', '=', '1.1.a')
        .execute()
      const { data } = await exportarMatriz(app.app.db, opciones())
      await app.app.db
        .updateTable('acciones')
        .set({ texto: 'otro' })
        .where('codigo', '=', '1.1.a')
        .execute()
      await importarMatriz(app.app.db, data, { modo: 'actualizar', planId: plan.plan.id })
      const back = await app.app.db
        .selectFrom('acciones')
        .select('texto')
        .where('codigo', '=', '1.1.a')
        .executeTakeFirstOrThrow()
      expect(back.texto).toBe(largo)
      await app.app.db
        .updateTable('acciones')
        .set({ texto: 'Texto con campana \u0007 pegada' })
        .where('codigo', '=', '1.1.a')
        .execute()
      await expect(exportarMatriz(app.app.db, opciones())).rejects.toThrow(
        'La acción 1.1.a contiene caracteres de control que Excel no guarda; corríjalo antes de exportar.'
      )
    } finally {
      await app.close()
    }
  })
})
