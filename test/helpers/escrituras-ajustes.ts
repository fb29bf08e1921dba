import type { Channel } from '../../src/shared/api/channels'

// The inputs a contract walk (historial/escrituras.test.ts) cannot build from the schemas alone
// and that need no row of the fixture: codes and e-mails the generic builder does not write, a
// move that is not already at the top, a connection to test.

const codigos = { eje: '9', objetivo: '1.9', accion: '1.2.z' }
const porCodigo = Object.fromEntries(
  Object.entries(codigos).flatMap(([d, codigo]) => [
    [`${d}:crear`, { codigo }],
    [`${d}:actualizar`, { codigo: d === 'accion' ? '1.2.b' : d === 'eje' ? '1' : '1.2' }]
  ])
)
const persona = {
  nombre: 'Ana',
  cargo: null,
  institucionId: null,
  correo: 'ana@ejemplo.cl',
  telefono: null
}
const conexion = {
  host: '127.0.0.1',
  puerto: 5432,
  base: 'mitp',
  usuario: 'mitp',
  tls: 'desactivado',
  ca: null,
  clave: ''
}

export const AJUSTES_FIJOS: Partial<Record<Channel, Record<string, unknown>>> = {
  ...porCodigo,
  'conexion:probar': conexion,
  'conexion:guardar': conexion,
  'tarea:cancelar': { id: '0190b4a0-0000-7000-8000-000000000000' },
  'eje:mover': { direccion: 'abajo' },
  'meta:mover': { direccion: 'abajo' },
  'indicador:mover': { direccion: 'abajo' },
  'persona:crear': persona,
  'persona:actualizar': persona
}
