import { describe, expect, it } from 'vitest'
import { caller } from '../../../helpers/sesiones'
import { instalaciones, sesionBorradaAllaEditadaAqui } from '../../../helpers/intercambio-canales'

// The preview asked again with the choices made so far (#16): a conflict's choice can decide
// whether two sessions end up under one number, and the screen must say so before the import.

const equipo = instalaciones()

describe('the preview with the choices so far', () => {
  it('keeping a session the other side deleted shows the renumbering; letting it go does not', async () => {
    const b = await equipo('B')
    const { paquete: p, sesion: s } = await sesionBorradaAllaEditadaAqui(await equipo('A'), b)
    const archivo = { archivo: p.nombre, paquete: p.base64 }
    const { conflictos } = await caller(b).ok('paquete:previsualizar', archivo)
    const ver = (eleccion: 'mio' | 'suyo') =>
      caller(b).ok('paquete:previsualizar', {
        ...archivo,
        elecciones: conflictos.map((c) => ({ clave: c.clave, eleccion }))
      })
    // Deleted there, changed here: both sides say which, who and when (none left blank).
    expect(conflictos).toMatchObject([
      {
        filaId: s.id,
        campo: '_borrado',
        aqui: { valor: 'Sigue, con sus cambios', instalacion: 'B (esta instalación)' },
        enPaquete: { valor: 'Borrada', instalacion: 'A' }
      }
    ])
    for (const c of conflictos) expect(Date.parse(c.aqui.en)).not.toBeNaN()
    // Kept here: two sessions N° 1; one takes the next number, and the preview says which.
    expect((await ver('mio')).numeros).toMatchObject([
      { instancia: 'Subcomisión Prevención', antes: s.numero, despues: s.numero + 1 }
    ])
    // Deleted as there: no two sessions share the number.
    expect((await ver('suyo')).numeros).toEqual([])
  })
})
