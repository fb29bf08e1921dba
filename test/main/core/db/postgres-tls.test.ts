import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { abrirPostgres } from '../../../../src/main/core/db/postgres/abrir'
import type { ModoTls } from '../../../../src/main/core/db/destino'
import type { ServidorPostgres } from '../../../helpers/postgres-servidor'
import {
  CLAVE_ROL,
  certificados,
  destinoDelRol,
  servidorComoElReadme
} from '../../../helpers/postgres-readme'
import { runCliProcess } from '../../../helpers/cli'
import { tempDir } from '../../../helpers/db'

// README «Base de datos compartida»: TLS. A server with ssl=on, a certificate for 127.0.0.1
// signed by a CA made with openssl here, and the README's pg_hba line (hostssl, scram). Each
// mode of the app's form against it, and the CLI's sslmode=verify-full with the CA given as the
// README says (sslrootcert= in the address, or NODE_EXTRA_CA_CERTS).

let servidor: ServidorPostgres
let certs: ReturnType<typeof certificados>
let limpiar: () => void

beforeAll(async () => {
  const { dir, cleanup } = tempDir('mitp-pg-tls-')
  limpiar = cleanup
  ;({ servidor, certs } = await servidorComoElReadme(dir))
}, 120_000)

afterAll(async () => {
  await servidor?.detener()
  limpiar?.()
})

/** Opens as the role in `tls` mode; whether the connection the app holds is encrypted. */
async function cifrada(tls: ModoTls, ca?: string): Promise<boolean> {
  const app = await abrirPostgres(destinoDelRol(servidor, tls, ca), { maximo: 1 })
  try {
    const { rows } = await sql<{ ssl: boolean }>`
      select ssl from pg_stat_ssl where pid = pg_backend_pid()`.execute(app.db)
    return rows[0]!.ssl
  } finally {
    await app.close()
  }
}

const SIN_ARCHIVO = /La aplicación no usó ningún archivo local en su lugar\.$/

describe('TLS as the README sets it up', () => {
  it("'verificar' with the CA's file connects, encrypted", async () => {
    expect(await cifrada('verificar', certs.ca)).toBe(true)
  })

  it("'verificar' with another CA, or none (the system's), is refused in Spanish", async () => {
    for (const ca of [certs.otraCa, undefined]) {
      const e = await abrirPostgres(destinoDelRol(servidor, 'verificar', ca)).catch((x) => x)
      expect(e).toBeInstanceOf(Error)
      expect(e.message).toMatch(
        new RegExp(
          `^La conexión segura \\(TLS\\) con 127\\.0\\.0\\.1:${servidor.puerto} falló \\(.*\\)\\. Revise el modo TLS y el certificado de la autoridad \\(CA\\)\\.`
        )
      )
      expect(e.message).toMatch(SIN_ARCHIVO)
    }
  })

  it("'requerido' and 'preferido' connect, encrypted", async () => {
    expect(await cifrada('requerido')).toBe(true)
    expect(await cifrada('preferido')).toBe(true)
  })

  it("'desactivado' is refused by the hostssl-only pg_hba", async () => {
    const e = await abrirPostgres(destinoDelRol(servidor, 'desactivado')).catch((x) => x)
    expect(e).toBeInstanceOf(Error)
    expect(e.message).toMatch(/^El servidor rechazó/)
    expect(e.message).toMatch(SIN_ARCHIVO)
  })

  it('a wrong password is refused by scram, in Spanish', async () => {
    const d = destinoDelRol(servidor, 'verificar', certs.ca, 'otra-clave')
    await expect(abrirPostgres(d)).rejects.toThrow(
      /^El servidor rechazó el usuario «mitp_app» o su contraseña\..*La aplicación no usó/
    )
  })

  it("the CLI's sslmode=verify-full trusts the CA in NODE_EXTRA_CA_CERTS, and only then", () => {
    const url = `postgres://mitp_app@127.0.0.1:${servidor.puerto}/mitp?sslmode=verify-full`
    const antes = { ...process.env }
    try {
      process.env.PGPASSWORD = CLAVE_ROL
      process.env.NODE_EXTRA_CA_CERTS = certs.ca
      const conCa = runCliProcess(['check', '--db', url])
      expect(conCa.stderr).toBe('')
      expect(conCa.status).toBe(0)
      process.env.NODE_EXTRA_CA_CERTS = certs.otraCa
      const sinCa = runCliProcess(['check', '--db', url])
      expect(sinCa.stderr).toMatch(/La conexión segura \(TLS\)/)
      expect(sinCa.status).not.toBe(0)
    } finally {
      process.env = antes
    }
  })

  it("the CLI's sslrootcert= names the CA file, as libpq's does: that CA only", () => {
    const url = (ca: string) =>
      `postgres://mitp_app@127.0.0.1:${servidor.puerto}/mitp?sslmode=verify-full&sslrootcert=${encodeURIComponent(ca)}`
    const antes = { ...process.env }
    try {
      process.env.PGPASSWORD = CLAVE_ROL
      delete process.env.NODE_EXTRA_CA_CERTS
      const conCa = runCliProcess(['check', '--db', url(certs.ca)])
      expect(conCa.stderr).toBe('')
      expect(conCa.status).toBe(0)
      const otraCa = runCliProcess(['check', '--db', url(certs.otraCa)])
      expect(otraCa.stderr).toMatch(/La conexión segura \(TLS\)/)
      expect(otraCa.status).not.toBe(0)
    } finally {
      process.env = antes
    }
  })
})
