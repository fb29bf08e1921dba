/**
 * Child process for the fsync trace test: creates acuerdos through the real services, one call
 * at a time, and after each call returns (the moment the app tells the secretary it is saved)
 * writes "ack-<i>" to a marker file. Under strace the marker shows up in order with SQLite's
 * writes and syncs, so the test can see whether the WAL was synced before the acknowledgment.
 *
 * Usage: fsync-writer DB SESION_ID COUNT ACK_FILE
 * MITP_FSYNC_TEST_SYNCHRONOUS (read only here, never by the app) overrides the app's
 * `synchronous` for the control runs. Prints {"synchronous": n} when done.
 */
import fs from 'node:fs'
import { openAppDatabase } from '../../src/main/core/db/open'
import { createAppApi } from '../../src/main/core/api'

const OVERRIDES = ['OFF', 'NORMAL', 'FULL', 'EXTRA']

async function main(): Promise<void> {
  const [file, sesionId, countArg, ackFile] = process.argv.slice(2) as [
    string,
    string,
    string,
    string
  ]
  const app = await openAppDatabase(file, { seed: false })
  const override = process.env.MITP_FSYNC_TEST_SYNCHRONOUS
  if (override) {
    if (!OVERRIDES.includes(override)) throw new Error(`bad synchronous override: ${override}`)
    app.handle.pragma(`synchronous = ${override}`)
  }
  const api = createAppApi(app, { version: 'fsync' })
  const ack = fs.openSync(ackFile, 'w')
  // Everything before this marker (opening, migrations check) is not judged.
  fs.writeSync(ack, 'start\n')
  for (let i = 0; i < Number(countArg); i++) {
    await api['acuerdo:crear']({
      sesionId,
      texto: `acuerdo-${i}`,
      institucionId: null,
      personaId: null,
      plazo: null,
      accionId: null
    })
    fs.writeSync(ack, `ack-${i}\n`)
  }
  fs.closeSync(ack)
  const synchronous = Number(app.handle.pragma('synchronous', { simple: true }))
  await app.close()
  process.stdout.write(`${JSON.stringify({ synchronous })}\n`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
