import fs from 'node:fs'
import ExcelJS from 'exceljs'
import { openAppDatabase } from '../../src/main/core/db/open'
import { exportarMatriz } from '../../src/main/core/matriz/exportar/exportar'
import { previsualizarMatriz } from '../../src/main/core/matriz/importar/importar'
import type { SqliteHandle } from '../../src/main/core/db/sqlite'

// One export or import in a process of its own, so its peak memory (maxRSS) is its own.
// Prints { ms, cpuMs, rssMb, bytes } as JSON on its last line. The writers' modules are loaded
// before the clock starts, as exceljs is for the bare write (under tsx, loading them compiles
// TypeScript: up to a second that the packaged app does not spend on each export).

const [modo, archivo, libro] = process.argv.slice(2) as [string, string, string | undefined]

// The tracking sheets' cells as plain SQL rows, the same columns and kinds of value the export
// writes (a session's title, dates as dates, labels as text), under the same title and header
// rows: what a bare streaming write is given. Before, it wrote 1.30 million cells to the export's
// 1.66 million (fewer columns, dates as text), which made the export look slower than it is.
const SESION = `i.nombre, 'Sesión ' || s.tipo || ' N° ' || s.numero || '/' || s.anio, s.fecha, s.estado`
const DESDE = (t: string) =>
  `from ${t} join sesiones s on s.id = x.sesion_id join instancias i on i.id = s.instancia_id`
const HOJAS: Record<string, { sql: string; fechas: number[] }> = {
  Sesiones: {
    sql: `select ${SESION}, s.tipo, s.numero,
      (select count(*) from asistencias a where a.sesion_id = s.id and a.estado = 'presente'),
      (select count(*) from asistencias a where a.sesion_id = s.id and a.estado = 'excusado'),
      (select count(*) from acuerdos x where x.sesion_id = s.id)
      from sesiones s join instancias i on i.id = s.instancia_id order by s.fecha, s.created_at`,
    fechas: [2]
  },
  Asistencia: {
    sql: `select ${SESION}, x.institucion, x.nombre, x.calidad, x.estado, x.motivo
      ${DESDE('asistencias x')} order by s.fecha, s.created_at, x.orden`,
    fechas: [2]
  },
  Acuerdos: {
    sql: `select ${SESION}, x.numero, x.texto, x.responsable, x.plazo, x.accion_codigo, 'Pendiente', null
      ${DESDE('acuerdos x')} order by s.fecha, s.created_at, x.numero`,
    fechas: [2, 7]
  },
  Indicadores: {
    sql: `select ${SESION}, x.fecha_corte, x.accion_codigo, x.indicador_texto, x.tipo, x.valor,
      x.numerador, x.denominador, x.numerador * 1.0 / nullif(x.denominador, 0)
      ${DESDE('mediciones x')} order by s.fecha, s.created_at`,
    fechas: [2, 4]
  }
}

async function desnudo(h: SqliteHandle, destino: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: destino })
  for (const [nombre, { sql, fechas }] of Object.entries(HOJAS)) {
    const ws = wb.addWorksheet(nombre)
    const stmt = h.prepare(sql).raw(true)
    ws.addRow([nombre]).commit()
    ws.addRow(stmt.columns().map((c) => c.name)).commit()
    for (const f of stmt.iterate() as Iterable<unknown[]>) {
      for (const k of fechas) if (typeof f[k] === 'string') f[k] = new Date(`${f[k]}T00:00:00Z`)
      ws.addRow(f).commit()
    }
    ws.commit()
  }
  await wb.commit()
}

async function main(): Promise<void> {
  const app = await openAppDatabase(archivo, { seed: false })
  const destino = libro ?? `${archivo}.${modo}.xlsx`
  await Promise.all([
    import('../../src/main/core/matriz/exportar/libro'),
    import('../../src/main/core/matriz/exportar/seguimiento-libro')
  ])
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  if (modo === 'matriz' || modo === 'seguimiento') {
    const r = await exportarMatriz(app.db, {
      seguimiento: modo === 'seguimiento',
      papel: 'oficio',
      hoy: '2026-01-15'
    })
    fs.writeFileSync(destino, r.data)
  } else if (modo === 'desnudo') await desnudo(app.handle, destino)
  else if (modo === 'importar') await previsualizarMatriz(app.db, fs.readFileSync(destino), null)
  else throw new Error(`modo desconocido: ${modo}`)
  const ms = performance.now() - t0
  const cpu = process.cpuUsage(cpu0)
  // CPU time of every thread (zlib's included): far less noisy than wall time on a loaded machine.
  const cpuMs = (cpu.user + cpu.system) / 1000
  await app.close()
  const rssMb = process.resourceUsage().maxRSS / 1024
  const bytes = fs.existsSync(destino) ? fs.statSync(destino).size : 0
  console.log(JSON.stringify({ ms, cpuMs, rssMb, bytes }))
}

main().catch((e: unknown) => {
  console.log(JSON.stringify({ error: e instanceof Error ? e.message : String(e) }))
  process.exitCode = 1
})
