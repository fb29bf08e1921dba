import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import path from 'node:path'
import { openWebApp, screenshot, sembrarDemoYRecargar, type WebApp } from '../helpers/browser'
import { ROOT } from '../helpers/cli'

/**
 * The dashboard on the demo data in Chromium: from the most overdue meta to its acción's page,
 * where the indicator chart shows every measurement against the target. Today is the machine's:
 * the demo's metas (2013–2014) are all past their plazo.
 */
let w: WebApp
beforeAll(async () => {
  w = await openWebApp({ width: 1366, height: 900 })
  await sembrarDemoYRecargar(w)
  // Each indicador's target, entered once in the plan (a hito is met at 1).
  const arbol = await w.t.api['plan:arbol']({})
  for (const e of arbol.ejes)
    for (const o of e.objetivos)
      for (const a of o.acciones)
        for (const i of a.indicadores)
          await w.t.api['indicador:actualizar']({
            ...i,
            metaValor: i.tipo === 'hito' ? 1 : i.tipo === 'conteo' ? 30 : 80
          })
  await w.page.reload()
}, 180_000)
afterAll(() => w?.close())

describe('the dashboard in Chromium', () => {
  it('opens as the home screen, goes from an overdue meta to its acción and its indicator chart', async () => {
    const { page } = w
    await page.goto(`${w.bridge.url}#/`)
    await page.getByRole('heading', { name: 'Tablero del plan' }).waitFor()
    const metas = page.getByRole('region', { name: 'Metas vencidas' })
    const total = w.t.app.handle
      .prepare("select count(*) from metas where plazo is not null and plazo < date('now')")
      .pluck()
      .get() as number
    await expect.poll(() => metas.getByTestId('metas-vencidas-total').innerText()).toBe(`${total}`)
    // The charts are drawn (an SVG with bars) and their figures are in the tables.
    const porEje = page.getByRole('region', { name: 'Acciones por eje' })
    await expect
      .poll(() => porEje.locator('svg .recharts-bar-rectangle').count())
      .toBeGreaterThan(0)
    // The whole dashboard in one picture for the README; the chart's entry animation ends first.
    await page.setViewportSize({ width: 1366, height: 1900 })
    await page.waitForTimeout(800)
    await screenshot(page, 'tablero')
    await page.screenshot({ path: path.join(ROOT, 'docs', 'tablero.png') })
    await page.setViewportSize({ width: 1366, height: 900 })
    // The most overdue meta first: its acción's code, then its page.
    const primera = metas.getByRole('row').nth(1)
    const codigo = await primera.getByRole('link').innerText()
    await primera.getByRole('link').click()
    await page.getByRole('heading', { name: new RegExp(codigo.replace('.', '\\.')) }).waitFor()
    expect(page.url()).toMatch(/#\/acciones\//)
    // The heading comes with the acción; its metas arrive with their own query.
    await expect
      .poll(() => page.getByTestId('meta-vencida').count(), { timeout: 10_000 })
      .toBeGreaterThan(0)
    const indicador = page.getByRole('region', { name: /^Indicador: / }).first()
    await indicador.scrollIntoViewIfNeeded()
    await expect
      .poll(() => indicador.locator('svg .recharts-line-curve, svg .recharts-line-dot').count())
      .toBeGreaterThan(0)
    const filas = await indicador.getByRole('table').getByRole('row').count()
    expect(filas).toBeGreaterThan(1)
    // The target is drawn as a reference line and written beside every measurement.
    expect(await indicador.locator('svg .recharts-reference-line').count()).toBe(1)
    expect(await indicador.innerText()).toContain('Meta: ')
    await page.getByRole('region', { name: 'Avance en el tiempo' }).scrollIntoViewIfNeeded()
    await page.setViewportSize({ width: 1366, height: 1300 })
    await page
      .getByRole('region', { name: 'Avance en el tiempo' })
      .evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await page.waitForTimeout(800)
    await screenshot(page, 'accion-historia')
    await page.screenshot({ path: path.join(ROOT, 'docs', 'accion.png') })
    await page.setViewportSize({ width: 1366, height: 900 })
  })

  it('a count of acuerdos by institución opens the list behind it, filtered', async () => {
    const { page } = w
    await page.goto(`${w.bridge.url}#/`)
    const region = page.getByRole('region', { name: 'Acuerdos por institución' })
    const vencidos = region.getByRole('link', { name: /vencidos$/ })
    const n = Number((await vencidos.innerText()).split(' ')[0])
    expect(n).toBeGreaterThan(0)
    await vencidos.click()
    await page.getByRole('heading', { name: 'Acuerdos de todas las sesiones' }).waitFor()
    await expect
      .poll(() => page.getByTestId('acuerdos-total').innerText())
      .toMatch(new RegExp(`^${n} acuerdo`))
    const filas = page.getByRole('table', { name: 'Acuerdos' }).locator('tbody tr')
    await expect.poll(() => filas.count()).toBe(Math.min(n, 25))
    expect(await page.locator('tbody tr[data-situacion="vencido"]').count()).toBe(Math.min(n, 25))
  })
})

describe('what the dashboard and the acción page say of their figures', () => {
  it('chart axes are written as in Chile: dates dd-mm-aaaa, a porcentaje with its unit', async () => {
    const { page } = w
    const [ind] = w.t.app.handle
      .prepare(
        `select i.id, i.accion_id as accionId, i.texto from indicadores i where i.tipo = 'porcentaje'
         and (select count(*) from mediciones m where m.indicador_id = i.id) > 1
         order by i.accion_id limit 1`
      )
      .all() as { id: string; accionId: string; texto: string }[]
    expect(ind).toBeDefined()
    await page.goto(`${w.bridge.url}#/acciones/${ind!.accionId}`)
    const region = page.getByRole('region', { name: `Indicador: ${ind!.texto}` })
    await region.scrollIntoViewIfNeeded()
    const ticks = (eje: 'x' | 'y', donde = region) =>
      donde
        .locator(`.recharts-${eje}Axis-tick-labels .recharts-cartesian-axis-tick-value`)
        .allTextContents()
    await expect.poll(async () => (await ticks('y')).length).toBeGreaterThan(1)
    for (const t of await ticks('y')) expect(t).toMatch(/^\d{1,3}(\.\d{3})*(,\d)? %$/)
    for (const t of await ticks('x')) expect(t).toMatch(/^\d{2}-\d{2}-\d{4}$/)
    const avance = page.getByRole('region', { name: 'Avance en el tiempo' })
    await expect.poll(async () => (await ticks('y', avance)).length).toBeGreaterThan(1)
    for (const t of await ticks('y', avance)) expect(t).toMatch(/^\d{1,3}(,\d)? %$/)
  })

  it('says of how many acciones each mean is, when some have no %', async () => {
    const { page } = w
    const arbol = await w.t.api['plan:arbol']({})
    const eje = arbol.ejes[0]!
    await w.t.api['accion:crear']({
      objetivoId: eje.objetivos[0]!.id,
      codigo: `${eje.objetivos[0]!.codigo}.z`,
      texto: 'Acción aún sin informe.',
      instanciaId: null,
      responsables: ''
    })
    const total = eje.objetivos.reduce((n, o) => n + o.acciones.length, 0) + 1
    const conPct = w.t.app.handle
      .prepare(
        `select count(*) from acciones a join objetivos o on o.id = a.objetivo_id
         where o.eje_id = ? and (select v.porcentaje from avances v join sesiones s on s.id = v.sesion_id
           where v.accion_id = a.id and s.estado = 'aprobada'
           order by s.fecha desc, s.created_at desc limit 1) is not null`
      )
      .pluck()
      .get(eje.id) as number
    await page.goto(`${w.bridge.url}#/`)
    const fila = page
      .getByRole('table', { name: 'Acciones por eje, en cifras' })
      .locator(`tr[data-grupo="${eje.codigo}"]`)
    await expect
      .poll(() => fila.getByTestId('promedio-de').first().innerText())
      .toBe(`promedio de ${conPct} de ${total} acciones; ${total - conPct} sin % informado`)
  })

  it('at start-up, names the acuerdos due this week with their instancia and opens them in the list', async () => {
    const { page } = w
    const { hoy } = await w.t.api['aviso:listar'](undefined)
    const sesion = w.t.app.handle
      .prepare(
        `select s.id, i.nombre from sesiones s join instancias i on i.id = s.instancia_id
         where s.estado = 'borrador' order by s.fecha limit 1`
      )
      .get() as { id: string; nombre: string }
    const texto =
      'Enviar el informe de casos al Ministerio Público antes del cierre de la semana en curso.'
    await w.t.api['acuerdo:crear']({
      sesionId: sesion.id,
      texto,
      institucionId: null,
      personaId: null,
      plazo: hoy,
      accionId: null
    })
    const { total } = await w.t.api['aviso:listar'](undefined)
    await page.goto(`${w.bridge.url}#/plan`)
    await page.reload()
    const aviso = page.getByTestId('aviso-semana')
    await expect.poll(() => aviso.innerText()).toContain(sesion.nombre)
    // The text, cut short.
    expect(await aviso.innerText()).toContain(texto.slice(0, 60))
    expect(await aviso.innerText()).not.toContain(texto)
    await aviso.getByRole('link', { name: 'Ver en la lista de acuerdos' }).click()
    await expect
      .poll(() => page.getByTestId('acuerdos-total').innerText())
      .toMatch(new RegExp(`^${total} acuerdos?`))
    await expect.poll(() => page.getByTestId('aviso-semana').count()).toBe(0)
  })
})
