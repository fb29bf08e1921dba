/** A file the user picked, as base64 (what the contract carries instead of a path). */
export function leerBase64(file: File): Promise<string> {
  return new Promise((ok, fail) => {
    const r = new FileReader()
    r.onload = () => ok(String(r.result).replace(/^data:[^,]*,/, ''))
    r.onerror = () => fail(r.error ?? new Error('No se pudo leer el archivo.'))
    r.readAsDataURL(file)
  })
}
