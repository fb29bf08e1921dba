import { describe, expect, it } from 'vitest'
import { causaDeRed, mensajeError } from '../../../scripts/electron-sqlite/mensajes'

const errno = (code: string, p?: string): NodeJS.ErrnoException =>
  Object.assign(new Error(`${code}: algo`), { code, path: p })

describe('mensajeError (anything main.ts catches)', () => {
  it.each([
    ['EACCES', 'no hay permiso para escribir'],
    ['EROFS', 'la carpeta está en un disco de sólo lectura'],
    ['ENOSPC', 'el disco está lleno'],
    ['EPERM', 'no hay permiso, o el archivo está en uso por otro programa']
  ])('%s: one Spanish line naming the cause and where', (code, causa) => {
    expect(mensajeError(errno(code, '/p/.build-electron-x'))).toBe(
      `No se pudo preparar la aplicación de escritorio: ${causa} en /p/.build-electron-x [${code}]. ` +
        'Mientras tanto, `npm run dev:web` abre la misma aplicación en el navegador.'
    )
  })

  it('falls back to the error’s own text', () => {
    expect(mensajeError(new Error('raro'))).toMatch(/^No se pudo .*: raro\. Mientras tanto/)
  })
})

describe('causaDeRed', () => {
  it.each([
    ['unable to get local issuer certificate', 'certificado'],
    ['self signed certificate in certificate chain', 'certificado'],
    ['tunneling socket could not be established, statusCode=403', 'proxy'],
    ['getaddrinfo ENOTFOUND github.com', 'sin-red'],
    ['HTTPError: Response code 404 (Not Found)', 'descarga'],
    ['gyp ERR! stack Error: not found: make', null]
  ])('%s → %s', (texto, causa) => {
    expect(causaDeRed(texto)).toBe(causa)
  })
})
