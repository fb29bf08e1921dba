import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/cli'

// Packaging needs Electron downloads this machine cannot make; its configuration is checked here.
const yml = fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')
const value = (key: string): string | undefined =>
  new RegExp(`^\\s*${key}:\\s*(\\S+)\\s*$`, 'm').exec(yml)?.[1]

describe('electron-builder configuration', () => {
  it('sets the Electron fuses', () => {
    expect(value('runAsNode')).toBe('false')
    expect(value('enableCookieEncryption')).toBe('true')
    expect(value('enableNodeOptionsEnvironmentVariable')).toBe('false')
    expect(value('enableNodeCliInspectArguments')).toBe('false')
    expect(value('enableEmbeddedAsarIntegrityValidation')).toBe('true')
    expect(value('onlyLoadAppFromAsar')).toBe('true')
    expect(value('grantFileProtocolExtraPrivileges')).toBe('false')
  })

  it('builds a per-user Windows installer without admin rights, a portable exe, AppImage and deb', () => {
    expect(value('perMachine')).toBe('false')
    expect(value('allowElevation')).toBe('false')
    expect(yml).toMatch(/win:\s*\n\s*target:\s*\n\s*- nsis\s*\n\s*- portable/)
    expect(yml).toMatch(/linux:\s*\n\s*target:\s*\n\s*- AppImage\s*\n\s*- deb/)
  })

  it('ships only the built app, never the development bridge or the tests', () => {
    expect(yml).toMatch(
      /files:\s*\n\s*- out\/main\/\*\*\s*\n\s*- out\/preload\/\*\*\s*\n\s*- out\/renderer\/\*\*/
    )
    // The shell, the core's worker, and the chunks they load lazily (exceljs's code).
    expect(fs.readdirSync(path.join(ROOT, 'out', 'main')).sort()).toEqual([
      'chunks',
      'index.js',
      'nucleo.js'
    ])
  })
})
