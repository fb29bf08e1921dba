import { expect, it } from 'vitest'
import { demoAl } from './demo-hoy'
import { filas } from './consulta'
import type { TestApp } from './db'

// What the annual report of the demo year must say, computed by SQL of its own from the rows
// (windows where the core uses subqueries), and the checks both readings of it run: the
// document read back by LibreOffice, and the core's blocks in process (for mutation testing).

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

const ESTADOS = ['Cumplida', 'En curso', 'Atrasada', 'No iniciada', 'Sin reporte aprobado']
const RESUMEN = ['Acciones', ...ESTADOS, 'Avance promedio']
/** Each table of the report by its header. */
export const COLUMNAS = {
  porEje: ['Eje', ...RESUMEN],
  porInstancia: ['Instancia', ...RESUMEN],
  accion: ['Instancia', 'Estado', 'Avance', 'Informado el'],
  indicador: ['Indicador', 'Último valor', 'Meta', 'Medido el'],
  acuerdo: ['Sesión', 'N°', 'Acuerdo', 'Plazo', 'Situación'],
  sesion: ['Sesión', 'Instancia', 'Fecha', 'Acta', 'Instituciones presentes'],
  asistencia: ['Institución', 'Sesiones convocada', 'Sesiones con asistencia', 'Asistencia']
}

/** The `cli demo` data on `hoy`, with targets on some indicadores to hold values against. */
export async function demoConMetas(hoy: string): Promise<TestApp> {
  const t = await demoAl(hoy)
  await filas(t, `update indicadores set meta_valor = 12 where tipo = 'conteo'`)
  await filas(t, `update indicadores set meta_valor = 80 where tipo = 'porcentaje'`)
  return t
}

interface Accion {
  id: string
  codigo: string
  eje: string
  instancia: string | null
  estado: string | null
  pct: number | null
  fecha: string | null
}

/** Each acción in plan order with its latest approved report up to `corte` (a window). */
const acciones = (t: TestApp, corte: string): Promise<Accion[]> =>
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
export const filasAccion = async (t: TestApp, corte: string): Promise<string[][]> =>
  (await acciones(t, corte)).map((a) => [
    a.instancia ?? 'Sin instancia',
    a.estado ? ETIQUETA[a.estado]! : 'Sin reporte aprobado',
    pct(a.pct),
    fecha(a.fecha)
  ])

/** The summary rows, grouped here in JavaScript. */
async function resumen(t: TestApp, corte: string, por: (a: Accion) => string): Promise<string[][]> {
  const grupos = new Map<string, Accion[]>()
  for (const a of await acciones(t, corte)) grupos.set(por(a), [...(grupos.get(por(a)) ?? []), a])
  return [...grupos].map(([nombre, as]) => {
    const n = (e: string | null) => String(as.filter((a) => a.estado === e).length)
    const con = as.filter((a) => a.pct !== null)
    const media = con.length ? uno(con.reduce((s, a) => s + a.pct!, 0) / con.length) : null
    const estados = ['cumplida', 'en_curso', 'atrasada', 'no_iniciada'].map(n)
    return [nombre, String(as.length), ...estados, n(null), pct(media)]
  })
}

async function indicadores(t: TestApp, CORTE: string): Promise<string[][]> {
  return (
    await filas<{
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
    )
  ).map((r) => {
    const v = r.tipo === 'porcentaje' ? (r.den ? uno((r.num! / r.den) * 100) : null) : r.valor
    return [r.texto, v === null ? '—' : num(v), r.meta === null ? '—' : num(r.meta), fecha(r.fecha)]
  })
}

async function acuerdos(t: TestApp, CORTE: string): Promise<string[][]> {
  return (
    await filas<{
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
           where sg.acuerdo_id = ac.id and s2.fecha <= ?) u where k = 1) as estado
       from acuerdos ac join acciones a on a.id = ac.accion_id
       join objetivos o on o.id = a.objetivo_id join ejes e on e.id = o.eje_id
       join sesiones s on s.id = ac.sesion_id
       where s.fecha between '2014-01-01' and ?
       order by e.orden, o.orden, a.orden, s.fecha, s.created_at, ac.numero`,
      CORTE,
      CORTE
    )
  ).map((r) => {
    const estado = r.estado ?? 'pendiente'
    const vencido = estado !== 'cumplido' && r.plazo !== null && r.plazo < CORTE
    const tipo = r.tipo === 'ordinaria' ? 'Ordinaria' : 'Extraordinaria'
    return [
      `Sesión ${tipo} N° ${r.numero}/2014`,
      String(r.n),
      r.texto,
      fecha(r.plazo),
      ETIQUETA[vencido ? 'vencido' : estado]!
    ]
  })
}

/** Per institución: sessions whose attendance lists it, those it was present at, the ratio. */
async function asistencia(t: TestApp, corte: string): Promise<string[][]> {
  const asis = await filas<{ institucion: string; sesion_id: string; estado: string }>(
    t,
    `select x.institucion, x.sesion_id, x.estado from asistencias x
     join sesiones s on s.id = x.sesion_id
     where x.calidad <> 'invitado' and s.fecha between '2014-01-01' and ?`,
    corte
  )
  const por = new Map<string, { c: Set<string>; p: Set<string> }>()
  for (const r of asis) {
    const g = por.get(r.institucion) ?? { c: new Set(), p: new Set() }
    g.c.add(r.sesion_id)
    if (r.estado === 'presente') g.p.add(r.sesion_id)
    por.set(r.institucion, g)
  }
  return [...por].map(([i, g]) => [
    i,
    String(g.c.size),
    String(g.p.size),
    pct(uno((g.p.size / g.c.size) * 100))
  ])
}

/** A reading of the report: its words, and the rows of the tables with a given header. */
export interface Lectura {
  texto: () => string
  filas: (columnas: string[]) => string[][]
}

/** The checks of the 2014 report against the rows, up to 31-12 (`t` and the reading, once ready). */
export function comprobarInforme(app: () => TestApp, leido: () => Lectura): void {
  const CORTE = '2014-12-31'
  it('names every eje, objetivo and acción of the plan', async () => {
    const t = app()
    const ejes = await filas<{ codigo: string; nombre: string }>(
      t,
      'select codigo, nombre from ejes'
    )
    expect(ejes.length).toBeGreaterThan(0)
    for (const e of ejes) expect(leido().texto()).toContain(`Eje ${e.codigo}. ${e.nombre}`)
    for (const o of await filas<{ codigo: string }>(t, 'select codigo from objetivos'))
      expect(leido().texto()).toContain(`Objetivo ${o.codigo}.`)
    for (const a of await acciones(t, CORTE))
      expect(leido().texto()).toContain(`Acción ${a.codigo}.`)
  })

  it('counts the acciones by estado and averages their % per eje and per instancia', async () => {
    expect(leido().filas(COLUMNAS.porEje)).toEqual(await resumen(app(), CORTE, (a) => a.eje))
    const porInstancia = await resumen(app(), CORTE, (a) => a.instancia ?? 'Sin instancia')
    expect(leido().filas(COLUMNAS.porInstancia).sort()).toEqual(porInstancia.sort())
  })

  it("gives each acción's estado, % and date of its latest approved report", async () => {
    expect(leido().filas(COLUMNAS.accion)).toEqual(await filasAccion(app(), CORTE))
  })

  it("gives each indicador's latest approved value against its target", async () => {
    const esperado = await indicadores(app(), CORTE)
    expect(esperado.some((f) => f[2] !== '—')).toBe(true)
    expect(leido().filas(COLUMNAS.indicador)).toEqual(esperado)
  })

  it('lists the acuerdos about each acción taken in the year, with their situación at 31-12', async () => {
    const esperado = await acuerdos(app(), CORTE)
    expect(esperado.length).toBeGreaterThan(0)
    expect(leido().filas(COLUMNAS.acuerdo)).toEqual(esperado)
  })

  it('counts the sessions held and the attendance of each institución over the year', async () => {
    const ses = await filas<{ estado: string }>(
      app(),
      `select estado from sesiones where fecha between '2014-01-01' and ?`,
      CORTE
    )
    const aprobadas = ses.filter((s) => s.estado === 'aprobada').length
    expect(leido().texto()).toContain(
      `Sesiones realizadas en 2014: ${ses.length} (${aprobadas} con acta aprobada).`
    )
    expect(leido().filas(COLUMNAS.sesion)).toHaveLength(ses.length)
    const esperado = await asistencia(app(), CORTE)
    expect(esperado.length).toBeGreaterThan(3)
    expect(leido().filas(COLUMNAS.asistencia).sort()).toEqual(esperado.sort())
  })
}
