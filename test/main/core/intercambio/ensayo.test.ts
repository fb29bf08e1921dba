import { describe, expect, it } from 'vitest'
import { importar } from '../../../../src/main/core/intercambio'
import { abrirPaquete, escribirPaquete } from '../../../../src/main/core/intercambio/paquete'
import { banco, type Equipo } from '../../../helpers/intercambio'
import { sesionDeAmbos } from '../../../helpers/intercambio-dos'
import { caller, cerrarYAprobar, ordinarias } from '../../../helpers/sesiones'
import { filas, foto } from '../../../helpers/consulta'

// An import is tried in a transaction rolled back before the backup (escribir.ts). Besides a
// unique key, it now refuses there, in Spanish, a row left pointing at one that would no longer
// exist (foreign keys are deferred while importing: SQLite only said so at the real commit, after
// the backup, in English) and a trigger's refusal (an approved acta here), which came out as
// «acta_aprobada». Review of #16. (A row an approved acta cites, deleted on the other side, was
// refused here too; it now comes back: acuerdo-citado.test.ts, acta-citadas.test.ts.)

const banca = banco()

/** Refused in Spanish with nothing written and no backup taken. */
async function rechazado(e: Equipo, p: string, motivo: RegExp): Promise<void> {
  const antes = await foto(e.t)
  const respaldos = e.d.respaldos.length
  await expect(importar(e.d, p)).rejects.toThrow(motivo)
  await expect(importar(e.d, p)).rejects.toThrow(/No se importó nada\.$/)
  expect(e.d.respaldos).toHaveLength(respaldos)
  expect(await foto(e.t)).toBe(antes)
}

describe('an import that SQLite or a trigger would refuse', () => {
  it('a row pointing at one deleted on this side: refused before the backup', async () => {
    const { a, b, s } = await sesionDeAmbos(banca)
    const [p] = await filas<{ persona_id: string; instancia_id: string }>(
      a.t,
      `select a.persona_id, s.instancia_id from asistencias a join sesiones s on s.id = a.sesion_id
       where s.id = ? and a.persona_id is not null`,
      s.id
    )
    // A opens a new session (not approved): its attendance lists a member that B, unaware,
    // deletes. A SET NULL link of a row no approved acta holds is not kept (acta-citadas.test.ts).
    const s2 = await ordinarias(a.t, p!.instancia_id)('2015-04-14')
    expect(
      await filas(
        a.t,
        'select 1 from asistencias where sesion_id = ? and persona_id = ?',
        s2.id,
        p!.persona_id
      )
    ).toHaveLength(1)
    await caller(b.t).ok('persona:eliminar', { id: p!.persona_id })
    const pA = await banca.paqueteDe(a, b)
    await rechazado(b, pA, /apuntando a una fila de «personas»/)
    // A takes the deletion (its attendee's link is emptied, the name stays); then B can import.
    await importar(a.d, await banca.paqueteDe(b, a))
    await importar(b.d, await banca.paqueteDe(a, b))
  })

  it('an approved acta whose sealed copy does not match its hash: refused before the backup', async () => {
    const { a, b, s } = await sesionDeAmbos(banca)
    await cerrarYAprobar(a.t, s.id)
    const p = await banca.paqueteDe(a, b)
    // The same package, its sealed copy edited and its checksum written again (crafted).
    const abierto = abrirPaquete(p)
    const campos = [...abierto.campos()].map((c) =>
      c.tabla === 'sesiones' && c.campo === 'contenido_aprobado' && c.valor !== 'null'
        ? {
            ...c,
            valor: JSON.stringify((JSON.parse(c.valor) as string).replace('Prevención', 'X'))
          }
        : c
    )
    const manifiesto = abierto.manifiesto
    abierto.cerrar()
    const alterado = `${p}.alterado.mitp`
    escribirPaquete(alterado, manifiesto, campos)
    await rechazado(b, alterado, /no corresponde a su huella \(fue alterada\)/)
    // The package as exported imports.
    await importar(b.d, p)
  })
})
