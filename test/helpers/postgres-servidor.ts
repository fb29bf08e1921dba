import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

// A real PostgreSQL server from Debian's packages, started for the tests on 127.0.0.1 in a
// temporary data directory and removed at the end. No mock, no emulation: the same server an
// IT department installs, only with fsync off (a test's data need not survive a power cut).

export interface ServidorPostgres {
  /** postgres://mitp@127.0.0.1:PORT/postgres (trust on loopback: no password in the tests). */
  url: string
  puerto: number
  detener(): Promise<void>
}

/** The folder with initdb and postgres: Debian puts them under /usr/lib/postgresql/N/bin. */
export function binariosPostgres(): string | null {
  const base = '/usr/lib/postgresql'
  if (!fs.existsSync(base)) return null
  const versiones = fs
    .readdirSync(base)
    .filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))
  return versiones[0] ? path.join(base, versiones[0], 'bin') : null
}

function puertoLibre(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo
      s.close(() => resolve(port))
    })
  })
}

// initdb refuses to run as root: there, the server runs as Debian's `postgres` user.
const comoRoot = process.getuid?.() === 0

function ejecutar(bin: string, args: string[]): void {
  if (comoRoot) execFileSync('runuser', ['-u', 'postgres', '--', bin, ...args], { stdio: 'pipe' })
  else execFileSync(bin, args, { stdio: 'pipe' })
}

/** Whether the server accepts sessions: it listens before it does ("is starting up", 57P03). */
function aceptaSesiones(bin: string, puerto: number): boolean {
  try {
    execFileSync(path.join(bin, 'pg_isready'), ['-q', '-h', '127.0.0.1', '-p', String(puerto)], {
      stdio: 'ignore'
    })
    return true
  } catch {
    return false
  }
}

async function esperarConexion(
  bin: string,
  puerto: number,
  hijo: ChildProcess,
  log: string
): Promise<void> {
  const hasta = Date.now() + 60_000
  while (Date.now() < hasta) {
    if (hijo.exitCode !== null) break
    if (aceptaSesiones(bin, puerto)) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(
    `PostgreSQL no arrancó:\n${fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : ''}`
  )
}

export interface OpcionesServidor {
  /** pg_hba.conf's lines in place of initdb's (trust for all on loopback), e.g. scram for a role. */
  hba?: string
  /** TLS on (ssl=on) with these PEM files: the server's certificate and its key. */
  tls?: { certificado: string; clave: string }
}

/** Writes the options' files into the data folder; the server arguments they need. */
function configurar(dir: string, opciones: OpcionesServidor): string[] {
  const escribir = (nombre: string, contenido: string, modo: number): string => {
    const destino = path.join(dir, nombre)
    fs.writeFileSync(destino, contenido, { mode: modo })
    if (comoRoot) execFileSync('chown', ['postgres', destino])
    return destino
  }
  const args: string[] = []
  if (opciones.hba !== undefined) {
    args.push('-c', `hba_file=${escribir('pg_hba.conf', opciones.hba, 0o600)}`)
  }
  if (opciones.tls) {
    // The server refuses a key others can read.
    const cert = escribir('servidor.crt', fs.readFileSync(opciones.tls.certificado, 'utf8'), 0o644)
    const clave = escribir('servidor.key', fs.readFileSync(opciones.tls.clave, 'utf8'), 0o600)
    args.push('-c', 'ssl=on', '-c', `ssl_cert_file=${cert}`, '-c', `ssl_key_file=${clave}`)
  }
  return args
}

export async function iniciarPostgres(opciones: OpcionesServidor = {}): Promise<ServidorPostgres> {
  const bin = binariosPostgres()
  if (!bin) throw new Error('PostgreSQL no está instalado (apt-get install postgresql).')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mitp-pg-'))
  fs.chmodSync(dir, 0o755)
  if (comoRoot) execFileSync('chown', ['postgres', dir])
  const datos = path.join(dir, 'datos')
  ejecutar(path.join(bin, 'initdb'), [
    '-D',
    datos,
    '-A',
    'trust',
    '-U',
    'mitp',
    '-E',
    'UTF8',
    '--no-locale'
  ])
  const puerto = await puertoLibre()
  const log = path.join(dir, 'servidor.log')
  const args = [
    '-D',
    datos,
    '-h',
    '127.0.0.1',
    '-p',
    String(puerto),
    '-k',
    dir,
    '-c',
    'fsync=off',
    '-c',
    'synchronous_commit=off',
    '-c',
    'full_page_writes=off',
    '-c',
    'max_connections=400',
    ...configurar(dir, opciones)
  ]
  const postgres = path.join(bin, 'postgres')
  const fd = fs.openSync(log, 'a')
  if (comoRoot) execFileSync('chown', ['postgres', log])
  const hijo = comoRoot
    ? spawn('runuser', ['-u', 'postgres', '--', postgres, ...args], { stdio: ['ignore', fd, fd] })
    : spawn(postgres, args, { stdio: ['ignore', fd, fd] })
  await esperarConexion(bin, puerto, hijo, log)
  return {
    url: `postgres://mitp@127.0.0.1:${puerto}/postgres`,
    puerto,
    detener: async () => {
      if (hijo.exitCode === null) {
        const fin = new Promise((r) => hijo.once('exit', r))
        try {
          ejecutar(path.join(bin, 'pg_ctl'), ['stop', '-D', datos, '-m', 'immediate', '-w'])
        } catch {
          hijo.kill('SIGKILL')
        }
        await Promise.race([fin, new Promise((r) => setTimeout(r, 10_000))])
      }
      fs.closeSync(fd)
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }
}
