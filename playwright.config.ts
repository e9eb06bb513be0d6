import { defineConfig } from '@playwright/test';

/**
 * The browser journeys run against the real server, started here: always on a fresh SQLite file,
 * and also on PostgreSQL when `E2E_POSTGRES_URL` names an empty database (`npm test` makes one).
 */
const admin = {
  STEGVIS_ADMIN_EMAIL: 'admin@e2e.stegvis.se',
  STEGVIS_ADMIN_PASSWORD: 'e2e-losenord-2026',
  STEGVIS_ADMIN_NAME: 'Eva Admin',
};
const postgresUrl = process.env.E2E_POSTGRES_URL;
const servers = [
  { name: 'sqlite', port: 3101, databaseUrl: `.tmp/e2e/stegvis-${Date.now()}.db` },
  ...(postgresUrl ? [{ name: 'postgres', port: 3102, databaseUrl: postgresUrl }] : []),
];

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  use: {
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: servers.map((server) => ({
    name: server.name,
    use: { baseURL: `http://127.0.0.1:${server.port}` },
  })),
  webServer: servers.map((server) => ({
    command: 'node_modules/.bin/tsx src/server/main.ts',
    url: `http://127.0.0.1:${server.port}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
    env: {
      ...admin,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(server.port),
      DATABASE_URL: server.databaseUrl,
      LOG_LEVEL: 'warn',
    },
  })),
});

export const e2eAdmin = {
  email: admin.STEGVIS_ADMIN_EMAIL,
  password: admin.STEGVIS_ADMIN_PASSWORD,
  name: admin.STEGVIS_ADMIN_NAME,
};
