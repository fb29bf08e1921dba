import type { Llamar } from '../cliente'
import type { Asistencia, SesionDetalle } from '../../../shared/domain/sesiones'
import { buscarEnAsistencia, quienPreside, secretariaPresente } from '../../../shared/domain/firmas'

/** Who the acta would name on each signature line now (null: nobody), and who acts as secretary. */
function firmas(d: SesionDetalle, secretariaActas: string) {
  const elegido = d.sesion.presidenteId
  const presidio = quienPreside(
    d.asistencia,
    elegido ? (a) => a.id === elegido : null,
    d.sesion.preside
  )
  const sub = d.asistencia.find(
    (a) => a.id === d.sesion.secretariaSubroganteId && a.estado === 'presente'
  )
  const secretaria = sub ?? secretariaPresente(d.asistencia, secretariaActas, presidio)
  return { presidio, sub: sub ?? null, secretaria }
}

/**
 * Marks present, where the acta would name nobody, whoever «Preside» and the secretaría de actas
 * point at, then other members until two are present (never one excused): for builders whose
 * sessions record no attendance of their own (the benchmark's history, tests).
 */
async function marcarPresentes(llamar: Llamar, d: SesionDetalle, secretariaActas: string) {
  const id = d.sesion.id
  // Only the absent: an excuse on record stays (the acta prints it).
  const presente = async (a: Asistencia | null) => {
    if (a?.estado === 'ausente')
      await llamar('asistencia:marcar', { id: a.id, estado: 'presente', motivo: '' })
    return llamar('sesion:obtener', { id })
  }
  if (!firmas(d, secretariaActas).presidio)
    d = await presente(buscarEnAsistencia(d.sesion.preside, d.asistencia).ausente)
  const { presidio, secretaria } = firmas(d, secretariaActas)
  if (!secretaria)
    d = await presente(buscarEnAsistencia(secretariaActas, d.asistencia, presidio).ausente)
  const miembros = () => d.asistencia.filter((a) => a.calidad !== 'invitado')
  for (const a of miembros()) {
    if (miembros().filter((m) => m.estado === 'presente').length >= 2) break
    if (a.estado === 'ausente') d = await presente(a)
  }
  return d
}

/**
 * What a secretary does in Asistencia so that the acta names who signs it (approval requires
 * both): where nobody present answers to «Preside», the first member present is chosen as having
 * chaired; where the secretaría de actas is not there to sign, another member present as acting
 * secretary. Nothing when the acta already names both. With `marcar`, members are first marked
 * present as marcarPresentes says. The session must be a draft.
 */
export async function nombrarFirmantes(
  llamar: Llamar,
  sesionId: string,
  o: { marcar?: boolean } = {}
): Promise<void> {
  let d = await llamar('sesion:obtener', { id: sesionId })
  const instancias = await llamar('instancia:listar', undefined)
  const secretariaActas =
    instancias.find((i) => i.id === d.sesion.instanciaId)?.secretariaActas ?? ''
  const listo = () => {
    const f = firmas(d, secretariaActas)
    return Boolean(f.presidio && f.secretaria)
  }
  if (listo()) return
  if (o.marcar) d = await marcarPresentes(llamar, d, secretariaActas)
  if (listo()) return
  const presentes = d.asistencia.filter((a) => a.estado === 'presente' && a.calidad !== 'invitado')
  const { sub, ...f } = firmas(d, secretariaActas)
  let presidio = f.presidio
  if (!presidio) {
    presidio = presentes.find((a) => a !== sub) ?? null
    if (presidio) await llamar('asistencia:presidente', { sesionId, asistenciaId: presidio.id })
  }
  if (sub || secretariaPresente(d.asistencia, secretariaActas, presidio)) return
  const otro = presentes.find((a) => a !== presidio)
  if (otro) await llamar('asistencia:secretaria', { sesionId, asistenciaId: otro.id })
}
