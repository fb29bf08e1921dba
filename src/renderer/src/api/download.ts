import type { Documento } from '../../../shared/api/contract'

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
