import type { VistaPreviaImportacion } from '../../shared/domain/importacion'

const linea = (titulo: string, codigos: string[]): string[] =>
  codigos.length ? [`  ${titulo} (${codigos.length}): ${codigos.join(', ')}`] : []

/** The import preview as the CLI prints it. */
export function describirVista(v: VistaPreviaImportacion): string {
  if (v.sinCambios) return `Hoja «${v.hoja}»: ${v.totalAcciones} acciones; nada cambiaría.`
  return [
    `Hoja «${v.hoja}»: ${v.totalAcciones} acciones. Cambios:`,
    ...linea('Ejes agregados', v.ejes.agregados),
    ...linea('Ejes modificados', v.ejes.modificados),
    ...linea('Ejes eliminados', v.ejes.eliminados),
    ...linea('Objetivos agregados', v.objetivos.agregados),
    ...linea('Objetivos modificados', v.objetivos.modificados),
    ...linea('Objetivos eliminados', v.objetivos.eliminados),
    ...linea('Acciones agregadas', v.acciones.agregadas),
    ...linea('Acciones modificadas', v.acciones.modificadas),
    ...linea('Acciones eliminadas', v.acciones.eliminadas),
    ...linea('Metas cambiadas', v.metasCambiadas),
    ...linea('Indicadores cambiados', v.indicadoresCambiados),
    ...linea('Responsables cambiados', v.responsablesCambiados),
    ...linea('Glosario: siglas nuevas', v.glosario.agregadas),
    ...linea('Glosario: nombres cambiados', v.glosario.modificadas)
  ].join('\n')
}
