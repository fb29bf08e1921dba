/** Something `npm run dev` / `npm run package` needs and could not get, and why. */
export interface Falta {
  que: 'electron' | 'sqlite'
  causa: 'sin-red' | 'compilacion' | 'abi' | 'otra'
  /** What the tool printed (or, for 'abi', the ABI that was expected). */
  salida: string
}

// How prebuild-install, node-gyp and @electron/get say the download could not be made.
const RED =
  /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|getaddrinfo|socket hang up|fetch failed|network connectivity|self[- ]signed certificate|unable to get local issuer/i

export const esDeRed = (texto: string): boolean => RED.test(texto)

/** The line naming the network error, without the tool's log prefix. */
export function detalleDeRed(texto: string): string {
  const linea = texto.split('\n').find((l) => RED.test(l)) ?? ''
  return linea
    .replace(/^(prebuild-install|gyp) \w+ \w+\s*/, '')
    .trim()
    .slice(0, 160)
}

export function ultimasLineas(texto: string, n: number): string {
  return texto
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '')
    .slice(-n)
    .join('\n')
}

const QUE: Record<Falta['que'], (version: string) => string> = {
  electron: (v) => `el programa Electron ${v} (node_modules/electron/dist/)`,
  sqlite: (v) => `better-sqlite3 compilado para Electron ${v} (build-electron/better_sqlite3.node)`
}

function porque(f: Falta, version: string): string {
  const sangria = (t: string): string =>
    t
      .split('\n')
      .map((l) => `      ${l}`)
      .join('\n')
  switch (f.causa) {
    case 'sin-red':
      return `no se pudo descargar porque este equipo no tiene salida a internet (${detalleDeRed(f.salida)}).`
    case 'compilacion':
      return (
        `no hay binario publicado para este equipo y compilarlo falló; hacen falta Python y ` +
        `un compilador de C++ (en Windows, Visual Studio Build Tools). Lo último que dijo:\n` +
        sangria(ultimasLineas(f.salida, 6))
      )
    case 'abi':
      return (
        `lo obtenido no está compilado para Electron ${version} (${f.salida}); ` +
        `revise que ~/.npmrc no fije nodedir.`
      )
    case 'otra':
      return `no se pudo instalar. Lo último que dijo:\n${sangria(ultimasLineas(f.salida, 6))}`
  }
}

/** One message for everything missing, ending with what works meanwhile. */
export function mensajeFalta(faltas: Falta[], version: string): string {
  return [
    `No se pudo preparar la aplicación de escritorio. Falta:`,
    ...faltas.map((f) => `  - ${QUE[f.que](version)}: ${porque(f, version)}`),
    'Mientras tanto, `npm run dev:web` abre la misma aplicación en el navegador.',
    'Cómo prepararla sin internet: README, sección "Sin internet".'
  ].join('\n')
}
