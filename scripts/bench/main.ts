import { execFile, execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import type { BaseDeBench } from './bases'
import { medirBase, type Medidas } from './medidas'
import { hayRenderer, RENDERER } from './pantallas'
import { tablaDe } from './tabla'

// `npm run bench` (or `npm run bench -- --json`): builds (or takes from the cache) the
// "ten years" and "×10" databases, measures each screen's calls directly and through the HTTP
// bridge, the database open, the workbooks, the longest acta, the renderer bundle and the
// sessions screen in Chromium, and prints the table with each target met or missed.
// `-- --rapido` runs the same on two small bases, to check it end to end with a cold cache.

const RAIZ = path.resolve(__dirname, '../..')
const json = process.argv.includes('--json')
const rapido = process.argv.includes('--rapido')
const aviso = (m: string) => process.stderr.write(`${m}\n`)

function bundle(): { gzip: number; bytes: number; minificado: boolean } {
  if (!hayRenderer()) {
    aviso('Compilando la interfaz (electron-vite build)…')
    execFileSync(path.join(RAIZ, 'node_modules/.bin/electron-vite'), ['build'], {
      cwd: RAIZ,
      stdio: 'ignore'
    })
  }
  const dir = path.join(RENDERER, 'assets')
  const js = fs.readdirSync(dir).filter((f) => f.endsWith('.js'))
  let gzip = 0
  let bytes = 0
  let lineas = 0
  for (const f of js) {
    const b = fs.readFileSync(path.join(dir, f))
    bytes += b.length
    gzip += zlib.gzipSync(b, { level: 9 }).length
    lineas += b.toString('utf8').split('\n').length
  }
  // Minified code has few, very long lines.
  return { gzip, bytes, minificado: bytes / Math.max(1, lineas) > 1000 }
}

/** Both databases at once, each built (or found in the cache) by a process of its own. */
function bases(): Promise<BaseDeBench[]> {
  const tsx = path.join(RAIZ, 'node_modules/.bin/tsx')
  return Promise.all(
    ['10anios', 'x10'].map(
      (nombre) =>
        new Promise<BaseDeBench>((resolve, reject) => {
          const hijo = execFile(
            tsx,
            [path.join(__dirname, 'construir.ts'), nombre, ...(rapido ? ['--rapido'] : [])],
            { cwd: RAIZ, maxBuffer: 1 << 20 },
            (error, stdout) => {
              if (error) reject(error)
              else resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as BaseDeBench)
            }
          )
          hijo.stderr?.on('data', (d: Buffer) => process.stderr.write(d))
        })
    )
  )
}

function maquina(): string {
  const cpu = os.cpus()[0]?.model ?? 'CPU'
  return `${cpu} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, ${os.platform()} ${os.release()}, Node ${process.version}; carga media al empezar ${os.loadavg()[0]!.toFixed(1)}`
}

async function main(): Promise<void> {
  const t0 = performance.now()
  const b = bundle()
  aviso('Bases de datos (se construyen una vez y quedan en node_modules/.cache/mitp):')
  const [diez, x10] = (await bases()) as [BaseDeBench, BaseDeBench]
  const medidas: { diez: Medidas; x10: Medidas } = {} as never
  aviso('Diez años:')
  medidas.diez = await medirBase(diez.archivo, true, aviso)
  aviso('×10:')
  medidas.x10 = await medirBase(x10.archivo, true, aviso)
  const { filas, texto } = tablaDe(medidas, b)
  const total = (performance.now() - t0) / 1000
  const construidas = [diez, x10]
    .map((x) => x.construidaEnMs)
    .filter((x): x is number => x !== null)
  const salida = {
    maquina: maquina(),
    comando: rapido ? 'npm run bench -- --rapido' : 'npm run bench',
    rapido,
    segundos: Math.round(total),
    construccionSegundos: construidas.map((x) => Math.round(x / 1000)),
    medidas,
    bundle: b,
    filas
  }
  if (json) process.stdout.write(`${JSON.stringify(salida, null, 2)}\n`)
  else {
    if (rapido)
      console.log(
        '\nModo --rapido: bases pequeñas (2 años) para comprobar el banco; las cifras no son las de las metas.'
      )
    console.log(`\nMáquina: ${salida.maquina}`)
    console.log(
      `Bases: 10 años ${medidas.diez.sesiones} sesiones (${(medidas.diez.tamano / 2 ** 20).toFixed(0)} MB), ×10 ${medidas.x10.sesiones} (${(medidas.x10.tamano / 2 ** 20).toFixed(0)} MB)`
    )
    if (construidas.length)
      console.log(`Construidas ahora en ${salida.construccionSegundos.join(' s y ')} s`)
    console.log(`\n${texto}\n`)
    const fallan = filas.filter((f) => f.cumple === false).length
    console.log(
      `${filas.filter((f) => f.cumple === true).length} metas cumplidas, ${fallan} no cumplidas; ${Math.round(total)} s en total.`
    )
  }
}

main().catch((e: unknown) => {
  console.error(e)
  process.exitCode = 1
})
