import { describe, expect, it } from 'vitest'
import { seguimientoPendientes } from '../../../src/shared/domain/seguimiento-pendientes'

describe('the Seguimiento counter', () => {
  it('counts what is pending, also when nothing is', () => {
    const a = (enEstaSesion: boolean) => ({ enEstaSesion })
    expect(seguimientoPendientes([a(false), a(true), a(false)])).toBe('2 pendientes')
    expect(seguimientoPendientes([a(false), a(true)])).toBe('1 pendiente')
    expect(seguimientoPendientes([a(true), a(true), a(true)])).toBe('0 pendientes')
    expect(seguimientoPendientes([])).toBe('0 pendientes')
  })
})
