/**
 * Child process for the crash test: writes acta content through the real services, one
 * transaction per call, and reports each write on stdout only after its commit returned.
 * Usage: writer DB SESION_ID safe|unsafe START
 */
import { openAppDatabase } from '../../src/main/core/db/open'
import { createAppApi } from '../../src/main/core/api'

async function main(): Promise<void> {
  const [file, sesionId, mode, startArg] = process.argv.slice(2) as [string, string, string, string]
  const app = await openAppDatabase(file, { seed: false })
  if (mode === 'unsafe') {
    // The control: no rollback journal on disk and no syncs. The test must catch this losing data.
    app.handle.pragma('journal_mode = MEMORY')
    app.handle.pragma('synchronous = OFF')
  }
  const api = createAppApi(app, { version: 'crash' })
  const detalle = await api['sesion:obtener']({ id: sesionId })
  const punto = detalle.puntos[0]!
  const asistencia = detalle.asistencia.map((a) => a.id)
  // Large texts in the control make each commit write many pages, so a kill lands mid-write.
  const relleno = mode === 'unsafe' ? 'x'.repeat(400_000) : ''
  for (let i = Number(startArg); ; i++) {
    await api['acuerdo:crear']({
      sesionId,
      texto: `acuerdo-${i} ${relleno}`,
      institucionId: null,
      personaId: null,
      plazo: null,
      accionId: null
    })
    process.stdout.write(`A ${i}\n`)
    await api['punto:actualizar']({ id: punto.id, titulo: punto.titulo, desarrollo: `rev-${i}` })
    process.stdout.write(`P ${i}\n`)
    await api['asistencia:marcar']({
      id: asistencia[i % asistencia.length]!,
      estado: 'excusado',
      motivo: `m-${i}`
    })
    process.stdout.write(`M ${i}\n`)
  }
}

void main()
