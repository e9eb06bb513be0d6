import { createHash, randomBytes } from 'node:crypto';
import {
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import { isoBase64URL, isoUint8Array } from '@simplewebauthn/server/helpers';
import * as OTPAuth from 'otpauth';
import type { CurrentUser } from '../../shared/auth.js';
import type {
  EnrolmentResult,
  Passkey,
  TotpSetup,
  TwoFactorStatus,
  VendorTwoFactorPolicy,
} from '../../shared/two-factor.js';
import { recordAudit } from '../audit/service.js';
import { findCurrentUser, type StartedSession, startSession, verifyPassword } from '../auth/service.js';
import type { AppContext } from '../core/context.js';
import { AppError, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import type { PasskeysTable, PendingSignInsTable } from '../db/schema.js';
import { setVendorStaffTwoFactorRequired, vendorStaffTwoFactorRequired } from '../settings/service.js';
import { factorCount, factorSummary, hashPendingToken, isSecondFactorRequired } from './gate.js';
import { twoFactorRepository } from './repository.js';
import {
  acceptedStep,
  formatRecoveryCode,
  MAX_FAILED_ATTEMPTS,
  mayRemoveFactor,
  normaliseRecoveryCode,
  RECOVERY_CODE_COUNT,
  relyingParty,
} from './rules.js';
import { openSecret, sealSecret } from './secret-box.js';

const ISSUER = 'Stegvis';
const PERIOD_SECONDS = 30;
const REGISTRATION_TTL_MS = 5 * 60_000;

/** Who is adding or removing a factor: a signed-in user, or a sign-in that may do nothing else yet. */
export interface Enroller {
  user: CurrentUser;
  /** The pending sign-in (`enrol`) the request came with; null in a session. */
  pendingId: string | null;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

const totpOf = (secretBase32: string, label: string) =>
  new OTPAuth.TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    secret: OTPAuth.Secret.fromBase32(secretBase32),
  });

/** The step a code matches at the app's time, ±1 step, or null. */
function matchingStep(context: AppContext, secretBase32: string, code: string, lastUsedStep: number | null) {
  const timestamp = context.clock.now().getTime();
  const totp = totpOf(secretBase32, '');
  const delta = totp.validate({ token: code, timestamp, window: 1 });
  return acceptedStep(delta, totp.counter({ timestamp }), lastUsedStep);
}

const auditUser = (context: AppContext, actor: CurrentUser, action: string, summary: string, after?: object) =>
  recordAudit(context, context.db, {
    actor,
    customerId: actor.customerId,
    action,
    entityType: 'user',
    entityId: actor.id,
    summary,
    after: after ?? null,
  });

// ---------------------------------------------------------------------------------------------
// Pending sign-ins: completing a password sign-in with the second factor

const expiredMessage = 'Inloggningen har gått ut. Logga in med ditt lösenord igen.';

/** The pending sign-in behind a cookie, if it is still open. */
export async function findPending(context: AppContext, token: string): Promise<PendingSignInsTable | undefined> {
  const pending = await twoFactorRepository.findPending(context.db, hashPendingToken(token));
  if (!pending || pending.expires_at <= context.clock.now().toISOString()) return undefined;
  return pending;
}

/** Signing out of a sign-in not finished ends it. */
export async function endPending(context: AppContext, id: string): Promise<void> {
  await twoFactorRepository.deletePending(context.db, id);
}

/** A wrong try: counted, and the fifth ends the pending sign-in. */
async function refuse(context: AppContext, pending: PendingSignInsTable, message: string): Promise<never> {
  const failures = await twoFactorRepository.countFailure(context.db, pending.id);
  if (failures >= MAX_FAILED_ATTEMPTS) {
    // Ended but kept for a while: its wrong tries count against the account.
    await twoFactorRepository.expirePending(context.db, pending.id, context.clock.now().toISOString());
    throw new AppError('TOKEN_EXPIRED', 'För många felaktiga försök. Logga in med ditt lösenord igen.');
  }
  throw new AppError('INVALID_SECOND_FACTOR', message, { code: message });
}

/** Ends the pending sign-in (once, whoever races) and starts the session it was waiting for. */
async function finishPending(context: AppContext, pending: PendingSignInsTable): Promise<StartedSession> {
  if (!(await twoFactorRepository.deletePending(context.db, pending.id))) {
    throw new AppError('TOKEN_EXPIRED', expiredMessage);
  }
  const user = await findCurrentUser(context, pending.user_id);
  if (!user) throw new AppError('TOKEN_EXPIRED', expiredMessage);
  // The right factor clears the account's count of wrong tries.
  await twoFactorRepository.deletePendingOfUser(context.db, user.id);
  return startSession(context, user);
}

export async function verifyCode(
  context: AppContext,
  pending: PendingSignInsTable,
  body: { method: 'totp' | 'recovery'; code: string },
): Promise<StartedSession> {
  if (pending.purpose !== 'verify') throw new AppError('FORBIDDEN', 'Lägg till en tvåstegsverifiering först.');
  if (body.method === 'totp') {
    const totp = await twoFactorRepository.findTotp(context.db, pending.user_id);
    const step =
      totp?.confirmed_at &&
      matchingStep(context, openSecret(context, pending.user_id, totp.secret), body.code, totp.last_used_step);
    if (!totp || !step || !(await twoFactorRepository.recordTotpStep(context.db, pending.user_id, step))) {
      return refuse(context, pending, 'Koden stämmer inte eller är redan använd. Vänta på nästa kod och försök igen.');
    }
  } else {
    const used = await twoFactorRepository.spendRecoveryCode(
      context.db,
      pending.user_id,
      sha256(normaliseRecoveryCode(body.code)),
      context.clock.now().toISOString(),
    );
    if (!used) return refuse(context, pending, 'Återställningskoden stämmer inte eller är redan använd.');
  }
  return finishPending(context, pending);
}

const credentialOf = (row: PasskeysTable) => ({
  id: row.id,
  publicKey: isoBase64URL.toBuffer(row.public_key),
  counter: Number(row.counter),
  transports: JSON.parse(row.transports) as AuthenticatorTransportFuture[],
});

export async function passkeySignInOptions(context: AppContext, pending: PendingSignInsTable) {
  if (pending.purpose !== 'verify') throw new AppError('FORBIDDEN', 'Lägg till en tvåstegsverifiering först.');
  const passkeys = await twoFactorRepository.listPasskeys(context.db, pending.user_id);
  if (passkeys.length === 0) throw new AppError('CONFLICT', 'Du har ingen nyckel. Använd koden från appen.');
  const options = await generateAuthenticationOptions({
    rpID: relyingParty(context.config.publicUrl).rpID,
    allowCredentials: passkeys.map((row) => ({ id: row.id, transports: credentialOf(row).transports })),
    userVerification: 'preferred',
  });
  await twoFactorRepository.setPendingChallenge(context.db, pending.id, options.challenge);
  return { options: options as unknown as Record<string, unknown> };
}

export async function verifyPasskey(
  context: AppContext,
  pending: PendingSignInsTable,
  response: AuthenticationResponseJSON,
): Promise<StartedSession> {
  if (pending.purpose !== 'verify' || !pending.challenge) {
    throw new AppError('CONFLICT', 'Be om en ny nyckelinloggning och försök igen.');
  }
  const passkey = await twoFactorRepository.findPasskey(context.db, response.id);
  if (!passkey || passkey.user_id !== pending.user_id) return refuse(context, pending, 'Nyckeln hör inte till kontot.');
  const { rpID, origin } = relyingParty(context.config.publicUrl);
  let newCounter: number;
  try {
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: pending.challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      credential: credentialOf(passkey),
      requireUserVerification: false,
    });
    if (!result.verified) throw new Error('not verified');
    newCounter = result.authenticationInfo.newCounter;
  } catch {
    return refuse(context, pending, 'Nyckeln kunde inte bekräftas. Försök igen.');
  }
  await twoFactorRepository.touchPasskey(context.db, passkey.id, newCounter, context.clock.now().toISOString());
  return finishPending(context, pending);
}

// ---------------------------------------------------------------------------------------------
// The user's own factors

export async function twoFactorStatus(context: AppContext, user: CurrentUser): Promise<TwoFactorStatus> {
  const [totp, passkeys, recoveryCodesLeft, required] = await Promise.all([
    twoFactorRepository.findTotp(context.db, user.id),
    twoFactorRepository.listPasskeys(context.db, user.id),
    twoFactorRepository.countUnusedRecoveryCodes(context.db, user.id),
    isSecondFactorRequired(context, user),
  ]);
  return {
    totp: totp?.confirmed_at ? { enabledAt: totp.confirmed_at } : null,
    passkeys: passkeys.map(
      (row): Passkey => ({ id: row.id, name: row.name, createdAt: row.created_at, lastUsedAt: row.last_used_at }),
    ),
    recoveryCodesLeft,
    required,
  };
}

export async function startTotp(context: AppContext, enroller: Enroller): Promise<TotpSetup> {
  const secret = new OTPAuth.Secret({ size: 20 });
  const stored = await twoFactorRepository.putUnconfirmedTotp(context.db, {
    user_id: enroller.user.id,
    secret: sealSecret(context, enroller.user.id, secret.base32),
    created_at: context.clock.now().toISOString(),
  });
  if (!stored) throw new AppError('CONFLICT', 'Du har redan en app för tvåstegsverifiering. Ta bort den först.');
  return { secret: secret.base32, uri: totpOf(secret.base32, enroller.user.email).toString() };
}

/** Ten new codes replace any earlier ones; only their hashes are kept. */
async function newRecoveryCodes(context: AppContext, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => formatRecoveryCode(randomBytes(16)));
  const nowIso = context.clock.now().toISOString();
  await twoFactorRepository.replaceRecoveryCodes(
    context.db,
    userId,
    codes.map((code) => ({
      id: newId(),
      user_id: userId,
      code_hash: sha256(normaliseRecoveryCode(code)),
      used_at: null,
      created_at: nowIso,
    })),
  );
  return codes;
}

/**
 * After a factor is added: recovery codes when the user had none left, and, for a sign-in that
 * could only add a factor, the session it now gets.
 */
async function afterEnrolment(
  context: AppContext,
  enroller: Enroller,
): Promise<{ result: EnrolmentResult; session: StartedSession | null }> {
  const codesLeft = await twoFactorRepository.countUnusedRecoveryCodes(context.db, enroller.user.id);
  const recoveryCodes = codesLeft === 0 ? await newRecoveryCodes(context, enroller.user.id) : null;
  if (!enroller.pendingId) return { result: { recoveryCodes, session: null }, session: null };
  if (!(await twoFactorRepository.deletePending(context.db, enroller.pendingId))) {
    throw new AppError('TOKEN_EXPIRED', expiredMessage);
  }
  const session = await startSession(context, enroller.user);
  return { result: { recoveryCodes, session: { user: session.user, csrfToken: session.csrfToken } }, session };
}

export async function confirmTotp(context: AppContext, enroller: Enroller, code: string) {
  const totp = await twoFactorRepository.findTotp(context.db, enroller.user.id);
  if (!totp || totp.confirmed_at) throw new AppError('CONFLICT', 'Börja om med att lägga till appen.');
  const step = matchingStep(context, openSecret(context, enroller.user.id, totp.secret), code, totp.last_used_step);
  const nowIso = context.clock.now().toISOString();
  if (!step || !(await twoFactorRepository.recordTotpStep(context.db, enroller.user.id, step, nowIso))) {
    throw new AppError(
      'INVALID_SECOND_FACTOR',
      'Koden stämmer inte. Kontrollera att appen visar Stegvis och försök igen.',
      {
        code: 'Koden stämmer inte',
      },
    );
  }
  await auditUser(context, enroller.user, 'two_factor.totp_added', 'Lade till tvåstegsverifiering med app');
  return afterEnrolment(context, enroller);
}

export async function passkeyRegistrationOptions(context: AppContext, enroller: Enroller) {
  const passkeys = await twoFactorRepository.listPasskeys(context.db, enroller.user.id);
  const options = await generateRegistrationOptions({
    rpName: ISSUER,
    rpID: relyingParty(context.config.publicUrl).rpID,
    userName: enroller.user.email,
    userDisplayName: enroller.user.name,
    userID: isoUint8Array.fromUTF8String(enroller.user.id),
    attestationType: 'none',
    excludeCredentials: passkeys.map((row) => ({ id: row.id, transports: credentialOf(row).transports })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
  await twoFactorRepository.putPasskeyRegistration(context.db, {
    user_id: enroller.user.id,
    challenge: options.challenge,
    expires_at: new Date(context.clock.now().getTime() + REGISTRATION_TTL_MS).toISOString(),
  });
  return { options: options as unknown as Record<string, unknown> };
}

export async function registerPasskey(
  context: AppContext,
  enroller: Enroller,
  body: { name: string; response: RegistrationResponseJSON },
) {
  const registration = await twoFactorRepository.takePasskeyRegistration(context.db, enroller.user.id);
  const nowIso = context.clock.now().toISOString();
  if (!registration || registration.expires_at <= nowIso) {
    throw new AppError('CONFLICT', 'Registreringen har gått ut. Börja om med att lägga till nyckeln.');
  }
  const { rpID, origin } = relyingParty(context.config.publicUrl);
  let credential: { id: string; publicKey: Uint8Array; counter: number; transports?: string[] };
  try {
    const result = await verifyRegistrationResponse({
      response: body.response,
      expectedChallenge: registration.challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: false,
    });
    if (!result.verified) throw new Error('not verified');
    credential = result.registrationInfo.credential;
  } catch {
    throw new AppError('INVALID_SECOND_FACTOR', 'Nyckeln kunde inte registreras. Försök igen.');
  }
  if (await twoFactorRepository.findPasskey(context.db, credential.id)) {
    throw new AppError('CONFLICT', 'Nyckeln är redan registrerad.');
  }
  await twoFactorRepository.insertPasskey(context.db, {
    id: credential.id,
    user_id: enroller.user.id,
    name: body.name,
    public_key: isoBase64URL.fromBuffer(credential.publicKey as Uint8Array<ArrayBuffer>),
    counter: credential.counter,
    transports: JSON.stringify(body.response.response.transports ?? credential.transports ?? []),
    created_at: nowIso,
    last_used_at: null,
  });
  await auditUser(context, enroller.user, 'two_factor.passkey_added', `Lade till nyckeln ${body.name}`, {
    name: body.name,
  });
  return afterEnrolment(context, enroller);
}

async function assertPassword(context: AppContext, user: CurrentUser, password: string): Promise<void> {
  if (!(await verifyPassword(context, user.id, password))) {
    throw new AppError('INVALID_CREDENTIALS', 'Lösenordet stämmer inte', { password: 'Lösenordet stämmer inte' });
  }
}

async function assertMayRemove(context: AppContext, user: CurrentUser): Promise<void> {
  const left = factorCount(await factorSummary(context, user.id)) - 1;
  if (!mayRemoveFactor(left, await isSecondFactorRequired(context, user))) {
    throw new AppError(
      'CONFLICT',
      'Tvåstegsverifiering krävs för ditt konto: lägg till en annan app eller nyckel innan du tar bort den sista.',
    );
  }
}

/** Without any factor left the recovery codes have nothing to stand in for. */
async function dropCodesWhenNoFactor(context: AppContext, userId: string): Promise<void> {
  if (factorCount(await factorSummary(context, userId)) === 0) {
    await twoFactorRepository.deleteRecoveryCodes(context.db, userId);
  }
}

export async function removeTotp(context: AppContext, user: CurrentUser, password: string): Promise<void> {
  await assertPassword(context, user, password);
  const totp = await twoFactorRepository.findTotp(context.db, user.id);
  if (!totp?.confirmed_at) throw notFound('Appen för tvåstegsverifiering');
  await assertMayRemove(context, user);
  await twoFactorRepository.deleteTotp(context.db, user.id);
  await dropCodesWhenNoFactor(context, user.id);
  await auditUser(context, user, 'two_factor.totp_removed', 'Tog bort tvåstegsverifiering med app');
}

export async function removePasskey(context: AppContext, user: CurrentUser, id: string, password: string) {
  await assertPassword(context, user, password);
  const passkey = await twoFactorRepository.findPasskey(context.db, id);
  if (passkey?.user_id !== user.id) throw notFound('Nyckeln');
  await assertMayRemove(context, user);
  await twoFactorRepository.deletePasskey(context.db, user.id, id);
  await dropCodesWhenNoFactor(context, user.id);
  await auditUser(context, user, 'two_factor.passkey_removed', `Tog bort nyckeln ${passkey.name}`, {
    name: passkey.name,
  });
}

export async function renewRecoveryCodes(context: AppContext, user: CurrentUser, password: string) {
  await assertPassword(context, user, password);
  if (factorCount(await factorSummary(context, user.id)) === 0) {
    throw new AppError('CONFLICT', 'Lägg till en app eller nyckel först.');
  }
  const recoveryCodes = await newRecoveryCodes(context, user.id);
  await auditUser(context, user, 'two_factor.recovery_codes_renewed', 'Skapade nya återställningskoder');
  return { recoveryCodes };
}

// ---------------------------------------------------------------------------------------------
// The vendor admin's requirements

export async function vendorPolicy(context: AppContext): Promise<VendorTwoFactorPolicy> {
  return { vendorStaffRequired: await vendorStaffTwoFactorRequired(context) };
}

export async function setVendorPolicy(context: AppContext, actor: CurrentUser, body: VendorTwoFactorPolicy) {
  const before = await vendorPolicy(context);
  await context.db.transaction().execute(async (trx) => {
    await setVendorStaffTwoFactorRequired(trx, body.vendorStaffRequired);
    await recordAudit(context, trx, {
      actor,
      customerId: null,
      action: 'two_factor.vendor_policy_changed',
      entityType: 'setting',
      entityId: 'two_factor_required_vendor_staff',
      summary: body.vendorStaffRequired
        ? 'Krävde tvåstegsverifiering för leverantörens personal'
        : 'Slutade kräva tvåstegsverifiering för leverantörens personal',
      before,
      after: body,
    });
  });
  return vendorPolicy(context);
}

export async function customerPolicy(context: AppContext, customerId: string) {
  return { required: await twoFactorRepository.customerRequired(context.db, customerId) };
}

export async function setCustomerPolicy(
  context: AppContext,
  actor: CurrentUser,
  customerId: string,
  body: { required: boolean },
) {
  const before = await customerPolicy(context, customerId);
  await context.db.transaction().execute(async (trx) => {
    await twoFactorRepository.setCustomerRequired(trx, customerId, body.required, context.clock.now().toISOString());
    await recordAudit(context, trx, {
      actor,
      customerId,
      action: 'two_factor.customer_policy_changed',
      entityType: 'customer',
      entityId: customerId,
      summary: body.required
        ? 'Krävde tvåstegsverifiering för kundens personer'
        : 'Slutade kräva tvåstegsverifiering för kundens personer',
      before,
      after: body,
    });
  });
  return customerPolicy(context, customerId);
}
