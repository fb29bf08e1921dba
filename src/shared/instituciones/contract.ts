import { z } from 'zod'
import type { Instancia, Institucion } from '../domain/plan'
import {
  antesDe,
  idSchema,
  LIMITES,
  moverSchema,
  opcional,
  porIdSchema,
  requerido,
  returns,
  vacioSchema,
  type Removed
} from '../api/campos'

const institucionCampos = {
  sigla: requerido('La sigla', LIMITES.sigla),
  nombre: requerido('El nombre de la institución', LIMITES.nombre)
}
export const institucionCrearSchema = z.object(institucionCampos)
export const institucionActualizarSchema = z.object({
  id: idSchema,
  ...institucionCampos,
  antes: antesDe(institucionCampos)
})

const instanciaCampos = {
  nombre: requerido('El nombre de la instancia', LIMITES.nombre),
  coordinador: opcional('El coordinador', LIMITES.nombre),
  secretariaActas: opcional('La secretaría de actas', LIMITES.nombre)
}
export const instanciaActualizarSchema = z.object({
  id: idSchema,
  ...instanciaCampos,
  antes: antesDe(instanciaCampos)
})

/** The glossary of institutions, and the instancias (subcommissions, Mesa RAV, MITP). */
export const institucionesMetodos = {
  'institucion:listar': returns<Institucion[]>()(vacioSchema),
  'institucion:crear': returns<Institucion>()(institucionCrearSchema),
  'institucion:actualizar': returns<Institucion>()(institucionActualizarSchema),
  'institucion:eliminar': returns<Removed>()(porIdSchema),
  'institucion:mover': returns<null>()(moverSchema),
  'instancia:listar': returns<Instancia[]>()(vacioSchema),
  'instancia:actualizar': returns<Instancia>()(instanciaActualizarSchema)
}
