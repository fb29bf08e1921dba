// What the demo draws from: people's names and posts (in agreement with their gender), each instancia's member institutions,
// the session dates of 2014 and what is said under each agenda item.

export const NOMBRES = [
  'Carolina',
  'Andrés',
  'Paula',
  'Rodrigo',
  'Francisca',
  'Felipe',
  'Macarena',
  'Cristián',
  'Javiera',
  'Gonzalo',
  'Daniela',
  'Sebastián',
  'Valentina',
  'Matías',
  'Constanza',
  'Ignacio'
]
export const APELLIDOS = [
  'González',
  'Muñoz',
  'Rojas',
  'Díaz',
  'Pérez',
  'Soto',
  'Contreras',
  'Silva',
  'Martínez',
  'Sepúlveda',
  'Morales',
  'Rodríguez',
  'López',
  'Fuentes',
  'Hernández',
  'Torres',
  'Araya',
  'Flores',
  'Espinoza',
  'Valenzuela'
]
// Each post in its feminine and masculine form, so a cargo agrees with the person who holds it.
export const CARGOS: { f: string; m: string }[] = [
  { f: 'Profesional', m: 'Profesional' },
  { f: 'Jefa de departamento', m: 'Jefe de departamento' },
  { f: 'Asesora', m: 'Asesor' },
  { f: 'Coordinadora regional', m: 'Coordinador regional' },
  { f: 'Analista', m: 'Analista' },
  { f: 'Encargada de programa', m: 'Encargado de programa' }
]
/** The first names above that are women's. */
export const NOMBRES_FEMENINOS = new Set([
  'Carolina',
  'Paula',
  'Francisca',
  'Macarena',
  'Javiera',
  'Daniela',
  'Valentina',
  'Constanza'
])

export const INTEGRANTES: Record<string, string[]> = {
  PREVENCION: ['MININT', 'SERNAM', 'PDI', 'CARABINEROS', 'MINTRAB', 'SENAME', 'MINSALUD'],
  CONTROL: ['MININT', 'PDI', 'CARABINEROS', 'MINPUBLICO', 'MINTRAB', 'DIRECTEMAR', 'SERNAM'],
  ASISTENCIA: ['MININT', 'SERNAM', 'SENAME', 'MINSALUD', 'MINJUS', 'MINPUBLICO'],
  RAV: ['SERNAM', 'MINPUBLICO', 'MINJUS', 'SENAME', 'MINSALUD'],
  MITP: [
    'MININT',
    'SINT',
    'SERNAM',
    'PDI',
    'CARABINEROS',
    'MINJUS',
    'MINPUBLICO',
    'MINREL',
    'MINTRAB'
  ]
}

export const FECHAS = ['2014-03-12', '2014-06-11', '2014-09-10', '2014-11-19']
export const DESARROLLO: Record<string, string> = {
  aprobacion_acta: 'Se revisa el acta de la sesión anterior, enviada por correo a los integrantes.',
  cuenta:
    'La coordinación informa de las gestiones realizadas desde la última sesión y de la correspondencia recibida.',
  seguimiento:
    'Se revisa el estado de los acuerdos pendientes; cada institución responsable informa su avance.',
  varios: 'Se acuerda difundir el calendario de sesiones del próximo semestre.'
}
