import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

// Raw IPC objects are allowed only in the two wrapper files.
const IPC_WRAPPERS = ['src/main/shell/ipc.ts', 'src/preload/index.ts']
const noRawIpc = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Use the typed IPC wrappers (src/main/shell/ipc.ts, src/preload/index.ts).'
}
const noElectron = {
  name: 'electron',
  message: 'Only the Electron shell (src/main/shell, src/main/index.ts) may import electron.'
}

/** A layer that may not import electron, the given folders, or the given packages. */
function layer(files, folders, paths = [], extra = []) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...paths],
          patterns: [
            ...folders.map((f) => ({
              group: [`**/${f}/**`, `../${f}`, `./${f}`],
              message: `This layer does not depend on src/main/${f}.`
            })),
            ...extra
          ]
        }
      ]
    }
  }
}

// The core's domains: each reaches another only through that domain's index.ts.
const DOMINIOS = [
  'plan',
  'instituciones',
  'personas',
  'sesiones',
  'asistencia',
  'tabla',
  'avances',
  'acuerdos',
  'tablero',
  'actas',
  'matriz',
  'sistema',
  'historial'
]
const CORE_SIN = ['shell', 'renderer', 'bridge', 'cli', 'ports']
const SIN_NAVEGADOR = [
  { name: 'playwright-core', message: 'The core is given a PdfPrinter; it never starts a browser.' }
]
const dominio = (d) =>
  layer([`src/main/core/${d}/**/*.ts`], CORE_SIN, SIN_NAVEGADOR, [
    {
      group: DOMINIOS.filter((o) => o !== d).flatMap((o) => [`../${o}/*`, `../../${o}/*`]),
      message: 'Another domain is reached through its index.ts (import from its folder).'
    }
  ])

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'resources/**',
      'reports/**',
      '.stryker-tmp/**'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true }
      ],
      'no-restricted-imports': ['error', { paths: [noRawIpc] }]
    }
  },
  {
    // CommonJS preloads for plain node (`node --require`).
    files: ['scripts/**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  },
  {
    files: IPC_WRAPPERS,
    rules: { 'no-restricted-imports': 'off' }
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'src/shared runs in every process: no Electron.' },
            { name: 'better-sqlite3', message: 'src/shared holds no storage.' },
            { name: 'kysely', message: 'src/shared holds no storage.' },
            { name: 'react', message: 'src/shared holds no UI.' },
            { name: 'react-dom', message: 'src/shared holds no UI.' }
          ],
          patterns: [
            { group: ['node:*'], message: 'src/shared runs in the browser too: no Node modules.' },
            {
              group: ['**/main/**', '**/renderer/**', '**/preload/**'],
              message: 'src/shared imports nothing from the processes.'
            }
          ]
        }
      ]
    }
  },
  // The layers: the core knows no host; the CLI and the bridge are hosts, and neither uses the
  // other; ports are what hosts give the core.
  layer(['src/main/core/**/*.ts'], CORE_SIN, SIN_NAVEGADOR),
  ...DOMINIOS.map(dominio),
  layer(['src/main/cli/**/*.ts'], ['shell', 'renderer', 'bridge']),
  layer(['src/main/bridge/**/*.ts', 'src/main/ports/**/*.ts'], ['shell', 'renderer', 'cli']),
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            noElectron,
            { name: 'better-sqlite3', message: 'The renderer never sees SQL.' },
            { name: 'kysely', message: 'The renderer never sees SQL.' }
          ],
          patterns: [
            { group: ['node:*'], message: 'The renderer is a sandboxed web page.' },
            {
              group: ['**/main/**'],
              message: 'The renderer talks to the main process only through the API client.'
            }
          ]
        }
      ]
    }
  }
)
