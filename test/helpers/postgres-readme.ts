import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { DestinoPostgres, ModoTls } from '../../src/main/core/db/destino'
import { cliEnProceso } from './cli-en-proceso'
import { createAppApi } from '../../src/main/core/api'
import {
  openAppDatabase,
  type AppDatabase,
  type AppDatabaseSqlite
} from '../../src/main/core/db/open'
import { actaAprobada, type ActaAprobadaFixture } from './acta-aprobada'
import type { TestApp } from './db'
import { binariosPostgres, iniciarPostgres, type ServidorPostgres } from './postgres-servidor'

// The README's section for IT (PostgreSQL), taken at its word: its fenced blocks are read from
// README.md by the marker comment on their first line and run as they are, with Debian's own
// psql, pg_dump and pg_restore, against a server set up as the section says (TLS on, pg_hba
// from the README, scram passwords). Only the network in the pg_hba line becomes 127.0.0.1/32.

const README = path.join(__dirname, '..', '..', 'README.md')

/** The body of the README's fenced block whose first line is `marca` (without that line). */
export function bloqueDelReadme(marca: string): string {
  const texto = fs.readFileSync(README, 'utf8')
  const bloques = [...texto.matchAll(/^```[a-z]*\n([\s\S]*?)^```$/gm)].map((m) => m[1]!)
  const hallados = bloques.filter((b) => b.split('\n')[0]!.trim().endsWith(marca))
  if (hallados.length !== 1) throw new Error(`README.md: ${hallados.length} bloques «${marca}»`)
  return hallados[0]!.split('\n').slice(1).join('\n')
}

export const CLAVE_ROL = 'clave-de-prueba-Ñandú-2026'

/** A CA and a server certificate for 127.0.0.1 signed by it, made with openssl in `dir`. */
export function certificados(dir: string): {
  ca: string
  otraCa: string
  cert: string
  clave: string
} {
  const f = (n: string) => path.join(dir, n)
  const ssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' })
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes']
  for (const ca of ['ca', 'otra-ca'])
    ssl(
      'req',
      '-x509',
      ...ec,
      '-keyout',
      f(`${ca}.key`),
      '-out',
      f(`${ca}.crt`),
      '-days',
      '2',
      '-subj',
      `/CN=${ca} MITP prueba`
    )
  ssl(
    'req',
    ...ec,
    '-keyout',
    f('servidor.key'),
    '-out',
    f('servidor.csr'),
    '-subj',
    '/CN=127.0.0.1'
  )
  fs.writeFileSync(f('ext.cnf'), 'subjectAltName=IP:127.0.0.1\n')
  ssl(
    'x509',
    '-req',
    '-in',
    f('servidor.csr'),
    '-CA',
    f('ca.crt'),
    '-CAkey',
    f('ca.key'),
    '-CAcreateserial',
    '-out',
    f('servidor.crt'),
    '-days',
    '2',
    '-extfile',
    f('ext.cnf')
  )
  return {
    ca: f('ca.crt'),
    otraCa: f('otra-ca.crt'),
    cert: f('servidor.crt'),
    clave: f('servidor.key')
  }
}

/** The environment of IT's shell on the server: libpq's variables point at the test server. */
export const entornoDe = (servidor: ServidorPostgres, usuario = 'mitp'): NodeJS.ProcessEnv => ({
  ...process.env,
  PGHOST: '127.0.0.1',
  PGPORT: String(servidor.puerto),
  PGUSER: usuario,
  PGDATABASE: 'postgres'
})

/** Runs a README shell block with bash in `cwd`, Debian's PostgreSQL binaries first in PATH. */
export function ejecutarBloque(bloque: string, cwd: string, env: NodeJS.ProcessEnv): string {
  const PATH = `${binariosPostgres()}:${process.env.PATH}`
  return execFileSync('bash', ['-euo', 'pipefail', '-c', bloque], {
    cwd,
    env: { ...env, PATH },
    stdio: 'pipe',
    encoding: 'utf8'
  })
}

/** A SQL block run with psql as the superuser, as the README says (`-v clave=…` for the role). */
export function psqlComoElReadme(servidor: ServidorPostgres, sqlBloque: string, dir: string): void {
  fs.writeFileSync(path.join(dir, 'bloque.sql'), sqlBloque)
  ejecutarBloque('psql -v ON_ERROR_STOP=1 -v clave="$MITP_CLAVE" -f bloque.sql', dir, {
    ...entornoDe(servidor),
    MITP_CLAVE: CLAVE_ROL
  })
}

/**
 * A server as the README sets it up: ssl=on with the certificate above, pg_hba with the README's
 * line (the test's superuser `mitp` keeps trust, for the setup), the role and the database
 * created by the README's two blocks (`sqlBase` in place of the second, to break it).
 */
export async function servidorComoElReadme(
  dir: string,
  sqlBase = bloqueDelReadme('mitp:crear-base')
): Promise<{ servidor: ServidorPostgres; certs: ReturnType<typeof certificados> }> {
  const certs = certificados(dir)
  const hba = bloqueDelReadme('mitp:pg_hba').replace(/\s10\.0\.0\.0\/8\s/, ' 127.0.0.1/32 ')
  const servidor = await iniciarPostgres({
    hba: `host all mitp 127.0.0.1/32 trust\n${hba}`,
    tls: { certificado: certs.cert, clave: certs.clave }
  })
  try {
    psqlComoElReadme(servidor, bloqueDelReadme('mitp:crear-rol'), dir)
    psqlComoElReadme(servidor, sqlBase, dir)
  } catch (e) {
    await servidor.detener()
    throw e
  }
  return { servidor, certs }
}

/** The app's destination as a notebook would configure it: the README's role and database. */
export const destinoDelRol = (
  servidor: ServidorPostgres,
  tls: ModoTls,
  ca?: string,
  clave: string = CLAVE_ROL
): DestinoPostgres => ({
  tipo: 'postgres',
  host: '127.0.0.1',
  puerto: servidor.puerto,
  base: 'mitp',
  usuario: 'mitp_app',
  clave,
  tls,
  ...(ca ? { ca } : {})
})

/** The README's `migrar` of a laptop's file to the server, as the role (PGPASSWORD). */
export async function migrarAlServidor(
  servidor: ServidorPostgres,
  archivo: string
): Promise<{ code: number; out: string; err: string }> {
  const url = `postgres://mitp_app@127.0.0.1:${servidor.puerto}/mitp?sslmode=require`
  process.env.PGPASSWORD = CLAVE_ROL
  try {
    return await cliEnProceso('migrar', '--desde', archivo, '--a', url)
  } finally {
    delete process.env.PGPASSWORD
  }
}

/** The API over a database the test opened (on a server or a file). */
export function appDe(app: AppDatabase): TestApp {
  const api = createAppApi(app, { version: 'test', printPdf: null })
  return { app: app as unknown as AppDatabaseSqlite, api, file: '', close: () => app.close() }
}

/** A laptop's file in `dir` with an approved acta (and drafts), built through the API. */
export async function archivoConActa(
  dir: string
): Promise<{ archivo: string; f: ActaAprobadaFixture }> {
  const archivo = path.join(dir, 'notebook.db')
  const app = await openAppDatabase(archivo)
  const f = await actaAprobada(appDe(app))
  await app.close()
  return { archivo, f }
}
