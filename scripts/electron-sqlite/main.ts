import os from 'node:os'
import path from 'node:path'
import { prepararElectron } from './preparar'
import { fronteraReal } from './sistema'

// `tsx scripts/electron-sqlite/main.ts dev|sqlite`: run by predev and prepackage (package.json).
// dev also needs Electron's binary; electron-builder downloads its own Electron for packaging.
const modo = process.argv[2]
if (modo !== 'dev' && modo !== 'sqlite') {
  console.error('Uso: tsx scripts/electron-sqlite/main.ts dev|sqlite')
  process.exit(2)
}
const raiz = path.resolve(import.meta.dirname, '..', '..')
const fuente = path.join(raiz, 'node_modules', 'better-sqlite3')
const resultado = prepararElectron({
  raiz,
  fuente,
  temporal: os.tmpdir(),
  plataforma: process.platform,
  arquitectura: process.arch,
  conElectron: modo === 'dev',
  frontera: fronteraReal(raiz, fuente),
  avisar: (l) => console.log(l)
})
if (resultado.ok) {
  for (const l of resultado.hecho) console.log(l)
} else {
  console.error(`\n${resultado.mensaje}\n`)
  process.exit(1)
}
