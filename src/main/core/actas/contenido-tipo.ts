import { z } from 'zod'
import {
  ACUERDO_ESTADOS,
  ASISTENCIA_ESTADOS,
  AVANCE_ESTADOS,
  CALIDADES,
  MODALIDADES
} from '../../../shared/domain/sesiones'

const texto = z.string()
const fecha = z.string().nullable()
const numero = z.number().nullable()

/**
 * What an acta says, and nothing else. Also the shape of the sealed copy kept in the database,
 * which is read back through this schema: a tampered or foreign file cannot feed a document
 * anything else.
 */
export const actaContenidoSchema = z.strictObject({
  sesion: z.strictObject({
    titulo: texto,
    instancia: texto,
    fecha: texto,
    horaInicio: fecha,
    horaTermino: fecha,
    lugar: texto,
    modalidad: z.enum(MODALIDADES),
    preside: texto,
    proximaFecha: fecha,
    proximaLugar: texto,
    // Absent from actas sealed before schema version 3, which did not copy it.
    secretariaActas: texto.optional(),
    // Who acted as secretary, from the attendance (schema version 5); absent when nobody was
    // named, so the actas sealed before keep their exact text.
    // Their gender as their cargo shows it (genero-cargo.ts), sealed since the acta says
    // "secretaria"/"secretario" of them; absent in actas sealed before, which say
    // "secretario/a" for ever, and when the cargo does not tell.
    secretariaSubrogante: z
      .strictObject({
        nombre: texto,
        cargo: texto,
        institucion: texto,
        genero: z.enum(['femenino', 'masculino']).optional()
      })
      .optional(),
    // Who chaired, chosen in the attendance (schema version 10); absent when nobody was chosen,
    // so the actas sealed before keep their exact content.
    presidente: z.strictObject({ nombre: texto, cargo: texto, institucion: texto }).optional()
  }),
  asistencia: z.array(
    z.strictObject({
      nombre: texto,
      cargo: texto,
      institucion: texto,
      calidad: z.enum(CALIDADES),
      estado: z.enum(ASISTENCIA_ESTADOS),
      motivo: texto
    })
  ),
  puntos: z.array(z.strictObject({ titulo: texto, desarrollo: texto })),
  avances: z.array(
    z.strictObject({
      accion: texto,
      estado: z.enum(AVANCE_ESTADOS),
      porcentaje: numero,
      reporte: texto
    })
  ),
  mediciones: z.array(
    z.strictObject({
      accion: texto,
      indicador: texto,
      tipo: texto,
      valor: numero,
      numerador: numero,
      denominador: numero,
      fechaCorte: texto,
      nota: texto
    })
  ),
  acuerdos: z.array(
    z.strictObject({
      numero: z.number(),
      texto: texto,
      responsable: texto,
      plazo: fecha,
      accion: texto.nullable()
    })
  ),
  seguimientos: z.array(
    z.strictObject({
      acuerdo: texto,
      texto: texto,
      estado: z.enum(ACUERDO_ESTADOS),
      nota: texto
    })
  )
})

export type ActaContenido = z.infer<typeof actaContenidoSchema>
