import { sembrarDemo } from '../../src/main/core/seed/demo'
import { openTestApp, type TestApp } from './db'
import { filas as filasDe } from './consulta'

/** The `cli demo` database with the core's clock fixed at noon (Chile) of `hoy`. */
export async function demoAl(hoy: string): Promise<TestApp> {
  const t = await openTestApp({ reloj: () => new Date(`${hoy}T15:00:00Z`) })
  await sembrarDemo(t.api)
  return t
}

/** Rows by plain SQL, straight from the file: what a test computes its expectations from. */
export const filas = <T>(t: TestApp, q: string, ...p: unknown[]): T[] =>
  t.app.handle.prepare(q).all(...p) as T[]

/** Each acuerdo's state by its follow-ups in approved actas (latest session date, then latest written). */
export async function estadoAcuerdos(t: TestApp): Promise<Map<string, string>> {
  const seg = await filasDe<{ acuerdo_id: string; estado: string }>(
    t,
    `select sg.acuerdo_id, sg.estado from seguimientos sg join sesiones s on s.id = sg.sesion_id
     where s.estado = 'aprobada' order by s.fecha, sg.created_at`
  )
  const m = new Map<string, string>()
  for (const s of seg) m.set(s.acuerdo_id, s.estado)
  return m
}
