import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseDatabaseUrl } from './config.js';

/** The ConfigError that loading `environment` throws. */
function configErrorOf(environment: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(environment);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('loadConfig accepted the environment');
}

describe('loadConfig', () => {
  it('has defaults that run on a fresh machine', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      env: 'development',
      port: 3000,
      host: 'localhost',
      publicUrl: 'http://localhost:3000',
      sessionTtlHours: 12,
      cookieSecure: false,
      vendorName: 'Leverantören',
      loginRateLimitPerMinute: 10,
      initialAdmin: undefined,
      sessionIdleMinutes: 60,
      loginThrottle: {
        windowMinutes: 15,
        perAddress: 20,
        accountBackoffAfter: 5,
        accountLockAfter: 10,
        lockMinutes: 15,
        forgotPerAddress: 10,
        forgotPerEmail: 3,
      },
    });
    expect(config.database).toEqual({ kind: 'sqlite', file: path.resolve('data/stegvis.db') });
    expect(config.database.kind === 'sqlite' && path.isAbsolute(config.database.file)).toBe(true);
  });

  it('selects PostgreSQL for a postgres:// or postgresql:// url', () => {
    for (const url of ['postgres://stegvis:hemligt@db:5432/stegvis', 'postgresql://db/stegvis']) {
      expect(loadConfig({ DATABASE_URL: url }).database).toEqual({ kind: 'postgres', url });
    }
  });

  it('reads a SQLite file from a plain path or a sqlite:/file: url, always as an absolute path', () => {
    expect(parseDatabaseUrl('/var/lib/stegvis/db.sqlite')).toEqual({
      kind: 'sqlite',
      file: '/var/lib/stegvis/db.sqlite',
    });
    expect(parseDatabaseUrl('sqlite://data/x.db')).toEqual({ kind: 'sqlite', file: path.resolve('data/x.db') });
    expect(parseDatabaseUrl('file:data/x.db')).toEqual({ kind: 'sqlite', file: path.resolve('data/x.db') });
    expect(parseDatabaseUrl(':memory:')).toEqual({ kind: 'sqlite', file: ':memory:' });
  });

  it('marks cookies secure when the public address is https, unless told otherwise', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://stegvis.exempel.se' }).cookieSecure).toBe(true);
    expect(loadConfig({ PUBLIC_URL: 'https://stegvis.exempel.se', COOKIE_SECURE: 'false' }).cookieSecure).toBe(false);
    expect(loadConfig({ COOKIE_SECURE: '1' }).cookieSecure).toBe(true);
  });

  it('takes the first admin only with both e-mail and password', () => {
    expect(
      loadConfig({ STEGVIS_ADMIN_EMAIL: 'drift@exempel.se', STEGVIS_ADMIN_PASSWORD: 'ett-langt-losenord' })
        .initialAdmin,
    ).toEqual({ email: 'drift@exempel.se', password: 'ett-langt-losenord', name: 'Administratör' });
  });

  it('refuses a bad PORT with a Swedish error that names the field', () => {
    for (const port of ['abc', '70000', '-1']) {
      const error = configErrorOf({ PORT: port });
      expect(error.message).toMatch(/^Ogiltig konfiguration:\n/);
      expect(error.message).toMatch(/^ {2}PORT: /m);
    }
  });

  it('names every bad field at once', () => {
    const error = configErrorOf({ PORT: 'abc', SESSION_TTL_HOURS: '0', LOG_LEVEL: 'pratig' });
    for (const field of ['PORT', 'SESSION_TTL_HOURS', 'LOG_LEVEL']) expect(error.message).toContain(`  ${field}: `);
  });

  it('refuses an admin e-mail without a password, and a short admin password, in Swedish', () => {
    const withoutPassword = configErrorOf({ STEGVIS_ADMIN_EMAIL: 'drift@exempel.se' });
    expect(withoutPassword.message).toBe(
      'Ogiltig konfiguration:\n  STEGVIS_ADMIN_EMAIL och STEGVIS_ADMIN_PASSWORD måste anges tillsammans',
    );
    expect(configErrorOf({ STEGVIS_ADMIN_PASSWORD: 'ett-langt-losenord' }).message).toContain('STEGVIS_ADMIN_EMAIL');

    const short = configErrorOf({ STEGVIS_ADMIN_EMAIL: 'drift@exempel.se', STEGVIS_ADMIN_PASSWORD: 'kort' });
    expect(short.message).toContain('STEGVIS_ADMIN_PASSWORD: måste vara minst 10 tecken');
  });

  it('sends mail by SMTP_URL, and without it writes mails to OUTBOX_DIR; links last 72 and 2 hours', () => {
    const defaults = loadConfig({});
    expect(defaults.mail).toEqual({
      smtpUrl: undefined,
      from: 'Stegvis <no-reply@localhost>',
      outboxDir: path.resolve('data/outbox'),
    });
    expect([defaults.invitationTtlHours, defaults.resetTtlHours]).toEqual([72, 2]);
    expect(loadConfig({ SMTP_URL: '' }).mail.smtpUrl).toBeUndefined();

    const configured = loadConfig({
      SMTP_URL: 'smtps://stegvis:hemligt@smtp.exempel.se:465',
      MAIL_FROM: 'Stegvis <stegvis@exempel.se>',
      INVITATION_TTL_HOURS: '24',
      RESET_TTL_HOURS: '1',
    });
    expect(configured.mail).toMatchObject({
      smtpUrl: 'smtps://stegvis:hemligt@smtp.exempel.se:465',
      from: 'Stegvis <stegvis@exempel.se>',
    });
    expect([configured.invitationTtlHours, configured.resetTtlHours]).toEqual([24, 1]);

    const error = configErrorOf({ SMTP_URL: 'smtp.exempel.se', RESET_TTL_HOURS: '0' });
    expect(error.message).toContain('  SMTP_URL: ska vara en adress som smtp://');
    expect(error.message).toContain('  RESET_TTL_HOURS: ');
  });

  it('runs the reminder job every 300 seconds unless REMINDER_INTERVAL_SECONDS says otherwise; 0 turns it off', () => {
    expect(loadConfig({}).reminderIntervalSeconds).toBe(300);
    expect(loadConfig({ REMINDER_INTERVAL_SECONDS: '60' }).reminderIntervalSeconds).toBe(60);
    expect(loadConfig({ REMINDER_INTERVAL_SECONDS: '0' }).reminderIntervalSeconds).toBe(0);
    for (const interval of ['-1', 'ofta', '1.5', '86401']) {
      expect(configErrorOf({ REMINDER_INTERVAL_SECONDS: interval }).message).toContain('  REMINDER_INTERVAL_SECONDS: ');
    }
  });

  it('serves metrics only with a METRICS_TOKEN of at least 16 characters', () => {
    expect(loadConfig({}).metricsToken).toBeUndefined();
    expect(loadConfig({ METRICS_TOKEN: '' }).metricsToken).toBeUndefined();
    expect(loadConfig({ METRICS_TOKEN: 'prometheus-skrapar-1234' }).metricsToken).toBe('prometheus-skrapar-1234');
    expect(configErrorOf({ METRICS_TOKEN: 'för-kort' }).message).toContain(
      '  METRICS_TOKEN: måste vara minst 16 tecken',
    );
  });
});
