import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { iniciarPostgres, type ServidorPostgres } from '../../helpers/postgres-servidor'
import { ROOT, type CliRun } from '../../helpers/cli'
import { tempDir } from '../../helpers/db'
import { abrirUrl, baseNueva } from '../core/db/migrar-apoyo'

/**
 * The command line on a real PostgreSQL server (#17): `--db postgres://user@host:port/db` for the
 * commands that open a database, the password from PGPASSWORD (never from the URL, never
 * printed), a Spanish message and no file when the server cannot be reached. The CLI in its own
 * process, as `npm run cli` runs it.
 */
const CLAVE = 'clave-muy-secreta-17'
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx')
const carpeta = tempDir('mitp-cli-pg-')
/** Where the CLI runs: nothing may appear in it (a URL taken for a file name would). */
const cwd = path.join(carpeta.dir, 'cwd')
const archivos = path.join(carpeta.dir, 'archivos')
let servidor: ServidorPostgres
let url: string
/** A database owned by a role that logs in with a password (scram-sha-256). */
let urlConClave: string

const { PGPASSWORD: _fuera, ...resto } = process.env

function cli(args: string[], env: Record<string, string> = {}): CliRun {
  const r = spawnSync(TSX, [path.join(ROOT, 'src/main/cli/main.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...resto, MITP_DB: '', ...env },
    timeout: 120_000
  })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** A role with a password, and the server asking every role but the tests' admin for one. */
async function conClave(admin: string): Promise<string> {
  const c = new pg.Client({ connectionString: admin })
  await c.connect()
  try {
    await c.query(`create role secretaria login password '${CLAVE}'`)
    await c.query('create database con_clave owner secretaria')
    const archivo = (await c.query<{ hba_file: string }>('show hba_file')).rows[0]!.hba_file
    fs.writeFileSync(
      archivo,
      'local all all trust\nhost all mitp 127.0.0.1/32 trust\nhost all all 127.0.0.1/32 scram-sha-256\n'
    )
    await c.query('select pg_reload_conf()')
  } finally {
    await c.end()
  }
  const u = new URL(admin)
  return `postgres://secretaria@${u.host}/con_clave`
}

function puertoCerrado(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo
      s.close(() => resolve(port))
    })
  })
}

beforeAll(async () => {
  fs.mkdirSync(cwd)
  fs.mkdirSync(archivos)
  servidor = await iniciarPostgres()
  url = await baseNueva(servidor.url)
  urlConClave = await conClave(servidor.url)
}, 60_000)

afterAll(async () => {
  await servidor?.detener()
  carpeta.cleanup()
})

const sinArchivos = () => expect(fs.readdirSync(cwd)).toEqual([])

describe('CLI with --db postgres://…', () => {
  it('plan creates and seeds the server database and shows the plan; import writes to it', async () => {
    const plan = cli(['plan', '--db', url])
    expect(plan.stderr).toBe('')
    expect(plan.status).toBe(0)
    expect(plan.stdout).toContain('1. PREVENCIÓN Y SENSIBILIZACIÓN')
    const libro = path.join(archivos, 'matriz.xlsx')
    expect(cli(['export', '--db', url, '--out', libro]).status).toBe(0)
    const nuevo = ['--nuevo', 'Plan 2015-2016', '--desde', '2015-01-01', '--hasta', '2016-12-31']
    const imp = cli(['import', '--db', url, '--in', libro, ...nuevo])
    expect(imp.status, imp.stderr).toBe(0)
    expect(imp.stdout).toContain('Plan nuevo creado')
    const app = await abrirUrl(url)
    const planes = await app.db.selectFrom('planes').select('nombre').orderBy('nombre').execute()
    await app.close()
    expect(planes.map((p) => p.nombre)).toContain('Plan 2015-2016')
    sinArchivos()
  })

  it('check reports the server database; backup and restore point to pg_dump, writing nothing', () => {
    const check = cli(['check', '--db', url])
    expect(check.status, check.stderr).toBe(0)
    expect(check.stdout).toMatch(/correcta \(esquema \d+; protecciones presentes; \d+ planes/)
    const backup = cli(['backup', '--db', url, '--out', path.join(archivos, 'r.db')])
    expect(backup.status).toBe(1)
    expect(backup.stderr).toContain('pg_dump')
    const restore = cli(['restore', '--db', url, '--from', path.join(archivos, 'r.db')])
    expect(restore.status).toBe(1)
    expect(restore.stderr).toContain('pg_restore')
    expect(fs.existsSync(path.join(archivos, 'r.db'))).toBe(false)
    sinArchivos()
  })

  it('a password written in the URL is refused and never printed', () => {
    const conUrl = urlConClave.replace('secretaria@', `secretaria:${CLAVE}@`)
    for (const db of [conUrl, conUrl.replace(/:\d+\//, ':99999999/')]) {
      const r = cli(['plan', '--db', db])
      expect(r.status).toBe(1)
      expect(r.stderr).toMatch(/contraseña|no es válida/)
      expect(r.stdout + r.stderr).not.toContain(CLAVE)
    }
    sinArchivos()
  })

  it('the password from PGPASSWORD; without it and no terminal, said how to give it', () => {
    const sin = cli(['plan', '--db', urlConClave])
    expect(sin.status).toBe(1)
    expect(sin.stderr).toContain('defina la variable PGPASSWORD')
    const mala = cli(['plan', '--db', urlConClave], { PGPASSWORD: 'otra' })
    expect(mala.status).toBe(1)
    expect(mala.stderr).toContain('rechazó el usuario «secretaria» o su contraseña')
    const con = cli(['check', '--db', urlConClave], { PGPASSWORD: CLAVE })
    expect(con.status, con.stderr).toBe(0)
    expect(con.stdout).toContain(`${urlConClave}: correcta`)
    for (const r of [sin, mala, con]) expect(r.stdout + r.stderr).not.toContain(CLAVE)
    sinArchivos()
  })

  // util-linux's `script` gives the CLI a terminal (a pty), as a person at a console has.
  it.skipIf(!fs.existsSync('/usr/bin/script'))(
    'at a terminal, the password the server asks for is read without echo',
    async () => {
      const main = path.join(ROOT, 'src/main/cli/main.ts')
      const comando = [TSX, main, 'check', '--db', urlConClave].map((a) => `'${a}'`).join(' ')
      const hijo = spawn('/usr/bin/script', ['-qc', comando, '/dev/null'], {
        cwd,
        env: { ...resto, MITP_DB: '' }
      })
      let salida = ''
      let escrita = false
      hijo.stdout.on('data', (b: Buffer) => {
        salida += b.toString()
        if (!escrita && salida.includes('Contraseña de secretaria en 127.0.0.1')) {
          escrita = true
          hijo.stdin.write(`${CLAVE}\r`)
        }
      })
      const codigo = await new Promise((r) => hijo.on('close', r))
      expect(codigo, salida).toBe(0)
      expect(salida).toContain(`${urlConClave}: correcta`)
      expect(salida).not.toContain(CLAVE)
      sinArchivos()
    },
    60_000
  )

  it('an unreachable server: a Spanish message, exit code 1, no file created', async () => {
    const cerrado = `postgres://mitp@127.0.0.1:${await puertoCerrado()}/mitp`
    for (const comando of [['plan'], ['demo'], ['buscar', 'trata'], ['check']]) {
      const r = cli([comando[0]!, '--db', cerrado, ...comando.slice(1)])
      expect(r.status, comando[0]).toBe(1)
      expect(r.stderr).toContain('rechazó la conexión')
      expect(r.stderr).toContain('no usó ningún archivo local')
    }
    const m = cli(['migrar', '--desde', cerrado, '--a', path.join(archivos, 'copia.db')])
    expect(m.status).toBe(1)
    expect(m.stderr).toContain('rechazó la conexión')
    expect(fs.existsSync(path.join(archivos, 'copia.db'))).toBe(false)
    sinArchivos()
  })
})
