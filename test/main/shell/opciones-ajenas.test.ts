import { describe, expect, it } from 'vitest'
import { esOpcionAjena, nombreDeOpcion } from '../../../src/main/shell/opciones-ajenas'
import { decidirArranque } from '../../../src/main/shell/arranque'

// The packaged app's refusal of debugging switches once matched only "--inspect" as written:
// "-inspect", "--INSPECT", "/inspect" and "--inspect_brk" went through.
describe('esOpcionAjena', () => {
  it.each([
    '--inspect',
    '-inspect',
    '--INSPECT',
    '--Inspect-Brk=9229',
    '--inspect-brk=',
    '--inspect_brk',
    '--inspect-port=0',
    '--inspect-publish-uid=http',
    '/inspect',
    '---inspect',
    ' --inspect',
    '--inspect=127.0.0.1:9229',
    '--remote-debugging-port',
    '--remote-debugging-port=9222',
    '-remote-debugging-port=9222',
    '--REMOTE-DEBUGGING-PORT=9222',
    '--remote_debugging_port=9222',
    '--remote-debugging-pipe',
    '--remote-debugging-address=0.0.0.0',
    '--remote-allow-origins=*',
    '--auto-open-devtools-for-tabs',
    '--js-flags=--expose-gc',
    '-js-flags=--allow-natives-syntax',
    '--debug',
    '--debug-brk',
    '/REMOTE-DEBUGGING-PORT=9222'
  ])('refuses %s', (arg) => {
    expect(esOpcionAjena(arg)).toBe(true)
  })

  it.each([
    'mitp',
    '.',
    '/home/ana/actas.db',
    'C:\\Users\\ana\\actas.db',
    '--lang=es-CL',
    '--remote-debugging-portal',
    '--inspector-de-actas',
    '--debugger',
    '--js-flagsx',
    '--no-sandbox',
    '9222',
    '',
    '-',
    '--'
  ])('lets %j through', (arg) => {
    expect(esOpcionAjena(arg)).toBe(false)
  })
})

describe('nombreDeOpcion', () => {
  it.each([
    ['--Inspect_Brk=9229', 'inspect-brk'],
    ['-remote-debugging-port=9222', 'remote-debugging-port'],
    ['/JS-FLAGS=--x', 'js-flags'],
    ['archivo.db', null],
    ['--', null]
  ])('%s names %s', (arg, nombre) => {
    expect(nombreDeOpcion(arg)).toBe(nombre)
  })
})

describe('the packaged app refuses them at start-up, whatever the spelling', () => {
  const argv = ['mitp', '-inspect', '--INSPECT-BRK=9229', '--remote_debugging_port=1', '--lang=es']
  const e = {
    env: {},
    argv,
    resourcesPath: '/r',
    appPath: '/a',
    userData: '/u',
    appData: '/',
    nombre: 'u',
    plataforma: 'linux' as const,
    homeDeCuenta: '/h'
  }
  it('packaged: refused; development: allowed', () => {
    expect(decidirArranque({ ...e, isPackaged: true }, () => false).rechazados).toEqual(
      argv.slice(1, 4)
    )
    expect(decidirArranque({ ...e, isPackaged: false }, () => false).rechazados).toEqual([])
  })
})
