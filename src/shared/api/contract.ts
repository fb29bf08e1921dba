import type { z } from 'zod'
import type { Channel } from './channels'
import type { ApiResult } from './result'
import type {
  AccionDetalle,
  Accion,
  Eje,
  Indicador,
  Instancia,
  Institucion,
  Meta,
  Objetivo,
  PlanArbol,
  PlanResumen
} from '../domain/plan'
import type {
  Acuerdo,
  Asistencia,
  FeErrata,
  Medicion,
  Miembro,
  Persona,
  PuntoTabla,
  Sesion,
  SesionDetalle,
  SesionResumen
} from '../domain/sesiones'
import type { VistaPreviaImportacion } from '../domain/importacion'
import type { Tarea } from '../domain/tareas'
import * as s from './schemas'
import * as ss from './schemas-sesiones'

/** A method: the zod schema its input must pass, and (as a type only) what it returns. */
export interface MethodDef<I extends z.ZodType, O> {
  input: I
  /** Phantom: never set at run time, carries the result type. */
  output?: O
}

const returns =
  <O>() =>
  <I extends z.ZodType>(input: I): MethodDef<I, O> => ({ input })

export interface AppInfo {
  version: string
  schemaVersion: number
  dbPath: string
}

export interface Documento {
  nombre: string
  mime: string
  base64: string
}

export interface ConfigDocumentos {
  encabezado: string
  logo: string | null
}

/** Removal answers with the id it removed; reordering with nothing. */
type Removed = { id: string }

/** The one API contract: served over IPC in the app and over HTTP in development and tests. */
export const contract = {
  'app:info': returns<AppInfo>()(s.vacioSchema),
  'plan:listar': returns<PlanResumen[]>()(s.vacioSchema),
  'plan:arbol': returns<PlanArbol>()(s.planArbolSchema),
  'plan:actualizar': returns<PlanResumen>()(s.planActualizarSchema),
  'eje:crear': returns<Eje>()(s.ejeCrearSchema),
  'eje:actualizar': returns<Eje>()(s.ejeActualizarSchema),
  'eje:eliminar': returns<Removed>()(s.porIdSchema),
  'eje:mover': returns<null>()(s.moverSchema),
  'objetivo:crear': returns<Objetivo>()(s.objetivoCrearSchema),
  'objetivo:actualizar': returns<Objetivo>()(s.objetivoActualizarSchema),
  'objetivo:eliminar': returns<Removed>()(s.porIdSchema),
  'objetivo:mover': returns<null>()(s.moverSchema),
  'accion:obtener': returns<AccionDetalle>()(s.porIdSchema),
  'accion:crear': returns<Accion>()(s.accionCrearSchema),
  'accion:actualizar': returns<Accion>()(s.accionActualizarSchema),
  'accion:eliminar': returns<Removed>()(s.porIdSchema),
  'accion:mover': returns<null>()(s.moverSchema),
  'meta:crear': returns<Meta>()(s.metaCrearSchema),
  'meta:actualizar': returns<Meta>()(s.metaActualizarSchema),
  'meta:eliminar': returns<Removed>()(s.porIdSchema),
  'meta:mover': returns<null>()(s.moverSchema),
  'indicador:crear': returns<Indicador>()(s.indicadorCrearSchema),
  'indicador:actualizar': returns<Indicador>()(s.indicadorActualizarSchema),
  'indicador:eliminar': returns<Removed>()(s.porIdSchema),
  'indicador:mover': returns<null>()(s.moverSchema),
  'institucion:listar': returns<Institucion[]>()(s.vacioSchema),
  'institucion:crear': returns<Institucion>()(s.institucionCrearSchema),
  'institucion:actualizar': returns<Institucion>()(s.institucionActualizarSchema),
  'institucion:eliminar': returns<Removed>()(s.porIdSchema),
  'institucion:mover': returns<null>()(s.moverSchema),
  'instancia:listar': returns<Instancia[]>()(s.vacioSchema),
  'instancia:actualizar': returns<Instancia>()(s.instanciaActualizarSchema),
  'persona:listar': returns<Persona[]>()(s.vacioSchema),
  'persona:crear': returns<Persona>()(ss.personaCrearSchema),
  'persona:actualizar': returns<Persona>()(ss.personaActualizarSchema),
  'persona:eliminar': returns<Removed>()(s.porIdSchema),
  'miembro:listar': returns<Miembro[]>()(ss.miembroListarSchema),
  'miembro:agregar': returns<Miembro>()(ss.miembroAgregarSchema),
  'miembro:quitar': returns<Removed>()(s.porIdSchema),
  'sesion:listar': returns<SesionResumen[]>()(ss.sesionListarSchema),
  'sesion:crear': returns<Sesion>()(ss.sesionCrearSchema),
  'sesion:obtener': returns<SesionDetalle>()(s.porIdSchema),
  'sesion:actualizar': returns<Sesion>()(ss.sesionActualizarSchema),
  'sesion:cerrar': returns<Sesion>()(s.porIdSchema),
  'sesion:reabrir': returns<Sesion>()(s.porIdSchema),
  'sesion:aprobar': returns<Sesion>()(ss.sesionAprobarSchema),
  'sesion:eliminar': returns<Removed>()(s.porIdSchema),
  'asistencia:marcar': returns<Asistencia>()(ss.asistenciaMarcarSchema),
  'asistencia:invitar': returns<Asistencia>()(ss.asistenciaInvitarSchema),
  'asistencia:quitar': returns<Removed>()(s.porIdSchema),
  'punto:crear': returns<PuntoTabla>()(ss.puntoCrearSchema),
  'punto:actualizar': returns<PuntoTabla>()(ss.puntoActualizarSchema),
  'punto:mover': returns<null>()(s.moverSchema),
  'punto:eliminar': returns<Removed>()(s.porIdSchema),
  'avance:guardar': returns<null>()(ss.avanceGuardarSchema),
  'medicion:guardar': returns<Medicion>()(ss.medicionGuardarSchema),
  'acuerdo:crear': returns<Acuerdo>()(ss.acuerdoCrearSchema),
  'acuerdo:actualizar': returns<Acuerdo>()(ss.acuerdoActualizarSchema),
  'acuerdo:eliminar': returns<Removed>()(s.porIdSchema),
  'acuerdo:seguimiento': returns<null>()(ss.seguimientoGuardarSchema),
  'errata:crear': returns<FeErrata>()(ss.errataCrearSchema),
  'acta:documento': returns<Documento>()(ss.actaDocumentoSchema),
  'config:obtener': returns<ConfigDocumentos>()(s.vacioSchema),
  'config:guardar': returns<ConfigDocumentos>()(ss.configGuardarSchema),
  'matriz:exportar': returns<{ tareaId: string }>()(ss.matrizExportarSchema),
  'matriz:previsualizar': returns<VistaPreviaImportacion>()(ss.matrizPrevisualizarSchema),
  'matriz:importar': returns<{ tareaId: string }>()(ss.matrizImportarSchema),
  'tarea:estado': returns<Tarea>()(s.porIdSchema),
  'tarea:cancelar': returns<null>()(s.porIdSchema),
  'respaldo:ahora': returns<Documento>()(s.vacioSchema)
} satisfies Record<Channel, MethodDef<z.ZodType, unknown>>

export type Contract = typeof contract

/** What a caller sends. */
export type Input<C extends Channel> = z.input<Contract[C]['input']>
/** What a service receives, after parsing. */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>
export type Output<C extends Channel> =
  Contract[C] extends MethodDef<z.ZodType, infer O> ? O : never

/** The server side: one handler per channel, given parsed input. */
export type ApiHandlers = { [C in Channel]: (input: ParsedInput<C>) => Promise<Output<C>> }

/** The client side, the same over IPC and HTTP: never throws for a refused call. */
export type ApiTransport = <C extends Channel>(
  channel: C,
  input: Input<C>
) => Promise<ApiResult<Output<C>>>

/** What the preload exposes on `window.mitp`: one function per channel. */
export type PreloadApi = { [C in Channel]: (input: Input<C>) => Promise<ApiResult<Output<C>>> }
