/**
 * A restore in its own process that kills itself (SIGKILL, as a power cut or the task manager
 * would) just before file operation number K: `tsx restaurar-hijo.ts DB RESPALDO K`.
 */
import { archivosReales, restaurar, type OperacionesArchivo } from '../../src/main/core/restaurar'

const [db, respaldo, k] = process.argv.slice(2) as [string, string, string]
let llamadas = 0
const ops = {} as OperacionesArchivo
for (const [nombre, f] of Object.entries(archivosReales) as [
  keyof OperacionesArchivo,
  (...a: string[]) => void
][]) {
  ops[nombre] = (...a: string[]) => {
    if (++llamadas === Number(k)) process.kill(process.pid, 'SIGKILL')
    f(...a)
  }
}
restaurar(db, respaldo, ops)
process.stdout.write(`pasos=${llamadas}\n`)
