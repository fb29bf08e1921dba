import path from 'node:path'
import { mensajeError } from './mensajes'
import { Interrumpida, prepararElectron } from './preparar'
import { fronteraReal } from './sistema'

// `tsx scripts/electron-sqlite/main.ts dev|sqlite`: run by `npm run dev` and `npm run package`
// themselves (not pre-scripts: npm skips those with ignore-scripts=true).
// dev also needs Electron's binary; electron-builder downloads its own Electron for packaging.
const modo = process.argv[2]
if (modo !== 'dev' && modo !== 'sqlite') {
  console.error('Uso: tsx scripts/electron-sqlite/main.ts dev|sqlite')
  process.exit(2)
}
// Ctrl+C also reaches the tool being run, which dies of it; this process then stops and cleans up.
let senal: string | undefined
for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(s, () => (senal = s))

const raiz = path.resolve(import.meta.dirname, '..', '..')
const fuente = path.join(raiz, 'node_modules', 'better-sqlite3')
try {
  const resultado = prepararElectron({
    raiz,
    fuente,
    plataforma: process.platform,
    arquitectura: process.arch,
    conElectron: modo === 'dev',
    bindingPropio: modo === 'dev' ? process.env.MITP_SQLITE_BINDING || undefined : undefined,
    frontera: fronteraReal(raiz, fuente),
    avisar: (l) => console.log(l)
  })
  if (senal) throw new Interrumpida(senal)
  if (resultado.ok) {
    for (const l of resultado.hecho) console.log(l)
  } else {
    console.error(`\n${resultado.mensaje}\n`)
    process.exitCode = 1
  }
} catch (e) {
  if (e instanceof Interrumpida) {
    console.error(`\nPreparación interrumpida (${e.senal}); no quedó nada a medias.\n`)
    process.exitCode = 130
  } else {
    console.error(`\n${mensajeError(e)}\n`)
    process.exitCode = 1
  }
}
