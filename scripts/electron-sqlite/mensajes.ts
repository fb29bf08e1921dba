/** Something `npm run dev` / `npm run package` needs and could not get, and why. */
export interface Falta {
  que: 'electron' | 'sqlite'
  causa: Causa
  /** What the tool printed ('abi': what was expected; 'variable': the path it names). */
  salida: string
  /** For 'abi': where the wrong binary came from (only node-gyp can be misled by nodedir). */
  origen?: 'prebuilt' | 'node-gyp'
}

export type CausaDeRed = 'sin-red' | 'certificado' | 'proxy' | 'descarga'
export type Causa = CausaDeRed | 'compilacion' | 'abi' | 'variable' | 'otra'

// How prebuild-install (simple-get, tunnel-agent), node-gyp and @electron/get say the download
// failed, most specific first: an intercepting proxy's certificate is not "no internet".
const RED: [CausaDeRed, RegExp][] = [
  [
    'certificado',
    /self[- ]signed certificate|unable to get local issuer|unable to verify the first certificate|CERT_|certificate has expired/i
  ],
  ['proxy', /statusCode=40[37]|407 Proxy|Proxy Authentication Required|tunneling socket/i],
  [
    'sin-red',
    /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|getaddrinfo|socket hang up|fetch failed|network connectivity/i
  ],
  ['descarga', /\b[45]\d\d response downloading|Response code [45]\d\d|HTTPError/i]
]

/** Whether the tool's output says a download failed, and how. */
export function causaDeRed(texto: string): CausaDeRed | null {
  return RED.find(([, re]) => re.test(texto))?.[0] ?? null
}

/** The line naming the network error, without the tool's log prefix. */
export function detalleDeRed(texto: string, causa: CausaDeRed): string {
  const re = RED.find(([c]) => c === causa)![1]
  const linea = texto.split('\n').find((l) => re.test(l)) ?? ''
  return linea
    .replace(/^(prebuild-install|gyp) \S+ \S+\s*/, '')
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

const sangria = (t: string): string =>
  t
    .split('\n')
    .map((l) => `      ${l}`)
    .join('\n')

const RAZON_RED: Record<CausaDeRed, (detalle: string) => string> = {
  'sin-red': (d) => `no se pudo descargar porque este equipo no tiene salida a internet (${d}).`,
  certificado: (d) =>
    `no se pudo descargar: la conexión fue rechazada por un certificado que este equipo no ` +
    `reconoce, probablemente de un proxy que inspecciona HTTPS (${d}). Pida a informática ` +
    `el certificado raíz y apúntelo con NODE_EXTRA_CA_CERTS.`,
  proxy: (d) =>
    `no se pudo descargar: el proxy rechazó la conexión (${d}). Si pide usuario y clave, ` +
    `inclúyalos en HTTPS_PROXY (http://usuario:clave@proxy:puerto).`,
  descarga: (d) => `no se pudo descargar: el servidor respondió con un error (${d}).`
}

function porque(f: Falta, version: string): string {
  switch (f.causa) {
    case 'compilacion':
      return (
        `no hay binario publicado para este equipo y compilarlo falló; hacen falta Python y ` +
        `un compilador de C++ (en Windows, Visual Studio Build Tools). Lo último que dijo:\n` +
        sangria(ultimasLineas(f.salida, 6))
      )
    case 'abi':
      return f.origen === 'node-gyp'
        ? `lo compilado no es para Electron ${version} (${f.salida}); ` +
            `revise que ~/.npmrc no fije nodedir.`
        : `lo descargado no es better-sqlite3 para Electron ${version} en este equipo ` +
            `(${f.salida}); no se usó.`
    case 'variable':
      return (
        `MITP_SQLITE_BINDING apunta a ${f.salida}, que no es better-sqlite3 para Electron ` +
        `${version} en este equipo; corríjala o quítela.`
      )
    case 'otra':
      return `no se pudo instalar. Lo último que dijo:\n${sangria(ultimasLineas(f.salida, 6))}`
    default:
      return RAZON_RED[f.causa](detalleDeRed(f.salida, f.causa))
  }
}

const MIENTRAS = 'Mientras tanto, `npm run dev:web` abre la misma aplicación en el navegador.'

/** One message for everything missing, ending with what works meanwhile. */
export function mensajeFalta(faltas: Falta[], version: string): string {
  return [
    `No se pudo preparar la aplicación de escritorio. Falta:`,
    ...faltas.map((f) => `  - ${QUE[f.que](version)}: ${porque(f, version)}`),
    MIENTRAS,
    'Cómo prepararla sin internet: README, sección "Sin internet".'
  ].join('\n')
}

const CODIGOS: Record<string, string> = {
  EACCES: 'no hay permiso para escribir',
  EPERM: 'no hay permiso, o el archivo está en uso por otro programa',
  EROFS: 'la carpeta está en un disco de sólo lectura',
  ENOSPC: 'el disco está lleno',
  EDQUOT: 'se acabó la cuota de disco',
  EBUSY: 'el archivo está en uso por otro programa',
  EMFILE: 'hay demasiados archivos abiertos',
  ENOENT: 'falta un archivo o carpeta',
  ENOTDIR: 'una ruta que debía ser carpeta es un archivo',
  EISDIR: 'una ruta que debía ser archivo es una carpeta'
}

/** Anything thrown: one Spanish line naming the cause and the path, no stack trace. */
export function mensajeError(e: unknown): string {
  const err = e as Partial<NodeJS.ErrnoException>
  const causa = (err.code && CODIGOS[err.code]) || (err.message ?? String(e))
  const donde = err.path ? ` en ${err.path}` : ''
  const codigo = err.code ? ` [${err.code}]` : ''
  return `No se pudo preparar la aplicación de escritorio: ${causa}${donde}${codigo}. ${MIENTRAS}`
}
