import type { Documento } from '../../../shared/api/contract'
import { RUTA_DESCARGAS } from '../../../shared/sistema/contract'

/** Hands a document to the user: a download in the browser; Electron asks where to save it. */
export function descargar(doc: Documento): void {
  const bytes = Uint8Array.from(atob(doc.base64), (c) => c.charCodeAt(0))
  const url = URL.createObjectURL(new Blob([bytes], { type: doc.mime }))
  const a = document.createElement('a')
  a.href = url
  a.download = doc.nombre
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/**
 * Hands over a file the core offered by a one-time id, streamed by the host (never through this
 * page's memory): app://mitp in the app (Electron asks where to save it), the bridge otherwise.
 */
export function descargarOfrecida(id: string, nombre: string): void {
  const a = document.createElement('a')
  a.href = `${window.mitp ? 'app://mitp' : ''}${RUTA_DESCARGAS}${id}`
  a.download = nombre
  document.body.appendChild(a)
  a.click()
  a.remove()
}
