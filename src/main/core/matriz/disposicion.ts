// The layout of the matrix sheet, as the ministry's workbook has it: the writer lays it out and
// the reader looks for it.

export const TITULO_MATRIZ = 'PLAN DE ACCIÓN CONTRA LA TRATA DE PERSONAS'
export const ENCABEZADOS = [
  'Ejes Estratégicos',
  'Objetivos',
  'Acciones',
  'Metas e Indicadores',
  'Instituciones Responsables'
] as const
export const ENCABEZADOS_SEGUIMIENTO = [
  'Estado',
  '% de avance',
  'Último reporte',
  'Sesión del reporte',
  'Acuerdos pendientes'
] as const
export const HOJA_MATRIZ = 'Matriz'
export const GLOSARIO = 'Glosario de términos:'
/** The glossary prints on its own page: its own sheet, after the matrix. */
export const HOJA_GLOSARIO = 'Glosario'
