import * as si from '../../../shared/instituciones/contract'
import type { Instancia, Institucion } from '../../../shared/domain/plan'
import type { FormSpec } from '../components/EntityForm'
import { orNull, via } from './via'

// The dialogs for the glossary of institutions and the instancias.

export function institucionForm(institucion?: Institucion): FormSpec {
  const fields: FormSpec['fields'] = [
    { name: 'sigla', label: 'Sigla', kind: 'text', required: true },
    { name: 'nombre', label: 'Nombre', kind: 'text', required: true }
  ]
  const initialValues = { sigla: institucion?.sigla ?? '', nombre: institucion?.nombre ?? '' }
  return institucion
    ? {
        title: `Editar ${institucion.sigla}`,
        fields,
        initialValues,
        schema: si.institucionActualizarSchema,
        toInput: (v) => ({ id: institucion.id, sigla: v.sigla, nombre: v.nombre }),
        save: via('institucion:actualizar')
      }
    : {
        title: 'Nueva institución',
        fields,
        initialValues,
        schema: si.institucionCrearSchema,
        toInput: (v) => ({ sigla: v.sigla, nombre: v.nombre }),
        save: via('institucion:crear')
      }
}

export function instanciaForm(instancia: Instancia): FormSpec {
  return {
    title: `Editar ${instancia.nombre}`,
    fields: [
      { name: 'nombre', label: 'Nombre', kind: 'text', required: true },
      { name: 'coordinador', label: 'Coordinador', kind: 'text' },
      { name: 'secretariaActas', label: 'Secretaría de actas', kind: 'text' }
    ],
    initialValues: {
      nombre: instancia.nombre,
      coordinador: instancia.coordinador ?? '',
      secretariaActas: instancia.secretariaActas ?? ''
    },
    schema: si.instanciaActualizarSchema,
    toInput: (v) => ({
      id: instancia.id,
      nombre: v.nombre,
      coordinador: orNull(v.coordinador),
      secretariaActas: orNull(v.secretariaActas)
    }),
    save: via('instancia:actualizar')
  }
}
