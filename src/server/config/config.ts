import path from 'node:path';
import { z } from 'zod';
import { builtWebFiles, type WebFiles } from '../core/build-info.js';
import { parseSecretsKey, type SecretKeys } from '../core/secrets.js';

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

const SECRETS_KEY_FORMAT =
  'ska vara 32 byte skrivna som base64 (44 tecken) eller hex (64 tecken), till exempel från openssl rand -base64 32';

/** SECRETS_KEY_PREVIOUS may name several keys, separated by commas. */
const secretsKeys = (allowSeveral: boolean) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, context) => {
      const text = value ?? '';
      const parts = (allowSeveral ? text.split(',') : [text]).map((part) => part.trim());
      const keys: Buffer[] = [];
      for (const part of parts.filter(Boolean)) {
        const key = parseSecretsKey(part);
        if (!key) context.addIssue({ code: 'custom', message: SECRETS_KEY_FORMAT });
        else keys.push(key);
      }
      return keys;
    });

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  DATABASE_URL: z.string().min(1).default('data/stegvis.db'),
  PUBLIC_URL: z.url().optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(12),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60 * 90)
    .default(60),
  COOKIE_SECURE: booleanFlag.optional(),
  TRUST_PROXY: booleanFlag.default(false),
  STEGVIS_VENDOR_NAME: z.string().trim().min(1).max(100).default('Leverantören'),
  STEGVIS_ADMIN_EMAIL: z.email().optional(),
  STEGVIS_ADMIN_PASSWORD: z.string().min(10, 'måste vara minst 10 tecken').optional(),
  STEGVIS_ADMIN_NAME: z.string().trim().min(1).default('Administratör'),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  LOGIN_RATE_LIMIT_WINDOW_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  LOGIN_RATE_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).default(20),
  LOGIN_RATE_LIMIT_ACCOUNT_BACKOFF_AFTER: z.coerce.number().int().min(1).default(5),
  LOGIN_RATE_LIMIT_ACCOUNT_LOCK_AFTER: z.coerce.number().int().min(1).default(10),
  LOGIN_RATE_LIMIT_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  LOGIN_RATE_LIMIT_FORGOT_PER_ADDRESS: z.coerce.number().int().min(1).default(10),
  LOGIN_RATE_LIMIT_FORGOT_PER_EMAIL: z.coerce.number().int().min(1).default(3),
  SMTP_URL: z
    .string()
    .trim()
    .regex(/^smtps?:\/\/[^/\s]+/, 'ska vara en adress som smtp://användare:lösenord@värd:587 eller smtps://…')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  MAIL_FROM: z.string().trim().min(3).default('Stegvis <no-reply@localhost>'),
  OUTBOX_DIR: z.string().trim().min(1).default('data/outbox'),
  INVITATION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(72),
  RESET_TTL_HOURS: z.coerce.number().int().min(1).max(72).default(2),
  REMINDER_INTERVAL_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 3600)
    .default(300),
  ATTACHMENT_MAX_MB: z.coerce.number().int().min(1).max(100).default(20),
  MEASUREMENT_FILE_MAX_MB: z.coerce.number().int().min(1).max(1024).default(50),
  METRICS_TOKEN: z
    .string()
    .trim()
    .min(16, 'måste vara minst 16 tecken')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SECRETS_KEY: secretsKeys(false),
  SECRETS_KEY_PREVIOUS: secretsKeys(true),
  SSO_ALLOW_LOOPBACK: booleanFlag.default(false),
});

export type DatabaseConfig = { kind: 'postgres'; url: string } | { kind: 'sqlite'; file: string };

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl: string;
  database: DatabaseConfig;
  sessionTtlHours: number;
  /** A session unused this long ends, whatever its absolute lifetime left. */
  sessionIdleMinutes: number;
  cookieSecure: boolean;
  /** Behind a reverse proxy: take the client address and protocol from its X-Forwarded-* headers. */
  trustProxy: boolean;
  vendorName: string;
  initialAdmin?: { email: string; password: string; name: string };
  /** Attempts per client address and e-mail address per minute (in each instance's memory): a burst limit. */
  loginRateLimitPerMinute: number;
  /** Login throttling counted in the database, shared by every instance (see docs/security.md). */
  loginThrottle: LoginThrottleConfig;
  /** Without `smtpUrl`, mails are written as .eml files to `outboxDir` instead of being sent. */
  mail: { smtpUrl?: string; from: string; outboxDir: string };
  invitationTtlHours: number;
  resetTtlHours: number;
  /** How often the reminder job runs; 0 turns reminders off in this instance. */
  reminderIntervalSeconds: number;
  /** The largest file that may be attached to a checklist activity; files are kept in the database. */
  attachmentMaxMegabytes: number;
  /** The largest export (CSV or Excel) that may be uploaded to compute an effect goal's figure; read as a stream. */
  measurementFileMaxMegabytes: number;
  logLevel: string;
  /** The bearer token Prometheus scrapes `/metrics` with; without it, `/metrics` does not exist. */
  metricsToken?: string;
  /** The web app built with this server; absent when the sources run directly (tests, `npm run dev`). */
  web?: WebFiles;
  /** SECRETS_KEY and SECRETS_KEY_PREVIOUS: what seals the secrets kept in the database (core/secrets.ts). */
  secretKeys: SecretKeys;
  /** Single sign-on providers on this machine's loopback are allowed (development and tests only). */
  ssoAllowLoopback: boolean;
}

export interface LoginThrottleConfig {
  windowMinutes: number;
  /** Failed logins from one client address, whatever the e-mail, before it waits out the window. */
  perAddress: number;
  /** Failed logins on one account, from any address, before each further one waits longer. */
  accountBackoffAfter: number;
  /** Failed logins on one account before it is locked for `lockMinutes` and its holder gets a mail. */
  accountLockAfter: number;
  lockMinutes: number;
  /** Forgotten-password requests per window from one client address and for one e-mail address. */
  forgotPerAddress: number;
  forgotPerEmail: number;
}

export class ConfigError extends Error {}

export function parseDatabaseUrl(url: string): DatabaseConfig {
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', url };
  if (url === ':memory:') return { kind: 'sqlite', file: url };
  return { kind: 'sqlite', file: path.resolve(url.replace(/^(sqlite|file):(\/\/)?/, '')) };
}

/** Reads the configuration from environment variables and fails with every problem named. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Ogiltig konfiguration:\n${problems.join('\n')}`);
  }
  const env = parsed.data;
  if (Boolean(env.STEGVIS_ADMIN_EMAIL) !== Boolean(env.STEGVIS_ADMIN_PASSWORD)) {
    throw new ConfigError(
      'Ogiltig konfiguration:\n  STEGVIS_ADMIN_EMAIL och STEGVIS_ADMIN_PASSWORD måste anges tillsammans',
    );
  }
  const publicUrl = env.PUBLIC_URL ?? `http://${env.HOST}:${env.PORT}`;
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    publicUrl,
    database: parseDatabaseUrl(env.DATABASE_URL),
    sessionTtlHours: env.SESSION_TTL_HOURS,
    sessionIdleMinutes: env.SESSION_IDLE_MINUTES,
    cookieSecure: env.COOKIE_SECURE ?? publicUrl.startsWith('https://'),
    trustProxy: env.TRUST_PROXY,
    vendorName: env.STEGVIS_VENDOR_NAME,
    initialAdmin:
      env.STEGVIS_ADMIN_EMAIL && env.STEGVIS_ADMIN_PASSWORD
        ? { email: env.STEGVIS_ADMIN_EMAIL, password: env.STEGVIS_ADMIN_PASSWORD, name: env.STEGVIS_ADMIN_NAME }
        : undefined,
    loginRateLimitPerMinute: env.LOGIN_RATE_LIMIT_PER_MINUTE,
    loginThrottle: {
      windowMinutes: env.LOGIN_RATE_LIMIT_WINDOW_MINUTES,
      perAddress: env.LOGIN_RATE_LIMIT_PER_ADDRESS,
      accountBackoffAfter: env.LOGIN_RATE_LIMIT_ACCOUNT_BACKOFF_AFTER,
      accountLockAfter: Math.max(env.LOGIN_RATE_LIMIT_ACCOUNT_LOCK_AFTER, env.LOGIN_RATE_LIMIT_ACCOUNT_BACKOFF_AFTER),
      lockMinutes: env.LOGIN_RATE_LIMIT_LOCK_MINUTES,
      forgotPerAddress: env.LOGIN_RATE_LIMIT_FORGOT_PER_ADDRESS,
      forgotPerEmail: env.LOGIN_RATE_LIMIT_FORGOT_PER_EMAIL,
    },
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, outboxDir: path.resolve(env.OUTBOX_DIR) },
    invitationTtlHours: env.INVITATION_TTL_HOURS,
    resetTtlHours: env.RESET_TTL_HOURS,
    reminderIntervalSeconds: env.REMINDER_INTERVAL_SECONDS,
    attachmentMaxMegabytes: env.ATTACHMENT_MAX_MB,
    measurementFileMaxMegabytes: env.MEASUREMENT_FILE_MAX_MB,
    logLevel: env.LOG_LEVEL,
    metricsToken: env.METRICS_TOKEN,
    web: builtWebFiles(),
    secretKeys: { current: env.SECRETS_KEY[0], previous: env.SECRETS_KEY_PREVIOUS },
    ssoAllowLoopback: env.SSO_ALLOW_LOOPBACK,
  };
}
