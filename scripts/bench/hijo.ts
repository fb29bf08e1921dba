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

/** The tracking sheets' cells, as plain SQL rows: what a bare streaming write is given. */
function celdas(h: SqliteHandle): Record<string, unknown[][]> {
  const q = (sql: string) => h.prepare(sql).raw(true).all() as unknown[][]
  return {
    Sesiones: q(`select i.nombre, s.tipo, s.numero, s.anio, s.fecha, s.estado,
      (select count(*) from asistencias a where a.sesion_id = s.id and a.estado = 'presente'),
      (select count(*) from asistencias a where a.sesion_id = s.id and a.estado = 'excusado'),
      (select count(*) from acuerdos x where x.sesion_id = s.id)
      from sesiones s join instancias i on i.id = s.instancia_id order by s.fecha`),
    Asistencia:
      q(`select i.nombre, s.numero, s.fecha, a.institucion, a.nombre, a.calidad, a.estado, a.motivo
      from asistencias a join sesiones s on s.id = a.sesion_id join instancias i on i.id = s.instancia_id
      order by s.fecha, a.orden`),
    Acuerdos:
      q(`select i.nombre, s.numero, s.fecha, x.numero, x.texto, x.responsable, x.plazo, x.accion_codigo
      from acuerdos x join sesiones s on s.id = x.sesion_id join instancias i on i.id = s.instancia_id
      order by s.fecha, x.numero`),
    Indicadores:
      q(`select i.nombre, s.numero, m.fecha_corte, m.accion_codigo, m.indicador_texto, m.tipo,
      m.valor, m.numerador, m.denominador
      from mediciones m join sesiones s on s.id = m.sesion_id join instancias i on i.id = s.instancia_id
      order by s.fecha`)
  }
}

async function desnudo(h: SqliteHandle, destino: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: destino })
  for (const [nombre, filas] of Object.entries(celdas(h))) {
    const ws = wb.addWorksheet(nombre)
    for (const f of filas) ws.addRow(f).commit()
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
