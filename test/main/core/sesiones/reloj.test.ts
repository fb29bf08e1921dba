import { afterEach, describe, expect, it } from 'vitest'
import { openTestApp, type TestApp } from '../../../helpers/db'
import { caller } from '../../../helpers/sesiones'
import { actaAprobada } from '../../../helpers/acta-aprobada'

/**
 * The clock is a port the core is given: "vencido" and the date of a fe de erratas follow the
 * environment's clock, not the machine's, so a host (or a test) can fix what "today" is.
 */
let t: TestApp
afterEach(() => t.close())

async function conReloj(iso: string) {
  t = await openTestApp({ reloj: () => new Date(`${iso}T15:00:00Z`) })
  const f = await actaAprobada(t)
  return { f, api: caller(t) }
}

describe('the clock port', () => {
  it('judges "vencido" inside a session at the session\'s date, whatever the clock says', async () => {
    // The acuerdos B (2014-05-14) follows up (from S1 and from A) have their plazo on 2014-09-30.
    const antes = await conReloj('2014-09-30')
    const d1 = await antes.api.ok('sesion:obtener', { id: antes.f.borrador.sesion })
    expect(d1.seguimiento.map((a) => a.situacion)).toEqual(['en_curso', 'pendiente'])
    await t.close()
    const despues = await conReloj('2014-10-01')
    // Inside the session of 2014-05-14 nothing was overdue yet, whatever today is.
    const d2 = await despues.api.ok('sesion:obtener', { id: despues.f.borrador.sesion })
    expect(d2.seguimiento.map((a) => a.situacion)).toEqual(['en_curso', 'pendiente'])
    expect(d2.acuerdos.map((a) => a.situacion)).toEqual(['pendiente'])
    // A session held after the plazo sees them overdue.
    await despues.api.ok('sesion:actualizar', {
      id: despues.f.borrador.sesion,
      fecha: '2014-10-08',
      horaInicio: null,
      horaTermino: null,
      lugar: '',
      modalidad: 'presencial',
      preside: '',
      proximaFecha: null,
      proximaLugar: ''
    })
    const d3 = await despues.api.ok('sesion:obtener', { id: despues.f.borrador.sesion })
    expect(d3.seguimiento.map((a) => a.situacion)).toEqual(['vencido', 'vencido'])
  })

  it('dates a fe de erratas by the clock it is given', async () => {
    const { f, api } = await conReloj('2016-02-29')
    const e = await api.ok('errata:crear', { sesionId: f.aprobada.sesion, texto: 'Corrección.' })
    expect(e.fecha).toBe('2016-02-29')
  })
})
