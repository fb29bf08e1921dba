/** What importing a matrix workbook would change, shown before anything is written. */
export interface VistaPreviaImportacion {
  hoja: string
  totalAcciones: number
  ejes: { agregados: string[]; modificados: string[]; eliminados: string[] }
  objetivos: { agregados: string[]; modificados: string[]; eliminados: string[] }
  acciones: { agregadas: string[]; modificadas: string[]; eliminadas: string[] }
  metasCambiadas: string[]
  indicadoresCambiados: string[]
  responsablesCambiados: string[]
  glosario: { agregadas: string[]; modificadas: string[] }
  sinCambios: boolean
}

export interface ResultadoImportacion {
  planId: string
  vista: VistaPreviaImportacion
}
