import type { TestApp } from './db'

/** The ids of the sessions written here begin so (UUIDs, as the API checks them). */
const RELLENO = '01900000-0000-7000-8000-'

/**
 * `n` bare sessions (no attendees, agenda nor acuerdos) spread evenly over the years
 * `desde`..`hasta`, in the instancias in turn: history that the screen under test does not
 * show. Written straight in one transaction (through the API a few thousand take minutes);
 * numbered from 1000 so that they never take a number the API would give.
 */
export function sesionesDeRelleno(t: TestApp, n: number, desde: number, hasta: number): void {
  const db = t.app.handle
  const instancias = db
    .prepare('select id from instancias order by orden')
    .pluck()
    .all() as string[]
  const dias = (hasta - desde + 1) * 365
  const inicio = Date.UTC(desde, 0, 1)
  const numeros = new Map<string, number>()
  const insertar = db.prepare(
    `insert into sesiones (id, instancia_id, tipo, numero, anio, fecha, modalidad, estado,
       created_at, updated_at)
     values (?, ?, 'ordinaria', ?, ?, ?, 'presencial', 'borrador', ?, ?)`
  )
  db.transaction(() => {
    for (let k = 0; k < n; k++) {
      const fecha = new Date(inicio + Math.floor((k * dias) / n) * 86_400_000)
        .toISOString()
        .slice(0, 10)
      const anio = Number(fecha.slice(0, 4))
      const instancia = instancias[k % instancias.length]!
      const clave = `${instancia}/${anio}`
      const numero = (numeros.get(clave) ?? 999) + 1
      numeros.set(clave, numero)
      const creada = `${fecha}T12:00:00.000Z`
      insertar.run(
        `${RELLENO}${String(k).padStart(12, '0')}`,
        instancia,
        numero,
        anio,
        fecha,
        creada,
        creada
      )
    }
  })()
}

/**
 * `porSesion` acuerdos in each session written by sesionesDeRelleno, about the plan's first
 * acción: due 10, 20, … days after their session, the last one of each without plazo.
 */
export function acuerdosDeRelleno(t: TestApp, porSesion: number): void {
  const db = t.app.handle
  const accion = db.prepare('select id, codigo from acciones order by codigo limit 1').get() as {
    id: string
    codigo: string
  }
  const sesiones = db
    .prepare(`select id, fecha from sesiones where id like '${RELLENO}%'`)
    .all() as {
    id: string
    fecha: string
  }[]
  const insertar = db.prepare(
    `insert into acuerdos (id, sesion_id, numero, texto, plazo, accion_id, accion_codigo,
       created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  db.transaction(() => {
    for (const s of sesiones)
      for (let k = 1; k <= porSesion; k++) {
        const dia = Date.parse(s.fecha) + 10 * k * 86_400_000
        const plazo = k === porSesion ? null : new Date(dia).toISOString().slice(0, 10)
        const creada = `${s.fecha}T12:00:00.000Z`
        insertar.run(
          `01900000-0000-7000-9000-${String(Number(s.id.slice(24)) * 10 + k).padStart(12, '0')}`,
          s.id,
          k,
          `Acuerdo ${k}`,
          plazo,
          accion.id,
          accion.codigo,
          creada,
          creada
        )
      }
  })()
}
