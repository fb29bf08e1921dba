import fs from 'node:fs'
import path from 'node:path'
import { workerDeDesarrollo } from '../../src/main/bridge/worker-dev'

/**
 * The core's worker bundle, run from a second file beside it, so the threads the core starts
 * for its backups (which run the core's own file) run this one too: such a thread marks that it
 * started (`retenido-<motivo>` beside the backups folder) and waits until the test creates
 * `soltar` there. The core itself runs unchanged. Lets a test hold a backup at a known point.
 */
export function workerConRespaldoRetenido(): string {
  const real = workerDeDesarrollo()
  const envoltura = path.join(path.dirname(real), `retenido-${path.basename(real)}`)
  const codigo = `
const fs = require('node:fs')
const path = require('node:path')
const Module = require('node:module')
const { workerData } = require('node:worker_threads')
const REAL = ${JSON.stringify(real)}
function correr() {
  // The real bundle, compiled under this file's name: its __filename (the backup threads) is this one.
  const m = new Module(__filename, module)
  m.filename = __filename
  m.paths = module.paths
  m._compile(fs.readFileSync(REAL, 'utf8'), __filename)
}
const pedido = workerData && workerData.rol === 'respaldo' ? workerData.pedido : null
if (pedido) {
  const base = path.dirname(pedido.dir)
  fs.writeFileSync(path.join(base, 'retenido-' + pedido.motivo), '')
  const esperar = () =>
    fs.existsSync(path.join(base, 'soltar')) ? correr() : setTimeout(esperar, 20)
  esperar()
} else correr()
`
  const tmp = `${envoltura}.${process.pid}.tmp`
  fs.writeFileSync(tmp, codigo)
  fs.renameSync(tmp, envoltura)
  return envoltura
}
