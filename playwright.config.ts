import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/e2e/chromium.js';

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
const FIRST_RUN = 'first-run.spec.ts';
const servers = [
  { name: 'sqlite', port: 3101, databaseUrl: `.tmp/e2e/stegvis-${Date.now()}.db`, env: admin, testIgnore: FIRST_RUN },
  ...(postgresUrl
    ? [{ name: 'postgres', port: 3102, databaseUrl: postgresUrl, env: admin, testIgnore: FIRST_RUN }]
    : []),
  // No admin configured: the app must lead the first visitor through creating one.
  { name: 'first-run', port: 3103, databaseUrl: `.tmp/e2e/first-run-${Date.now()}.db`, env: {}, testMatch: FIRST_RUN },
];

/** The municipality's own sign-in, a real OpenID Connect provider beside the servers. */
const OIDC_PROVIDER_PORT = 3104;
export const e2eOidcProvider = {
  issuer: `http://127.0.0.1:${OIDC_PROVIDER_PORT}`,
  clientId: 'stegvis-e2e',
  clientSecret: 'e2e-klienthemlighet',
};

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  // A shared CI machine under load can stall one step; a journey that fails twice is a real failure,
  // and one that passes only on its retry is reported as flaky in the summary.
  retries: process.env.CI ? 1 : 0,
  forbidOnly: true,
  use: {
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
  projects: servers.map(({ name, port, testIgnore, testMatch }) => ({
    name,
    testIgnore,
    testMatch,
    use: { baseURL: `http://127.0.0.1:${port}` },
  })),
  webServer: [
    ...servers.map((server) => ({
      // The built server, as `npm start` runs it (`npm test` builds before the journeys).
      command: 'node scripts/start.mjs',
      url: `http://127.0.0.1:${server.port}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore' as const,
      stderr: 'pipe' as const,
      env: {
        ...server.env,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(server.port),
        DATABASE_URL: server.databaseUrl,
        OUTBOX_DIR: e2eOutbox(server.name),
        LOG_LEVEL: 'warn',
        // The municipality's provider below runs on 127.0.0.1; the PostgreSQL server makes no key of its own.
        SSO_ALLOW_LOOPBACK: 'true',
        SECRETS_KEY: 'ZTJlLXNlY3JldHMta2V5LWZvci1zdGVndmlzLWpvdXI=',
      },
    })),
    {
      command: 'node_modules/.bin/tsx scripts/oidc-provider.ts',
      url: `${e2eOidcProvider.issuer}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore' as const,
      stderr: 'pipe' as const,
      env: {
        OIDC_PROVIDER_PORT: String(OIDC_PROVIDER_PORT),
        OIDC_CLIENT_ID: e2eOidcProvider.clientId,
        OIDC_CLIENT_SECRET: e2eOidcProvider.clientSecret,
        OIDC_REDIRECT_URIS: servers.map(({ port }) => `http://127.0.0.1:${port}/api/auth/sso/callback`).join(','),
        // Each run makes up a new municipality, and with it new addresses.
        OIDC_ANY_ADDRESS: 'true',
      },
    },
  ],
});

/** Where each server writes its mails (no SMTP in the journeys): tests read invitation links there. */
export function e2eOutbox(serverName: string): string {
  return `.tmp/e2e/outbox-${serverName}`;
}

export const e2eAdmin = {
  email: admin.STEGVIS_ADMIN_EMAIL,
  password: admin.STEGVIS_ADMIN_PASSWORD,
  name: admin.STEGVIS_ADMIN_NAME,
};
