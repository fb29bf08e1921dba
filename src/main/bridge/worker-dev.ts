import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { buildSync } from 'esbuild'

/**
 * The core's worker for development and tests, bundled from source as electron-vite bundles it
 * for the app (CommonJS, packages left external), so both run the same kind of file. The bundle
 * is named after the source tree it came from (its folder, and every file's path, size and
 * time), so two checkouts never run each other's core and a deleted file forces a new build.
 */
export function workerDeDesarrollo(raiz: string = path.resolve(__dirname, '../../..')): string {
  const src = path.join(raiz, 'src')
  const firma = crypto.createHash('sha1').update(raiz).update(listado(src)).digest('hex')
  const salida = path.join(raiz, 'node_modules/.cache/mitp', `nucleo-${firma.slice(0, 16)}.cjs`)
  if (fs.existsSync(salida)) return salida
  const pkg = JSON.parse(fs.readFileSync(path.join(raiz, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>
  }
  const r = buildSync({
    entryPoints: [path.join(src, 'main/core/host/worker.ts')],
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
  return salida
}

/** Every file below `dir` with its size and modification time, in a stable order. */
function listado(dir: string): string {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((e) => {
      const p = path.join(dir, e.name)
      if (e.isDirectory()) return listado(p)
      const st = fs.statSync(p)
      return `${p} ${st.size} ${st.mtimeMs}\n`
    })
    .join('')
}
