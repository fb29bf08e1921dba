import type { Sesion } from '../../src/shared/domain/sesiones'

/** A session's fields as sesion:actualizar takes them, as read: what a screen sends as `antes`. */
export const datosDeSesion = (s: Sesion) => ({
  fecha: s.fecha,
  horaInicio: s.horaInicio,
  horaTermino: s.horaTermino,
  lugar: s.lugar,
  modalidad: s.modalidad,
  preside: s.preside,
  proximaFecha: s.proximaFecha,
  proximaLugar: s.proximaLugar
})
