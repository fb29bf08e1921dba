/**
 * Control characters (other than tab and line breaks) are invisible, break XML documents and
 * are dropped by spreadsheets: text holding one is refused wherever it enters or leaves.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/

export function tieneControl(texto: string): boolean {
  return CONTROL.test(texto)
}

export const MENSAJE_CONTROL =
  'El texto contiene caracteres de control no permitidos (quizás al pegar desde otro programa).'
