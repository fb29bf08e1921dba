import fs from 'node:fs'
import path from 'node:path'
import { buildSync } from 'esbuild'

/**
 * The core's worker for development and tests, bundled from source the way electron-vite
 * bundles it for the app (one CommonJS file, lazy imports inlined, packages left external), so
 * both run the same kind of file. Rebuilt when any source is newer than the bundle.
 */
export function workerDeDesarrollo(raiz: string = path.resolve(__dirname, '../../..')): string {
  const entrada = path.join(raiz, 'src/main/core/host/worker.ts')
  const salida = path.join(raiz, 'node_modules/.cache/mitp/nucleo-worker.cjs')
  if (!fs.existsSync(salida) || masNuevo(path.join(raiz, 'src'), fs.statSync(salida).mtimeMs)) {
    const pkg = JSON.parse(fs.readFileSync(path.join(raiz, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>
    }
    const r = buildSync({
      entryPoints: [entrada],
      outfile: salida,
      write: false,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      sourcemap: 'inline',
      external: Object.keys(pkg.dependencies),
      logLevel: 'error'
    })
    // Several test files may build at once: each writes its own file, then renames it in place.
    const tmp = `${salida}.${process.pid}.tmp`
    fs.mkdirSync(path.dirname(salida), { recursive: true })
    fs.writeFileSync(tmp, r.outputFiles[0]!.contents)
    fs.renameSync(tmp, salida)
  }
  return salida
}

function masNuevo(dir: string, desde: number): boolean {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (e.isDirectory() ? masNuevo(p, desde) : fs.statSync(p).mtimeMs > desde) return true
  }
  return false
}
