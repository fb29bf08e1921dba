import type { TestApp } from './db'
import { caller, entradaSesion } from './sesiones'

/** The first acción (by code) of the first instancia. */
export const accionDe = (t: TestApp): string =>
  t.app.handle
    .prepare(
      `select id from acciones where instancia_id = (select id from instancias order by orden limit 1)
       order by codigo limit 1`
    )
    .pluck()
    .get() as string

/**
 * `n` sessions of the first instancia, a month apart from January 2015, each reporting on its
 * first acción (at i %) and taking an acuerdo about it: an acción's story of `n` entries.
 */
export async function reportesSobreAccion(t: TestApp, n: number): Promise<string> {
  const api = caller(t)
  const [instancia] = await api.ok('instancia:listar', undefined)
  const accionId = accionDe(t)
  for (let i = 0; i < n; i++) {
    const fecha = `${2015 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-10`
    const s = await api.ok('sesion:crear', entradaSesion(instancia!.id, fecha))
    await api.ok('avance:guardar', {
      sesionId: s.id,
      accionId,
      estado: 'en_curso',
      porcentaje: i,
      reporte: `Reporte ${i}`
    })
    await api.ok('acuerdo:crear', {
      sesionId: s.id,
      texto: `Acuerdo sobre la acción ${i}`,
      institucionId: null,
      personaId: null,
      plazo: null,
      accionId
    })
  }
  return accionId
}
