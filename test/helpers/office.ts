import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * Independent readers for the documents we write: LibreOffice (headless, fresh profile)
 * converts them, poppler's pdftotext reads PDFs.
 */
export function libreOfficeConvert(file: string, to: string): string {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mitp-lo-out-'))
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'mitp-lo-profile-'))
  try {
    execFileSync(
      'soffice',
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=file://${profile}`,
        '--convert-to',
        to,
        '--outdir',
        outDir,
        file
      ],
      { stdio: 'pipe', timeout: 120_000 }
    )
    const produced = fs.readdirSync(outDir)
    if (produced.length !== 1)
      throw new Error(`LibreOffice no produjo un archivo (${produced.join(', ')})`)
    const target = path.join(path.dirname(file), produced[0]!)
    fs.copyFileSync(path.join(outDir, produced[0]!), target)
    return target
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true })
    fs.rmSync(profile, { recursive: true, force: true })
  }
}

export function docxText(file: string): string {
  return fs.readFileSync(libreOfficeConvert(file, 'txt:Text'), 'utf8')
}

/** The PDF's first page as a PNG (`destino` without .png), as the README's pictures are made. */
export function primeraPaginaPng(pdf: string, destino: string, ppp = 60): string {
  const r = String(ppp)
  execFileSync('pdftoppm', ['-png', '-r', r, '-f', '1', '-l', '1', '-singlefile', pdf, destino])
  return `${destino}.png`
}

export function pdfText(file: string): string {
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
}

/** Many documents converted by one LibreOffice run (one start-up instead of one each). */
export function libreOfficeConvertAll(files: string[], to: string, outDir: string): string[] {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'mitp-lo-profile-'))
  try {
    execFileSync(
      'soffice',
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=file://${profile}`,
        '--convert-to',
        to,
        '--outdir',
        outDir,
        ...files
      ],
      { stdio: 'pipe', timeout: 300_000 }
    )
    const ext = to.split(':')[0]!
    return files.map((f) => {
      const out = path.join(outDir, `${path.basename(f, path.extname(f))}.${ext}`)
      if (!fs.existsSync(out)) throw new Error(`LibreOffice no produjo ${out}`)
      return out
    })
  } finally {
    fs.rmSync(profile, { recursive: true, force: true })
  }
}
