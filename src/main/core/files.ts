import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/**
 * Writes a file for the user under a temporary name in the same folder, flushes it to disk,
 * then renames it into place: a crash never leaves half a file under the real name.
 */
export function writeFileAtomic(target: string, data: Uint8Array): void {
  const full = path.resolve(target)
  const tmp = path.join(
    path.dirname(full),
    `.${path.basename(full)}.${crypto.randomBytes(6).toString('hex')}.tmp`
  )
  const fd = fs.openSync(tmp, 'w')
  try {
    fs.writeSync(fd, data)
    fs.fsyncSync(fd)
  } catch (error) {
    fs.closeSync(fd)
    fs.rmSync(tmp, { force: true })
    throw error
  }
  fs.closeSync(fd)
  try {
    fs.renameSync(tmp, full)
  } catch (error) {
    // The target cannot be replaced (a folder of that name, say): the copy goes too.
    fs.rmSync(tmp, { force: true })
    throw error
  }
}
