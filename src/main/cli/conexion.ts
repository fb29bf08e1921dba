import { abrirBase, type OpcionesAbrir } from '../core/db/abrir'
import { destinoDeTexto, sinClave, type Destino, type DestinoPostgres } from '../core/db/destino'
import { DatabaseOpenError, type AppDatabase } from '../core/db/open'
import { AppError } from '../core/errors'

// `--db` on the command line: a SQLite file or postgres://user@host:port/database. A server's
// password never comes from the URL (shell history, logs): PGPASSWORD, or a hidden prompt when
// the server asks for one and none was given.

export const MENSAJE_PGPASSWORD =
  'El servidor pide una contraseña y no se dio ninguna: defina la variable PGPASSWORD antes del comando (por ejemplo: PGPASSWORD=… npm run cli -- …), o ejecútelo en una terminal para escribirla. No la escriba en la dirección.'

/** `--db` read: a malformed URL's message never repeats a password written in it. */
export function destinoDeOpcion(texto: string): Destino {
  try {
    return destinoDeTexto(texto)
  } catch (e) {
    const mensaje = e instanceof Error ? e.message : String(e)
    throw new AppError('entrada_invalida', mensaje.split(texto).join(sinClave(texto)))
  }
}

/** Reads a line from the terminal without echoing it (the password). Ctrl-C cancels. */
export function preguntarClave(pregunta: string): Promise<string> {
  const stdin = process.stdin
  return new Promise((resolve, reject) => {
    let clave = ''
    const fin = () => {
      stdin.off('data', alLeer)
      stdin.setRawMode(false)
      stdin.pause()
      process.stderr.write('\n')
    }
    const alLeer = (texto: string) => {
      for (const c of texto) {
        if (c === '\r' || c === '\n') return (fin(), resolve(clave))
        if (c === '\u0003' || c === '\u0004') {
          fin()
          return reject(
            new AppError('entrada_invalida', 'Cancelado: no se escribió la contraseña.')
          )
        }
        clave = c === '\u007f' || c === '\b' ? clave.slice(0, -1) : clave + c
      }
    }
    process.stderr.write(pregunta)
    stdin.setEncoding('utf8')
    stdin.setRawMode(true)
    stdin.resume()
    stdin.on('data', alLeer)
  })
}

/** The server refused for want of a password (not for a wrong one, nor for permissions). */
const pidioClave = (e: unknown, d: DestinoPostgres): boolean =>
  d.clave === undefined &&
  e instanceof DatabaseOpenError &&
  e.reason === 'credenciales' &&
  /contraseña/i.test(e.message)

export interface Terminal {
  esTerminal: boolean
  preguntar: (pregunta: string) => Promise<string>
}

const TERMINAL: Terminal = {
  get esTerminal() {
    return process.stdin.isTTY === true
  },
  preguntar: preguntarClave
}

/** Opens `--db` wherever it points; on a server, with PGPASSWORD or a password asked for. */
export async function abrirDb(
  texto: string,
  opciones: OpcionesAbrir = {},
  terminal: Terminal = TERMINAL
): Promise<AppDatabase> {
  const destino = destinoDeOpcion(texto)
  if (destino.tipo === 'sqlite') return abrirBase(destino, opciones)
  const env = process.env.PGPASSWORD
  const d: DestinoPostgres = env ? { ...destino, clave: env } : destino
  try {
    return await abrirBase(d, opciones)
  } catch (e) {
    if (!pidioClave(e, d)) throw e
    if (!terminal.esTerminal) throw new DatabaseOpenError('credenciales', MENSAJE_PGPASSWORD)
    const clave = await terminal.preguntar(`Contraseña de ${d.usuario} en ${d.host}:${d.puerto}: `)
    return abrirBase({ ...d, clave }, opciones)
  }
}
