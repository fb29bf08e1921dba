import { z } from 'zod'
import {
  ACUERDO_ESTADOS,
  ASISTENCIA_ESTADOS,
  AVANCE_ESTADOS,
  MODALIDADES,
  SESION_TIPOS
} from '../domain/sesiones'
import { fechaSchema, idSchema, LIMITES } from './schemas'
import { MENSAJE_CONTROL, tieneControl } from '../domain/texto'

const texto = (campo: string, max: number = LIMITES.texto) =>
  z
    .string({ error: `${campo} es obligatorio.` })
    .trim()
    .min(1, `${campo} no puede estar vacío.`)
    .max(max, `${campo} no puede superar ${max} caracteres.`)
    .refine((v) => !tieneControl(v), MENSAJE_CONTROL)

/** Free text that may be empty (minutes are written as the session goes). */
const libre = (campo: string, max: number = 50_000) =>
  z
    .string()
    .max(max, `${campo} no puede superar ${max} caracteres.`)
    .refine((v) => !tieneControl(v), MENSAJE_CONTROL)

const opcional = (campo: string, max: number = LIMITES.nombre) =>
  z
    .string()
    .trim()
    .max(max, `${campo} no puede superar ${max} caracteres.`)
    .refine((v) => !tieneControl(v), MENSAJE_CONTROL)
    .nullable()
    .transform((v) => (v ? v : null))

const hora = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Hora no válida (se espera HH:MM).')
  .nullable()

const fechaOpcional = fechaSchema.nullable()

export const personaCampos = {
  nombre: texto('El nombre', LIMITES.nombre),
  cargo: opcional('El cargo'),
  institucionId: idSchema.nullable(),
  correo: z
    .string()
    .trim()
    .max(200)
    .refine(
      (v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
      'Correo electrónico no válido.'
    )
    .nullable()
    .transform((v) => (v ? v : null)),
  telefono: opcional('El teléfono', 40)
}
export const personaCrearSchema = z.object(personaCampos)
export const personaActualizarSchema = z.object({ id: idSchema, ...personaCampos })

export const miembroListarSchema = z.object({ instanciaId: idSchema })
export const miembroAgregarSchema = z.object({
  instanciaId: idSchema,
  personaId: idSchema,
  calidad: z.enum(['titular', 'suplente'], { error: 'Calidad no válida.' })
})

export const sesionListarSchema = z.object({
  instanciaId: idSchema.optional(),
  anio: z.number().int().min(2000).max(2100).optional()
})

export const sesionCrearSchema = z.object({
  instanciaId: idSchema,
  tipo: z.enum(SESION_TIPOS, { error: 'Tipo de sesión no válido.' }),
  fecha: fechaSchema,
  horaInicio: hora.optional(),
  lugar: libre('El lugar', 300).optional(),
  modalidad: z.enum(MODALIDADES, { error: 'Modalidad no válida.' })
})

export const sesionActualizarSchema = z
  .object({
    id: idSchema,
    fecha: fechaSchema,
    horaInicio: hora,
    horaTermino: hora,
    lugar: libre('El lugar', 300),
    modalidad: z.enum(MODALIDADES, { error: 'Modalidad no válida.' }),
    preside: libre('Quien preside', 300),
    proximaFecha: fechaOpcional,
    proximaLugar: libre('El lugar de la próxima sesión', 300)
  })
  .refine((s) => !s.horaInicio || !s.horaTermino || s.horaInicio <= s.horaTermino, {
    message: 'La hora de término no puede ser anterior a la de inicio.',
    path: ['horaTermino']
  })

export const sesionAprobarSchema = z.object({
  id: idSchema,
  enSesionId: idSchema.nullable(),
  observaciones: libre('Las observaciones', 10_000)
})

export const asistenciaMarcarSchema = z.object({
  id: idSchema,
  estado: z.enum(ASISTENCIA_ESTADOS, { error: 'Estado de asistencia no válido.' }),
  motivo: libre('El motivo', 500)
})

export const asistenciaInvitarSchema = z.object({
  sesionId: idSchema,
  nombre: texto('El nombre', LIMITES.nombre),
  cargo: libre('El cargo', 300),
  institucion: libre('La institución', 300)
})

export const puntoCrearSchema = z.object({
  sesionId: idSchema,
  titulo: texto('El título del punto', 300)
})
export const puntoActualizarSchema = z.object({
  id: idSchema,
  titulo: texto('El título del punto', 300),
  desarrollo: libre('El desarrollo')
})

export const avanceGuardarSchema = z.object({
  sesionId: idSchema,
  accionId: idSchema,
  estado: z.enum(AVANCE_ESTADOS, { error: 'Estado de avance no válido.' }),
  porcentaje: z
    .number({ error: 'El avance debe ser un número.' })
    .int('El avance debe ser un número entero.')
    .min(0, 'El avance no puede ser menor que 0 %.')
    .max(100, 'El avance no puede superar 100 %.')
    .nullable(),
  reporte: libre('El reporte', 20_000)
})

const cantidad = z
  .number({ error: 'Debe ser un número.' })
  .finite('Debe ser un número.')
  .min(0, 'No puede ser negativo.')
  .nullable()

export const medicionGuardarSchema = z
  .object({
    sesionId: idSchema,
    indicadorId: idSchema,
    valor: cantidad,
    numerador: cantidad,
    denominador: cantidad,
    fechaCorte: fechaSchema,
    nota: libre('La nota', 2000)
  })
  .refine((m) => m.denominador !== 0, {
    message: 'El denominador no puede ser cero.',
    path: ['denominador']
  })

const acuerdoCampos = {
  texto: texto('El texto del acuerdo'),
  institucionId: idSchema.nullable(),
  personaId: idSchema.nullable(),
  plazo: fechaOpcional,
  accionId: idSchema.nullable()
}
export const acuerdoCrearSchema = z.object({ sesionId: idSchema, ...acuerdoCampos })
export const acuerdoActualizarSchema = z.object({ id: idSchema, ...acuerdoCampos })

export const seguimientoGuardarSchema = z.object({
  sesionId: idSchema,
  acuerdoId: idSchema,
  estado: z.enum(ACUERDO_ESTADOS, { error: 'Estado del acuerdo no válido.' }),
  nota: libre('La nota', 5000)
})

export const errataCrearSchema = z.object({
  sesionId: idSchema,
  texto: texto('El texto de la fe de erratas')
})

export const actaDocumentoSchema = z.object({
  sesionId: idSchema,
  formato: z.enum(['docx', 'pdf'], { error: 'Formato no válido (docx o pdf).' })
})

/** A logo as a data URL: PNG or JPEG, at most ~500 KB. */
export const logoSchema = z
  .string()
  .max(700_000, 'El logo no puede superar 500 KB.')
  .regex(
    /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/,
    'El logo debe ser una imagen PNG o JPEG.'
  )
  .nullable()

export const configGuardarSchema = z.object({
  encabezado: libre('El encabezado', 2000),
  logo: logoSchema
})

export const matrizExportarSchema = z
  .object({
    planId: idSchema.optional(),
    seguimiento: z.boolean(),
    papel: z.enum(['carta', 'oficio', 'a4'], { error: 'Tamaño de papel no válido.' }),
    instanciaId: idSchema.optional(),
    desde: fechaSchema.optional(),
    hasta: fechaSchema.optional()
  })
  .refine((o) => !o.desde || !o.hasta || o.desde <= o.hasta, {
    message: 'La fecha final no puede ser anterior a la inicial.',
    path: ['hasta']
  })

/** A workbook as base64: 20 MB of file at most. */
const libroBase64 = z
  .string()
  .max(28_000_000, 'El archivo supera el máximo de 20 MB.')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'El archivo no llegó completo; vuelva a elegirlo.')

export const matrizPrevisualizarSchema = z.object({
  base64: libroBase64,
  planId: idSchema.nullable()
})

export const matrizImportarSchema = z.object({
  base64: libroBase64,
  destino: z.discriminatedUnion('modo', [
    z.object({ modo: z.literal('actualizar'), planId: idSchema }),
    z
      .object({
        modo: z.literal('nuevo'),
        nombre: texto('El nombre del plan', LIMITES.nombre),
        periodoDesde: fechaSchema,
        periodoHasta: fechaSchema
      })
      .refine((p) => p.periodoDesde <= p.periodoHasta, {
        message: 'El período debe terminar después de comenzar.',
        path: ['periodoHasta']
      })
  ])
})
