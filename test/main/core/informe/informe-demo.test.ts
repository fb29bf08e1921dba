import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoAl, filas } from '../../../helpers/demo-hoy'
import { tempDir, type TestApp } from '../../../helpers/db'
import { esperarTarea } from '../../../helpers/mundo'
import { libreOfficeConvertAll, primeraPaginaPng } from '../../../helpers/office'
import { ROOT } from '../../../helpers/cli'
import { datosInforme } from '../../../../src/main/core/informe/datos'
import {
  filasDe,
  imagenesDocx,
  leerConLibreOffice,
  type DocumentoLeido,
  type Png
} from '../../../helpers/informe-leido'

// The annual report of the demo year (`cli demo`), read back by LibreOffice: every number in
// its tables is computed here again, by SQL of its own from the rows, and compared.

const CORTE = '2014-12-31'
const ETIQUETA: Record<string, string> = {
  cumplida: 'Cumplida',
  en_curso: 'En curso',
  atrasada: 'Atrasada',
  no_iniciada: 'No iniciada',
  pendiente: 'Pendiente',
  cumplido: 'Cumplido',
  vencido: 'Vencido'
}
const num = (n: number): string => n.toLocaleString('es-CL', { maximumFractionDigits: 1 })
const pct = (n: number | null): string => (n === null ? '—' : `${num(n)} %`)
const fecha = (iso: string | null): string => (iso ? iso.split('-').reverse().join('-') : '—')
const uno = (x: number): number => Math.round(x * 10) / 10

let t: TestApp
let doc: DocumentoLeido
let pngs: Png[]
let archivo: string
const dir = tempDir()

interface Accion {
  id: string
  codigo: string
  eje: string
  instancia: string | null
  estado: string | null
  pct: number | null
  fecha: string | null
}

/** Each acción in plan order with its latest approved report up to `corte` (a window, not a limit). */
const acciones = (corte = CORTE): Accion[] =>
  filas<Accion>(
    t,
    `select a.id, a.codigo, e.codigo || '. ' || e.nombre as eje, i.nombre as instancia,
       r.estado, r.porcentaje as pct, r.fecha
     from acciones a join objetivos o on o.id = a.objetivo_id join ejes e on e.id = o.eje_id
     left join instancias i on i.id = a.instancia_id
     left join (select v.accion_id, v.estado, v.porcentaje, s.fecha,
         row_number() over (partition by v.accion_id order by s.fecha desc, s.created_at desc) n
       from avances v join sesiones s on s.id = v.sesion_id
       where s.estado = 'aprobada' and s.fecha <= ?) r on r.accion_id = a.id and r.n = 1
     order by e.orden, o.orden, a.orden`,
    corte
  )

/** Each acción's row of the report: instancia, estado, % and date. */
const filasAccion = (corte = CORTE): string[][] =>
  acciones(corte).map((a) => [
    a.instancia ?? 'Sin instancia',
    a.estado ? ETIQUETA[a.estado]! : 'Sin reporte aprobado',
    pct(a.pct),
    fecha(a.fecha)
  ])

/** The summary rows, grouped here in JavaScript. */
function resumen(por: (a: Accion) => string): string[][] {
  const grupos = new Map<string, Accion[]>()
  for (const a of acciones()) grupos.set(por(a), [...(grupos.get(por(a)) ?? []), a])
  return [...grupos].map(([nombre, as]) => {
    const n = (e: string | null) => String(as.filter((a) => a.estado === e).length)
    const con = as.filter((a) => a.pct !== null)
    const media = con.length ? uno(con.reduce((s, a) => s + a.pct!, 0) / con.length) : null
    const estados = ['cumplida', 'en_curso', 'atrasada', 'no_iniciada'].map(n)
    return [nombre, String(as.length), ...estados, n(null), pct(media)]
  })
}

beforeAll(async () => {
  t = await demoAl('2015-01-15')
  // Targets on some indicadores, so the report has something to hold values against.
  t.app.handle.exec(`update indicadores set meta_valor = 12 where tipo = 'conteo';
    update indicadores set meta_valor = 80 where tipo = 'porcentaje';`)
  const { tareaId } = await t.api['informe:exportar']({ anio: 2014, formato: 'docx' })
  const tarea = await esperarTarea(t.api, tareaId)
  expect(tarea.estado, tarea.detalle).toBe('lista')
  const r = tarea.resultado as { nombre: string; base64: string }
  expect(r.nombre).toBe('informe-anual-2014.docx')
  archivo = path.join(dir.dir, r.nombre)
  fs.writeFileSync(archivo, Buffer.from(r.base64, 'base64'))
  doc = leerConLibreOffice(archivo)
  pngs = await imagenesDocx(archivo)
}, 300_000)

afterAll(async () => {
  await t.close()
  dir.cleanup()
})

const ESTADOS = ['Cumplida', 'En curso', 'Atrasada', 'No iniciada', 'Sin reporte aprobado']
const RESUMEN = ['Acciones', ...ESTADOS, 'Avance promedio']

describe('the annual report of the demo year, read back by LibreOffice', () => {
  it('names every eje, objetivo and acción of the plan', () => {
    const ejes = filas<{ codigo: string; nombre: string }>(t, 'select codigo, nombre from ejes')
    expect(ejes.length).toBeGreaterThan(0)
    for (const e of ejes) expect(doc.texto).toContain(`Eje ${e.codigo}. ${e.nombre}`)
    for (const o of filas<{ codigo: string }>(t, 'select codigo from objetivos'))
      expect(doc.texto).toContain(`Objetivo ${o.codigo}.`)
    for (const a of acciones()) expect(doc.texto).toContain(`Acción ${a.codigo}.`)
  })

  it('counts the acciones by estado and averages their % per eje and per instancia', () => {
    expect(filasDe(doc, ['Eje', ...RESUMEN])).toEqual(resumen((a) => a.eje))
    const porInstancia = filasDe(doc, ['Instancia', ...RESUMEN])
    expect(porInstancia.sort()).toEqual(resumen((a) => a.instancia ?? 'Sin instancia').sort())
  })

  it("gives each acción's estado, % and date of its latest approved report", () => {
    expect(filasDe(doc, ['Instancia', 'Estado', 'Avance', 'Informado el'])).toEqual(filasAccion())
  })

  it('counts, within the year itself, only the reports up to today', async () => {
    // On 1 April 2014 the June sessions have not been held: their reports are not counted.
    const d = await datosInforme(t.app.db, { anio: 2014 }, '2014-04-01')
    expect(d.corte).toBe('2014-04-01')
    const enAbril = d.ejes.flatMap((e) =>
      e.objetivos.flatMap((o) =>
        o.acciones.map((a) => [
          a.instancia,
          a.estado ? ETIQUETA[a.estado]! : 'Sin reporte aprobado',
          pct(a.porcentaje),
          fecha(a.fechaReporte)
        ])
      )
    )
    expect(enAbril).toEqual(filasAccion('2014-04-01'))
    expect(enAbril).not.toEqual(filasAccion())
    expect(d.sesiones.every((s) => s.fecha <= '2014-04-01')).toBe(true)
  })

  it("gives each indicador's latest approved value against its target", () => {
    const esperado = filas<{
      texto: string
      tipo: string
      meta: number | null
      valor: number | null
      num: number | null
      den: number | null
      fecha: string | null
    }>(
      t,
      `select i.texto, i.tipo, i.meta_valor as meta, m.valor, m.numerador as num,
         m.denominador as den, m.fecha
       from indicadores i join acciones a on a.id = i.accion_id
       join objetivos o on o.id = a.objetivo_id join ejes e on e.id = o.eje_id
       left join (select x.indicador_id, x.valor, x.numerador, x.denominador, s.fecha,
           row_number() over (partition by x.indicador_id order by s.fecha desc, s.created_at desc) n
         from mediciones x join sesiones s on s.id = x.sesion_id
         where s.estado = 'aprobada' and s.fecha <= ?) m on m.indicador_id = i.id and m.n = 1
       order by e.orden, o.orden, a.orden, i.orden`,
      CORTE
    ).map((r) => {
      const v = r.tipo === 'porcentaje' ? (r.den ? uno((r.num! / r.den) * 100) : null) : r.valor
      return [
        r.texto,
        v === null ? '—' : num(v),
        r.meta === null ? '—' : num(r.meta),
        fecha(r.fecha)
      ]
    })
    expect(esperado.some((f) => f[2] !== '—')).toBe(true)
    expect(filasDe(doc, ['Indicador', 'Último valor', 'Meta', 'Medido el'])).toEqual(esperado)
  })

  it('lists the acuerdos about each acción taken in the year, with their situación at 31-12', () => {
    const esperado = filas<{
      tipo: string
      numero: number
      n: number
      texto: string
      plazo: string | null
      estado: string | null
    }>(
      t,
      `select s.tipo, s.numero, ac.numero as n, ac.texto, ac.plazo, (
         select estado from (select sg.estado, row_number() over (
             order by s2.fecha desc, sg.created_at desc) k
           from seguimientos sg join sesiones s2 on s2.id = sg.sesion_id
           where sg.acuerdo_id = ac.id and s2.fecha <= ?) where k = 1) as estado
       from acuerdos ac join acciones a on a.id = ac.accion_id
       join objetivos o on o.id = a.objetivo_id join ejes e on e.id = o.eje_id
       join sesiones s on s.id = ac.sesion_id
       where s.fecha between '2014-01-01' and ?
       order by e.orden, o.orden, a.orden, s.fecha, s.created_at, ac.numero`,
      CORTE,
      CORTE
    ).map((r) => {
      const estado = r.estado ?? 'pendiente'
      const vencido = estado !== 'cumplido' && r.plazo !== null && r.plazo < CORTE
      const tipo = r.tipo === 'ordinaria' ? 'Ordinaria' : 'Extraordinaria'
      return [
        `Sesión ${tipo} N° ${r.numero}/2014`,
        String(r.n),
        r.texto,
        fecha(r.plazo),
        ETIQUETA[vencido ? 'vencido' : estado]
      ]
    })
    expect(esperado.length).toBeGreaterThan(0)
    expect(filasDe(doc, ['Sesión', 'N°', 'Acuerdo', 'Plazo', 'Situación'])).toEqual(esperado)
  })

  it('counts the sessions held and the attendance of each institución over the year', () => {
    const ses = filas<{ estado: string }>(
      t,
      `select estado from sesiones where fecha between '2014-01-01' and ?`,
      CORTE
    )
    const aprobadas = ses.filter((s) => s.estado === 'aprobada').length
    expect(doc.texto).toContain(
      `Sesiones realizadas en 2014: ${ses.length} (${aprobadas} con acta aprobada).`
    )
    const cols = ['Sesión', 'Instancia', 'Fecha', 'Acta', 'Instituciones presentes']
    expect(filasDe(doc, cols)).toHaveLength(ses.length)
    const asis = filas<{ institucion: string; sesion_id: string; estado: string }>(
      t,
      `select x.institucion, x.sesion_id, x.estado from asistencias x
       join sesiones s on s.id = x.sesion_id
       where x.calidad <> 'invitado' and s.fecha between '2014-01-01' and ?`,
      CORTE
    )
    const por = new Map<string, { c: Set<string>; p: Set<string> }>()
    for (const r of asis) {
      const g = por.get(r.institucion) ?? { c: new Set(), p: new Set() }
      g.c.add(r.sesion_id)
      if (r.estado === 'presente') g.p.add(r.sesion_id)
      por.set(r.institucion, g)
    }
    const esperado = [...por].map(([i, g]) => [
      i,
      String(g.c.size),
      String(g.p.size),
      pct(uno((g.p.size / g.c.size) * 100))
    ])
    expect(esperado.length).toBeGreaterThan(3)
    const cols2 = ['Institución', 'Sesiones convocada', 'Sesiones con asistencia', 'Asistencia']
    expect(filasDe(doc, cols2).sort()).toEqual(esperado.sort())
  })

  it('carries its two charts as valid PNG pictures that LibreOffice shows', () => {
    expect(pngs).toHaveLength(2)
    for (const p of pngs) {
      expect(p.valido, p.ruta).toBe(true)
      // Drawn at twice the 640-pixel SVG width; a chart is taller than a line and not endless.
      expect(p.ancho).toBe(1280)
      expect(p.alto).toBeGreaterThan(150)
      expect(p.alto).toBeLessThan(4000)
      expect(p.bytes).toBeGreaterThan(5000)
    }
    // LibreOffice sees both and writes each out as a picture of its own.
    expect(doc.imagenes).toBe(2)
    expect(doc.archivosImagen).toHaveLength(2)
  })

  it("gives the README its picture of the report's first page, as LibreOffice prints it", () => {
    const [pdf] = libreOfficeConvertAll([archivo], 'pdf', dir.dir)
    const png = primeraPaginaPng(pdf!, path.join(ROOT, 'docs', 'informe'))
    expect(fs.statSync(png).size).toBeGreaterThan(10_000)
  }, 120_000)
})
