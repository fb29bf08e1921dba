import type { InstanciaRow, InstitucionRow } from '../db/schema'
import type { Instancia, Institucion } from '../../../shared/domain/plan'

// Rows become API objects in one place, so column names never leak past the services.

export const toInstitucion = (r: InstitucionRow): Institucion => ({
  id: r.id,
  sigla: r.sigla,
  nombre: r.nombre,
  orden: r.orden
})

export const toInstancia = (r: InstanciaRow): Instancia => ({
  id: r.id,
  codigo: r.codigo,
  nombre: r.nombre,
  coordinador: r.coordinador,
  secretariaActas: r.secretaria_actas,
  orden: r.orden
})
