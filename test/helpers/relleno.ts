import type { TestApp } from './db'

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
        `relleno-${String(k).padStart(6, '0')}`,
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
