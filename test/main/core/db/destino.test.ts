import { describe, expect, it } from 'vitest'
import {
  describirDestino,
  destinoDeTexto,
  esUrlPostgres,
  sinClave
} from '../../../../src/main/core/db/destino'

// `--db` read as a file or a server, and a server written back without its password.
describe('where the data lives, from --db', () => {
  it('is a SQLite file unless it is a postgres:// URL', () => {
    expect(destinoDeTexto('datos/mitp.db')).toEqual({ tipo: 'sqlite', archivo: 'datos/mitp.db' })
    expect(destinoDeTexto('postgres.db')).toEqual({ tipo: 'sqlite', archivo: 'postgres.db' })
  })

  it('reads user, host, port, database, TLS mode and CA of a server', () => {
    expect(destinoDeTexto('postgres://ana%40x@db.minint.cl:6543/mitp%20rav')).toEqual({
      tipo: 'postgres',
      host: 'db.minint.cl',
      puerto: 6543,
      base: 'mitp rav',
      usuario: 'ana@x',
      tls: 'preferido'
    })
    expect(
      destinoDeTexto('postgresql://u@h/b?sslmode=verify-full&sslrootcert=/etc/ca.pem')
    ).toMatchObject({ puerto: 5432, tls: 'verificar', ca: '/etc/ca.pem' })
    expect(destinoDeTexto('postgres://u@h/b?sslmode=disable')).toMatchObject({ tls: 'desactivado' })
    expect(destinoDeTexto('postgres://u@h/b?sslmode=require')).toMatchObject({ tls: 'requerido' })
  })

  it('refuses a password in the URL without repeating it, and incomplete or unknown parts', () => {
    for (const url of ['postgres://u:secreta@h/b', 'postgres://u:secreta@h:99999/b']) {
      let mensaje = ''
      try {
        destinoDeTexto(url)
      } catch (e) {
        mensaje = (e as Error).message
      }
      expect(mensaje).not.toBe('')
      expect(mensaje).not.toContain('secreta')
    }
    expect(() => destinoDeTexto('postgres://h/b')).toThrow(/Falta el usuario/)
    expect(() => destinoDeTexto('postgres://u@h/')).toThrow(
      /Falta el usuario, el servidor o la base/
    )
    expect(() => destinoDeTexto('postgres://u@h/b?sslmode=allow')).toThrow(
      /El valor de sslmode no se reconoce/
    )
  })

  it('is shown without a password, whatever the destination holds', () => {
    const d = destinoDeTexto('postgres://ana@h:5433/mitp')
    expect(describirDestino({ ...d, clave: 'secreta' } as typeof d)).toBe(
      'postgres://ana@h:5433/mitp'
    )
    expect(sinClave('postgres://u:secreta@h/b')).toBe('postgres://u:***@h/b')
    // A password holding `@`, `/` or `?`: nothing of it is left.
    expect(sinClave('postgres://u:s3cr@t/x?y@h:5432/b')).toBe('postgres://u:***@h:5432/b')
    expect(sinClave('postgres://u@h/b?sslmode=disable&PASSWORD=secreta&x=1')).toBe(
      'postgres://u@h/b?…'
    )
    expect(sinClave('postgres:/u:secreta@h/b')).toBe('postgres:/u:***@h/b')
    expect(sinClave('postgres://ana:secreta@h/b')).toBe('postgres://ana:***@h/b')
    expect(sinClave(' postgres://ana:secreta@h/b')).toBe(' postgres://ana:***@h/b')
    expect(sinClave('postgres://ana@h/b')).toBe('postgres://ana@h/b')
    expect(describirDestino({ tipo: 'sqlite', archivo: 'datos/mitp.db' })).toBe('datos/mitp.db')
  })

  it('refuses a password in the query, and a mistyped scheme, without repeating the password', () => {
    const mensajes: string[] = []
    for (const url of [
      'postgres://u@h/b?password=secreta',
      'postgres://u@h/b?sslmode=require&Password=secreta',
      'postgress://u:secreta@h/b',
      'pgsql://u:secreta@h/b',
      'postgres://u:secreta@x@h/b',
      // Pasted with a space, one slash or none: an address, never a file named with it.
      ' postgres://u:secreta@h/b',
      'postgres:/u:secreta@h/b',
      'postgres:u:secreta@h',
      // Percent-encoded key, on an address that is otherwise invalid too (its text is echoed).
      'postgres://u@h:99999/b?pass%77ord=secreta',
      'postgres://u@h/b?sslmode=secreta'
    ]) {
      let mensaje = ''
      try {
        destinoDeTexto(url)
      } catch (e) {
        mensaje = (e as Error).message
      }
      mensajes.push(mensaje)
      expect(mensaje, url).not.toBe('')
      expect(mensaje, url).not.toContain('secreta')
    }
    expect(mensajes[0]).toMatch(/No escriba la contraseña en la dirección/)
    expect(mensajes[2]).toBe(
      '«postgress://u:***@h/b» no es una dirección de PostgreSQL válida ni la ruta de un archivo: use postgres://usuario@servidor:puerto/base.'
    )
    expect(mensajes[7]).toBe(
      '«postgres:u:***@h» no es una dirección de PostgreSQL válida ni la ruta de un archivo: use postgres://usuario@servidor:puerto/base.'
    )
    expect(mensajes[8]).toMatch(/^La dirección «postgres:\/\/u@h:99999\/b\?…» no es válida/)
    expect(() => destinoDeTexto('xpostgres://u@h/b')).toThrow(/no es una dirección de PostgreSQL/)
    // What the CLI takes for a server: any postgres: address, even pasted with a space.
    for (const t of ['postgres://u@h/b', 'POSTGRESQL://u@h/b', ' postgres:u@h', 'postgres:/u@h/b'])
      expect(esUrlPostgres(t), t).toBe(true)
    for (const t of ['postgres.db', 'datos/postgres://x', 'x postgres://u@h/b', 'postgresq://u@h'])
      expect(esUrlPostgres(t), t).toBe(false)
    // A Windows path is still a file.
    expect(destinoDeTexto('C:\\Datos\\mitp.db')).toEqual({
      tipo: 'sqlite',
      archivo: 'C:\\Datos\\mitp.db'
    })
  })
})
