import type { AppDatabase } from '../../src/main/core/db/open'
import { createAppApi } from '../../src/main/core/api'
import { openTestApp, type TestApp } from './db'
import { caller } from './sesiones'

export type Cliente = ReturnType<typeof caller> & { t: TestApp }

/**
 * Several clients of one database, as people on a shared server are: each its own connection and
 * its own API (the core's), all over the one file `openTestApp` made. Only the API is used, so
 * the same tests can run where the database is a server.
 */
export async function variosClientes(
  n: number
): Promise<{ clientes: Cliente[]; close: () => Promise<void> }> {
  const base = await openTestApp()
  const otras: AppDatabase[] = []
  const clientes: Cliente[] = [{ ...caller(base), t: base }]
  for (let i = 1; i < n; i++) {
    const app = await base.otraConexion!()
    otras.push(app)
    const t: TestApp = {
      app,
      api: createAppApi(app, { version: 'test' }),
      file: base.file,
      close: () => app.close()
    }
    clientes.push({ ...caller(t), t })
  }
  return {
    clientes,
    close: async () => {
      for (const app of otras) await app.close()
      await base.close()
    }
  }
}

/** Two people at once: A and B. */
export async function dosClientes(): Promise<{
  a: Cliente
  b: Cliente
  close: () => Promise<void>
}> {
  const { clientes, close } = await variosClientes(2)
  return { a: clientes[0]!, b: clientes[1]!, close }
}
