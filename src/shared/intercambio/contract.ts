import { z } from 'zod'
import type { Documento } from '../actas/contract'
import { idSchema, LIMITES, pesado, requerido, returns, vacioSchema } from '../api/campos'

// Laptop to laptop (#16): this installation's name, its partners, and the `.mitp` packages
// exchanged with them (exported as a download, imported from a file the user picks).

/** This copy of the app, as its partners see it. */
export interface Instalacion {
  id: string
  nombre: string
}

/** Another installation this one has exchanged packages with. */
export interface Socio {
  id: string
  nombre: string
  /** When the last package for it was written (ISO-8601 UTC); null: never. */
  ultimoEnvio: string | null
  /** When its last package was imported here; null: never. */
  ultimoRecibo: string | null
}

/** One side of a conflict: the value, and who (an installation's name) changed it when. */
export interface LadoConflicto {
  valor: unknown
  instalacion: string
  /** ISO-8601 UTC, by that installation's clock. */
  en: string
}

/** A field changed here and in the package since the last exchange, to a different value. */
export interface ConflictoPaquete {
  /** What the import's choice names (`tabla:id:campo`). */
  clave: string
  tabla: string
  filaId: string
  /** The row, as a person recognises it (a code, a name, a date). */
  fila: string
  campo: string
  aqui: LadoConflicto
  enPaquete: LadoConflicto
}

export interface ResumenTablaPaquete {
  tabla: string
  agregadas: number
  modificadas: number
  borradas: number
}

/** What importing a package would do (and, after importing, what it did). */
export interface VistaPreviaPaquete {
  de: Instalacion
  tablas: ResumenTablaPaquete[]
  conflictos: ConflictoPaquete[]
  /**
   * Approved actas that differ, never merged: the same session approved on both sides with
   * other content ('version'), or another approved acta under the number of one here
   * ('numero'). Ours stays; theirs is kept aside. `fila` names the session here.
   */
  actasDistintas: { sesionId: string; motivo: 'version' | 'numero'; fila: string }[]
  /** Sessions created on both sides under one number: one of them takes the next free one. */
  numeros: SesionRenumerada[]
  /** Edits to an acta approved on one side, refused: the acta stays as sealed on both. */
  rechazadas?: EdicionRechazada[]
  /** Acuerdos taken under one number in a session on both sides: one takes the next free one. */
  acuerdos?: AcuerdoRenumeradoPaquete[]
}

export interface AcuerdoRenumeradoPaquete {
  acuerdoId: string
  /** 'aqui': an acuerdo of this database; 'alla': one the package brings. */
  lado: 'aqui' | 'alla'
  /** Its session, as a person recognises it (with its instancia). */
  sesion: string
  antes: number
  despues: number
}

export interface EdicionRechazada {
  /**
   * 'aqui': an edit made here, undone as the package brings the acta approved there (kept in
   * this side's history); 'alla': the package's edit, refused as the acta is approved here.
   */
  lado: 'aqui' | 'alla'
  /** The session, as a person recognises it. */
  sesion: string
  /** What was edited, in words (the field and its value, or the row added or deleted). */
  cambio: string
  instalacion: string
  en: string
}

export interface SesionRenumerada {
  sesionId: string
  /** 'aqui': a session of this database; 'alla': one the package brings. */
  lado: 'aqui' | 'alla'
  /** The instancia's name: one number is taken once per instancia, type and year. */
  instancia: string
  tipo: string
  anio: number
  antes: number
  despues: number
}

export interface ResultadoImportacion extends VistaPreviaPaquete {
  /** The verified backup taken before writing. */
  respaldo: string
}

export interface PaqueteGenerado extends Documento {
  /** Fields it carries (0: the partner already has everything). */
  campos: number
}

/** A `.mitp` file: 20 MB at most, as base64. */
const paqueteBase64 = z
  .string()
  .min(1, 'Elija un archivo de paquete (.mitp).')
  .max(28_000_000, 'El paquete supera el máximo de 20 MB.')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'El archivo no llegó completo; vuelva a elegirlo.')

const archivoPaquete = {
  /** The file's name as the user chose it, for the messages. */
  archivo: requerido('El nombre del archivo', 255),
  paquete: paqueteBase64
}

export const instalacionRenombrarSchema = z.object({
  nombre: requerido('El nombre de esta instalación', LIMITES.nombre)
})

export const paqueteGenerarSchema = z.discriminatedUnion(
  'para',
  [
    z.object({
      para: z.literal('socio'),
      socioId: idSchema,
      /** Everything, not only what the partner has not seen (after it restored a backup). */
      todo: z.boolean()
    }),
    z.object({
      para: z.literal('nuevo'),
      nombre: requerido('El nombre de quien recibe el paquete', LIMITES.nombre)
    })
  ],
  { error: 'Elija para quién es el paquete: un socio o un socio nuevo.' }
)

/** One choice per conflict of the preview: keep this side's value or take the package's. */
const eleccionesSchema = z
  .array(
    z.object({
      clave: z.string().min(1).max(400, 'Conflicto no válido.'),
      eleccion: z.enum(['mio', 'suyo'], { error: 'Elija «Aquí» o «En el paquete».' })
    }),
    { error: 'Las elecciones de los conflictos no son válidas.' }
  )
  .max(100_000, 'Demasiados conflictos elegidos.')

export const paquetePrevisualizarSchema = z.object({
  ...archivoPaquete,
  /** The choices made so far: one may change which of two sessions keeps a number. */
  elecciones: eleccionesSchema.optional()
})

export const paqueteImportarSchema = z.object({ ...archivoPaquete, elecciones: eleccionesSchema })

/** The exchange between installations: who this one is, its partners, their packages. */
export const intercambioMetodos = {
  'instalacion:obtener': returns<Instalacion>()(vacioSchema),
  'instalacion:renombrar': returns<Instalacion>()(instalacionRenombrarSchema),
  'socio:listar': returns<Socio[]>()(vacioSchema),
  'paquete:generar': pesado(returns<PaqueteGenerado>()(paqueteGenerarSchema)),
  'paquete:previsualizar': pesado(returns<VistaPreviaPaquete>()(paquetePrevisualizarSchema)),
  'paquete:importar': pesado(returns<ResultadoImportacion>()(paqueteImportarSchema))
}
