import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { sql } from 'kysely';
import type { CurrentUser, SetupBody } from '../../shared/auth.js';
import { isoNow } from '../core/clock.js';
import type { AppContext } from '../core/context.js';
import { AppError } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { type PendingStep, secondFactorStep } from '../two-factor/gate.js';
import { assertPasswordNotCommon } from './common-passwords.js';
import { authRepository, type UserWithPerson } from './repository.js';

export interface StartedSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: CurrentUser;
}

export const hashSessionToken = (token: string): string => createHash('sha256').update(token).digest('hex');
export const randomToken = (): string => randomBytes(32).toString('base64url');

/**
 * Stored for a user who has not chosen a password yet (invited, link not used): it is no argon2
 * hash, so no password matches it.
 */
export const UNUSABLE_PASSWORD_HASH = '!ingen-losenord-valt';
export const hasUsablePassword = (passwordHash: string): boolean => passwordHash.startsWith('$argon2');

// Verifying against a real hash when the email is unknown keeps the answer time the same,
// so response times do not tell which addresses have accounts.
let unknownUserHash: Promise<string> | undefined;
const hashForUnknownUser = () => {
  unknownUserHash ??= hash(randomToken());
  return unknownUserHash;
};

export async function startSession(context: AppContext, user: CurrentUser): Promise<StartedSession> {
  const token = randomToken();
  const csrfToken = randomToken();
  const now = context.clock.now();
  const expiresAt = new Date(now.getTime() + context.config.sessionTtlHours * 3600_000);
  await authRepository.insertSession(context.db, {
    id: hashSessionToken(token),
    userId: user.id,
    csrfToken,
    createdAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  });
  return { token, csrfToken, expiresAt, user };
}

export async function createUser(
  context: AppContext,
  input: { email: string; name: string; password: string; role: CurrentUser['role'] },
): Promise<CurrentUser> {
  const email = input.email.trim().toLowerCase();
  if (await authRepository.findUserByEmail(context.db, email)) {
    throw new AppError('CONFLICT', 'Det finns redan en användare med den e-postadressen', { email: 'Upptagen' });
  }
  await assertPasswordNotCommon(input.password);
  const user: CurrentUser = {
    id: newId(),
    email,
    name: input.name,
    role: input.role,
    personId: null,
    customerId: null,
  };
  await authRepository.insertUser(context.db, {
    ...user,
    password_hash: await hash(input.password),
    created_at: isoNow(context.clock),
  });
  return user;
}

export const toCurrentUser = (user: UserWithPerson): CurrentUser => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  personId: user.person_id,
  customerId: user.customer_id,
});

export async function login(
  context: AppContext,
  email: string,
  password: string,
): Promise<StartedSession | PendingStep> {
  const found = await authRepository.findUserByEmail(context.db, email);
  // A user who has not chosen a password yet is answered like an unknown address.
  const user = found && hasUsablePassword(found.password_hash) ? found : undefined;
  const valid = await verify(user?.password_hash ?? (await hashForUnknownUser()), password);
  if (!user || !valid) throw new AppError('INVALID_CREDENTIALS', 'Fel e-postadress eller lösenord');
  // Said only to whoever knows the password: to anyone else it is a wrong password like any other.
  if (user.disabled_at) throw loginDisabled();
  await authRepository.deleteExpiredSessions(context.db, isoNow(context.clock));
  const current = toCurrentUser(user);
  // Whoever has a second factor, or must have one, gets a pending sign-in instead of a session.
  return (await secondFactorStep(context, current)) ?? startSession(context, current);
}

/** Whether the user's login is switched off (or gone): no sign-in by any way. */
export async function isLoginDisabled(context: AppContext, userId: string): Promise<boolean> {
  const user = await authRepository.findUserById(context.db, userId);
  return !user || Boolean(user.disabled_at);
}

export const loginDisabled = () =>
  new AppError('FORBIDDEN', 'Inloggningen är avstängd. Kontakta den som administrerar Stegvis hos er.');

/** The login with this e-mail address, if any: whom to tell that their account is locked. */
export function findLoginByEmail(context: AppContext, email: string): Promise<UserWithPerson | undefined> {
  return authRepository.findUserByEmail(context.db, email.trim().toLowerCase());
}

export async function logout(context: AppContext, sessionId: string): Promise<void> {
  await authRepository.deleteSession(context.db, sessionId);
}

/** Whether the password is the user's: asked for again before a second factor is removed. */
export async function verifyPassword(context: AppContext, userId: string, password: string): Promise<boolean> {
  const user = await authRepository.findUserById(context.db, userId);
  return Boolean(user && hasUsablePassword(user.password_hash) && (await verify(user.password_hash, password)));
}

export async function needsSetup(context: AppContext): Promise<boolean> {
  return (await authRepository.countUsers(context.db)) === 0;
}

// Any fixed number: the PostgreSQL advisory lock that queues concurrent first-admin creations.
const FIRST_ADMIN_LOCK = 7_351_001;

/**
 * Creates the vendor admin unless a user exists, checking and inserting as one step so that
 * concurrent set-ups create one admin, not several. On PostgreSQL they queue on an advisory lock
 * and each counts what the previous one committed; on SQLite the transaction holds the app's
 * only connection, which serialises them.
 */
async function createFirstAdmin(
  context: AppContext,
  input: { email: string; name: string; password: string },
): Promise<CurrentUser | undefined> {
  const user: CurrentUser = {
    id: newId(),
    email: input.email.trim().toLowerCase(),
    name: input.name,
    role: 'vendor_admin',
    personId: null,
    customerId: null,
  };
  await assertPasswordNotCommon(input.password);
  const passwordHash = await hash(input.password);
  return context.db.transaction().execute(async (trx) => {
    if (context.databaseKind === 'postgres') await sql`select pg_advisory_xact_lock(${FIRST_ADMIN_LOCK})`.execute(trx);
    if ((await authRepository.countUsers(trx)) > 0) return undefined;
    await authRepository.insertUser(trx, { ...user, password_hash: passwordHash, created_at: isoNow(context.clock) });
    return user;
  });
}

/** The first-run path: only while no user exists can anyone create the vendor admin. */
export async function setupFirstAdmin(context: AppContext, body: SetupBody): Promise<StartedSession> {
  const user = (await needsSetup(context)) ? await createFirstAdmin(context, body) : undefined;
  if (!user) throw new AppError('SETUP_ALREADY_DONE', 'Stegvis har redan en administratör. Logga in i stället.');
  return startSession(context, user);
}

export async function ensureInitialAdmin(context: AppContext): Promise<CurrentUser | undefined> {
  const admin = context.config.initialAdmin;
  if (!admin || !(await needsSetup(context))) return undefined;
  return createFirstAdmin(context, admin);
}

/** How stale the recorded last activity may grow before a request writes it again: a write per minute, not per request. */
const TOUCH_AFTER_MS = 60_000;

/**
 * The session behind the token while it lives: before its absolute end (SESSION_TTL_HOURS) and
 * used within SESSION_IDLE_MINUTES. Its last activity is written only when the stored one is over
 * a minute old, so the idle timeout is exact to about a minute.
 */
export async function findActiveSession(context: AppContext, token: string) {
  const session = await authRepository.findSession(context.db, hashSessionToken(token));
  const now = context.clock.now();
  const nowIso = now.toISOString();
  if (!session || session.expiresAt <= nowIso) return undefined;
  const idleMs = now.getTime() - Date.parse(session.lastSeenAt);
  if (idleMs >= context.config.sessionIdleMinutes * 60_000) return undefined;
  if (idleMs >= TOUCH_AFTER_MS) {
    await authRepository.touchSession(context.db, session.sessionId, nowIso);
    session.lastSeenAt = nowIso;
  }
  return session;
}

/**
 * The user as a request of theirs would see them, for what holds only the id (a calendar feed
 * fetched without a session); undefined when the login is gone or switched off.
 */
export async function findCurrentUser(context: AppContext, userId: string): Promise<CurrentUser | undefined> {
  const user = await authRepository.findUserById(context.db, userId);
  // A switched-off login (disabled_at, where the users table has it) counts as gone.
  if (!user || ('disabled_at' in user && user.disabled_at)) return undefined;
  return toCurrentUser(user);
}
