/** A file the user picked, as base64 (what the contract carries instead of a path). */
export function leerBase64(file: File): Promise<string> {
  return new Promise((ok, fail) => {
    const r = new FileReader()
    r.onload = () => ok(String(r.result).replace(/^data:[^,]*,/, ''))
    r.onerror = () => fail(r.error ?? new Error('No se pudo leer el archivo.'))
    r.readAsDataURL(file)
  })
}

/** 20 MB, as the contract allows for a workbook or a package. */
const MAX_BYTES = 20 * 1024 * 1024

/**
 * A file chosen to be imported (a workbook, a package): its content as base64, or why not, in
 * the words the screen shows.
 */
export async function leerParaImportar(
  file: File
): Promise<{ base64: string; error?: undefined } | { base64?: undefined; error: string }> {
  if (file.size > MAX_BYTES)
    return { error: `El archivo pesa ${(file.size / 1048576).toFixed(1)} MB; el máximo es 20 MB.` }
  try {
    return { base64: await leerBase64(file) }
  } catch {
    return { error: 'No se pudo leer el archivo. Vuelva a elegirlo.' }
  }
}
