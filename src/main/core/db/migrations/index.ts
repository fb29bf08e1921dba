import type { Migration } from '../migration'
import { m0001 } from './0001_esquema_inicial'
import { m0002 } from './0002_sesiones_y_actas'
import { m0003 } from './0003_acta_sellada'
import { m0004 } from './0004_indices_historial'
import { m0005 } from './0005_rotulos_y_subrogante'
import { m0006 } from './0006_cierre_acuerdos'
import { m0007 } from './0007_busqueda'
import { m0008 } from './0008_meta_indicador'
import { m0009 } from './0009_vida_acuerdos'
import { m0010 } from './0010_presidente'
import { m0011 } from './0011_historial'
import { m0012 } from './0012_periodos'
import { m0013 } from './0013_indices_roles'
import { m0014 } from './0014_sellos'
import { m0015 } from './0015_actas_ajenas'
import { m0016 } from './0016_avance_fechas'
import { m0017 } from './0017_conocido'
import { m0018 } from './0018_acuerdos_plazo'
import { m0019 } from './0019_anteriores'
import { m0020 } from './0020_acuerdos_persona'
import { m0021 } from './0021_comunes'
import { m0022 } from './0022_bloqueo_en_turno'

/**
 * The static list of migrations, append-only. A bundled main process has no folder to read
 * migration files from, so they are listed here.
 */
export const MIGRATIONS: readonly Migration[] = [
  m0001,
  m0002,
  m0003,
  m0004,
  m0005,
  m0006,
  m0007,
  m0008,
  m0009,
  m0010,
  m0011,
  m0012,
  m0013,
  m0014,
  m0015,
  m0016,
  m0017,
  m0018,
  m0019,
  m0020,
  m0021,
  m0022
]

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length
