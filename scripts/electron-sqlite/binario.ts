import fs from 'node:fs'

/**
 * What a downloaded or built addon must be before it is stamped: a shared library for this
 * system and architecture (ELF, PE or Mach-O header), exporting node_register_module_v<ABI>
 * (a non-N-API addon does; a Node build would say 115, not Electron's 150).
 */

const ELF_MAQUINA: Record<string, number> = { x64: 62, arm64: 183, ia32: 3, arm: 40 }
const PE_MAQUINA: Record<string, number> = { x64: 0x8664, arm64: 0xaa64, ia32: 0x14c }
const MACHO_CPU: Record<string, number> = { x64: 0x01000007, arm64: 0x0100000c }
const BITS64 = new Set(['x64', 'arm64'])

/** ELF shared object (ET_DYN) for the architecture, in the class and byte order it needs. */
function esElf(b: Buffer, arquitectura: string): boolean {
  if (b.length < 64 || b.readUInt32BE(0) !== 0x7f454c46 || b[5] !== 1) return false
  if (b[4] !== (BITS64.has(arquitectura) ? 2 : 1)) return false
  return b.readUInt16LE(16) === 3 && b.readUInt16LE(18) === ELF_MAQUINA[arquitectura]
}

/** PE image flagged as a DLL, for the architecture. */
function esPe(b: Buffer, arquitectura: string): boolean {
  if (b.length < 64 || b.toString('latin1', 0, 2) !== 'MZ') return false
  const pe = b.readUInt32LE(0x3c)
  if (pe + 24 > b.length || b.readUInt32BE(pe) !== 0x50450000) return false
  const dll = (b.readUInt16LE(pe + 22) & 0x2000) !== 0
  return dll && b.readUInt16LE(pe + 4) === PE_MAQUINA[arquitectura]
}

/** 64-bit Mach-O bundle or dylib for the architecture (addons are bundles). */
function esMachO(b: Buffer, arquitectura: string): boolean {
  if (b.length < 32 || b.readUInt32LE(0) !== 0xfeedfacf) return false
  const tipo = b.readUInt32LE(12)
  return b.readUInt32LE(4) === MACHO_CPU[arquitectura] && (tipo === 8 || tipo === 6)
}

const FORMATO: Record<string, (b: Buffer, arquitectura: string) => boolean> = {
  win32: esPe,
  darwin: esMachO
}

export function esBibliotecaPara(b: Buffer, plataforma: string, arquitectura: string): boolean {
  return (FORMATO[plataforma] ?? esElf)(b, arquitectura)
}

export interface Destino {
  abi: string
  plataforma: string
  arquitectura: string
}

export function esParaAbi(binario: string, d: Destino): boolean {
  let b: Buffer
  try {
    b = fs.readFileSync(binario)
  } catch {
    return false
  }
  return (
    esBibliotecaPara(b, d.plataforma, d.arquitectura) &&
    b.includes(`node_register_module_v${d.abi}\0`)
  )
}
