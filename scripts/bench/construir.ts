import { baseDeBench, DIEZ_ANIOS, POR_DIEZ, RAPIDO } from './bases'

// Builds (or finds in the cache) one of the bench's databases in a process of its own, so that
// both are built at once, one on each core. Prints { archivo, construidaEnMs } on its last line.

const nombre = process.argv[2] === 'x10' ? 'x10' : '10anios'
const rapido = process.argv.includes('--rapido')
const opciones = rapido ? RAPIDO[nombre] : nombre === 'x10' ? POR_DIEZ : DIEZ_ANIOS
baseDeBench(rapido ? `rapido-${nombre}` : nombre, opciones, (m) => process.stderr.write(`${m}\n`))
  .then((b) => process.stdout.write(`${JSON.stringify(b)}\n`))
  .catch((e: unknown) => {
    console.error(e)
    process.exitCode = 1
  })
