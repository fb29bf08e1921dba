import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { iniciarNucleo, type Nucleo } from '../../../../src/main/core/host/nucleo'
import { workerDeDesarrollo } from '../../../../src/main/bridge/worker-dev'
import type { AvisoRespaldo, Evento } from '../../../../src/shared/api/eventos'
import { openTestApp, type TestApp } from '../../../helpers/db'
import { caller, conFirmantes, prevencionConMiembros } from '../../../helpers/sesiones'

/**
 * The daily backup at start that fails is told as a failed backup after an approval is: an
 * event for the pages listening, in Spanish, and kept by the core (respaldo:estado) for the
 * window that opens after it (in the app it always does), until a later backup is written. Here
 * the folder of backups is a file, then a folder.
 */
let t: TestApp
let n: Nucleo
const logs: string[] = []
const eventos: Evento[] = []
let sesionId = ''
let otraId = ''
let enId = ''
let respaldos = ''

beforeAll(async () => {
  t = await openTestApp()
  const { prevencion } = await prevencionConMiembros(t)
  const { ok } = caller(t)
  const nueva = (fecha: string) =>
    ok('sesion:crear', {
      instanciaId: prevencion.id,
      tipo: 'ordinaria',
      fecha,
      modalidad: 'presencial'
    })
  sesionId = (await nueva('2014-03-12')).id
  await conFirmantes(t, sesionId)
  await ok('sesion:cerrar', { id: sesionId })
  otraId = (await nueva('2014-03-26')).id
  await conFirmantes(t, otraId)
  await ok('sesion:cerrar', { id: otraId })
  enId = (await nueva('2014-04-09')).id
  respaldos = path.join(path.dirname(t.file), 'respaldos')
  fs.writeFileSync(respaldos, 'no es una carpeta')
  n = await iniciarNucleo({
    dbPath: t.file,
    version: 'prueba',
    workerFile: workerDeDesarrollo(),
    respaldosDir: respaldos,
    printPdf: null,
    log: (m) => logs.push(m)
  })
  n.alEvento((e) => eventos.push(e))
}, 60_000)
afterAll(async () => {
  await n?.cerrar()
  await t.close()
})

const fallidos = async (): Promise<AvisoRespaldo[]> => {
  const r = await n.call('respaldo:estado', undefined)
  if (!r.ok) throw new Error(r.error.message)
  return (r.value as { fallidos: AvisoRespaldo[] }).fallidos
}

describe('a failed daily backup at start', () => {
  it('is kept for the window that opens later, in Spanish, and logged', async () => {
    await expect.poll(fallidos, { timeout: 20_000 }).toHaveLength(1)
    const [aviso] = await fallidos()
    expect(aviso).toEqual({
      tipo: 'respaldo_fallido',
      diario: true,
      id: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
      mensaje:
        `No se pudo hacer el respaldo diario al abrir la base de datos (No se pudo crear la carpeta de respaldos "${respaldos}": en su lugar hay un archivo, no una carpeta. No se escribió ningún respaldo.). ` +
        'Sus datos no cambiaron: respalde ahora en Configuración → «Respaldar ahora» o revise el espacio de la carpeta de respaldos.'
    })
    expect(logs).toContain('respaldo diario fallido')
  })

  it('is listed with a later failure after an approval, each with its own id, the later one heard as an event', async () => {
    const r = await n.call('sesion:aprobar', { id: sesionId, enSesionId: enId, observaciones: '' })
    expect(r).toMatchObject({ ok: true, value: { estado: 'aprobada' } })
    await expect.poll(fallidos, { timeout: 20_000 }).toHaveLength(2)
    const [diario, aprobacion] = await fallidos()
    expect(aprobacion!.diario).toBeUndefined()
    expect(aprobacion!.mensaje).toMatch(/^No se pudo respaldar después de aprobar el acta de la/)
    expect(aprobacion!.id).not.toBe(diario!.id)
    expect(eventos).toContainEqual(aprobacion)
  })

  it('are forgotten once a later backup is written: a page opened then shows no notice', async () => {
    fs.rmSync(respaldos)
    fs.mkdirSync(respaldos)
    const r = await n.call('sesion:aprobar', { id: otraId, enSesionId: enId, observaciones: '' })
    expect(r).toMatchObject({ ok: true })
    await expect
      .poll(() => fs.readdirSync(respaldos).filter((f) => f.endsWith('.db')), {
        timeout: 20_000
      })
      .toHaveLength(1)
    await expect.poll(fallidos, { timeout: 20_000 }).toEqual([])
  })
})
