import { hash } from '@node-rs/argon2';
import type { CurrentUser } from '../../shared/auth.js';
import {
  type AcceptBody,
  CHOOSE_PASSWORD_PATH,
  type InvitationResult,
  type LoginSwitchResult,
  type TokenInfo,
  type TokenPurpose,
} from '../../shared/invitations.js';
import { customerAccess, requireCustomerEdit, requireCustomerRead } from '../access/service.js';
import { recordAudit } from '../audit/service.js';
import { assertPasswordNotCommon } from '../auth/common-passwords.js';
import { authRepository } from '../auth/repository.js';
import {
  hashSessionToken,
  hasUsablePassword,
  loginDisabled,
  randomToken,
  type StartedSession,
  startSession,
  toCurrentUser,
  UNUSABLE_PASSWORD_HASH,
} from '../auth/service.js';
import type { AppContext } from '../core/context.js';
import { AppError, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { getVendorName } from '../settings/service.js';
import { type PendingStep, secondFactorStep } from '../two-factor/gate.js';
import { invitationMail, passwordResetMail } from './mails.js';
import { invitationRepository, type TokenWithUser } from './repository.js';

const hours = (count: number) => count * 3600_000;

/** The link a mail carries; the token itself is stored only as its SHA-256. */
const chooseLink = (context: AppContext, token: string) =>
  `${context.config.publicUrl.replace(/\/$/, '')}${CHOOSE_PASSWORD_PATH}?token=${encodeURIComponent(token)}`;

async function issueToken(
  context: AppContext,
  db: AppContext['db'],
  userId: string,
  purpose: TokenPurpose,
  ttlHours: number,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken();
  const now = context.clock.now();
  const expiresAt = new Date(now.getTime() + hours(ttlHours));
  // A new link replaces the ones sent before that were not used.
  await invitationRepository.deleteUnusedTokens(db, userId, purpose);
  await invitationRepository.insertToken(db, {
    id: hashSessionToken(token),
    user_id: userId,
    purpose,
    created_at: now.toISOString(),
    expires_at: expiresAt.toISOString(),
    used_at: null,
  });
  return { token, expiresAt };
}

/**
 * Who may invite a person: the vendor admin anyone; those who edit a customer's people (its plan
 * writers) that customer's people. The vendor's own people are the vendor admin's alone.
 */
async function requireInvitePermission(
  context: AppContext,
  user: CurrentUser,
  person: { customer_id: string | null },
): Promise<void> {
  if (user.role === 'vendor_admin') return;
  if (!person.customer_id) throw notFound('Personen');
  await requireCustomerEdit(context, user, person.customer_id);
}

/**
 * Gives the person a login by invitation: their user (created if missing, with no usable
 * password), a link that expires, and a mail with the link.
 */
export async function invitePerson(
  context: AppContext,
  actor: CurrentUser,
  personId: string,
): Promise<InvitationResult> {
  const person = await invitationRepository.findPerson(context.db, personId);
  if (!person) throw notFound('Personen');
  await requireInvitePermission(context, actor, person);
  const email = person.email?.trim().toLowerCase();
  if (!email) {
    throw new AppError('VALIDATION_FAILED', `${person.name} har ingen e-postadress att skicka inbjudan till`, {
      email: 'Lägg till en e-postadress först',
    });
  }
  const alreadyHasLogin = () =>
    new AppError('CONFLICT', `${person.name} har redan ett konto och kan logga in. Glömt lösenord fungerar där.`);
  const nowIso = context.clock.now().toISOString();

  const { userId, token, expiresAt } = await context.db.transaction().execute(async (trx) => {
    let userId = (await invitationRepository.findPerson(trx, person.id))?.user_id ?? null;
    if (userId) {
      const user = await invitationRepository.findUserById(trx, userId);
      if (user && hasUsablePassword(user.password_hash)) throw alreadyHasLogin();
      if (user && user.email !== email) {
        // Not signed in yet: the invitation goes to the address the person has now.
        const holder = await invitationRepository.findUserByEmail(trx, email);
        if (holder && holder.id !== userId) throw emailTaken(email);
        await invitationRepository.updateUserIdentity(trx, userId, { email, name: person.name });
      }
    } else {
      const holder = await invitationRepository.findUserByEmail(trx, email);
      if (holder?.person_id) throw emailTaken(email);
      if (holder && hasUsablePassword(holder.password_hash)) throw alreadyHasLogin();
      if (holder) {
        userId = holder.id;
      } else {
        userId = newId();
        await invitationRepository.insertUser(trx, {
          id: userId,
          email,
          name: person.name,
          password_hash: UNUSABLE_PASSWORD_HASH,
          role: person.customer_id ? 'customer' : 'vendor_staff',
          created_at: nowIso,
        });
      }
      await invitationRepository.linkPerson(trx, person.id, userId);
    }
    const issued = await issueToken(context, trx, userId, 'invitation', context.config.invitationTtlHours);
    return { userId, ...issued };
  });

  const { delivery } = await context.mailer.send(
    invitationMail({
      to: email,
      name: person.name,
      invitedBy: actor.name,
      vendorName: await getVendorName(context),
      link: chooseLink(context, token),
      expiresAt,
    }),
  );
  await recordAudit(context, context.db, {
    actor,
    customerId: person.customer_id,
    action: 'person.invited',
    entityType: 'person',
    entityId: person.id,
    summary: `Bjöd in ${person.name} (${email})`,
    after: { userId, email, expiresAt: expiresAt.toISOString(), delivery },
  });
  return { delivery, expiresAt: expiresAt.toISOString() };
}

/**
 * Switches a person's login off (they have left) or on again. Off ends every session of theirs at
 * once and voids their unused links; sign-in by password, link or SSO is refused until it is on
 * again. The vendor admin may do it for anyone; a Beställare for the people of their own customer.
 * Nobody switches off their own login.
 */
export async function setLoginDisabled(
  context: AppContext,
  actor: CurrentUser,
  personId: string,
  disabled: boolean,
): Promise<LoginSwitchResult> {
  const person = await invitationRepository.findPerson(context.db, personId);
  if (!person) throw notFound('Personen');
  if (actor.role !== 'vendor_admin') {
    // The vendor's own people are the vendor admin's. Anyone else who may see the person (vendor staff
    // in one of the customer's projects, the customer's other role holders) is refused with 403, as
    // every other write beyond one's rights is (access/route-matrix.api.test.ts).
    if (!person.customer_id) throw notFound('Personen');
    await requireCustomerRead(context, actor, person.customer_id);
    if (!(await customerAccess(context, actor, person.customer_id)).manageLogins) {
      throw new AppError(
        'FORBIDDEN',
        'Bara kundens beställare och leverantörens administratör får stänga av inloggningar',
      );
    }
  }
  if (!person.user_id) {
    throw new AppError('CONFLICT', `${person.name} har ingen inloggning att stänga av eller aktivera`);
  }
  if (person.user_id === actor.id) throw new AppError('CONFLICT', 'Du kan inte stänga av din egen inloggning');
  const userId = person.user_id;
  const nowIso = context.clock.now().toISOString();
  await context.db.transaction().execute(async (trx) => {
    const before = await invitationRepository.findUserById(trx, userId);
    if (!before) throw notFound('Inloggningen');
    if (Boolean(before.disabled_at) === disabled) return;
    await invitationRepository.setUserDisabled(trx, userId, disabled ? nowIso : null);
    if (disabled) {
      await invitationRepository.deleteSessionsOfUser(trx, userId);
      await invitationRepository.deleteUnusedTokens(trx, userId);
    }
    await recordAudit(context, trx, {
      actor,
      customerId: person.customer_id,
      action: disabled ? 'person.login_disabled' : 'person.login_enabled',
      entityType: 'person',
      entityId: person.id,
      summary: disabled
        ? `Stängde av inloggningen för ${person.name}`
        : `Aktiverade inloggningen för ${person.name} igen`,
      before: { userId, disabled: Boolean(before.disabled_at) },
      after: { userId, disabled },
    });
  });
  return { disabled };
}

const emailTaken = (email: string) =>
  new AppError('CONFLICT', `E-postadressen ${email} hör redan till ett annat konto`, {
    email: 'Används av ett annat konto',
  });

/** Why a link does not work, told apart so that the page can say what to do next. */
function assertUsable(token: TokenWithUser | undefined, nowIso: string): asserts token is TokenWithUser {
  if (!token) {
    throw new AppError(
      'NOT_FOUND',
      'Länken är ogiltig. Den kan ha ersatts av en nyare länk – använd den senaste du fått, eller be om en ny.',
    );
  }
  if (token.usedAt) {
    throw new AppError(
      'TOKEN_USED',
      token.purpose === 'invitation'
        ? 'Länken är redan använd och lösenordet är valt. Logga in, eller välj Glömt lösenordet.'
        : 'Länken är redan använd. Be om en ny länk under Glömt lösenordet om du behöver byta lösenord igen.',
    );
  }
  if (token.expiresAt <= nowIso) {
    throw new AppError(
      'TOKEN_EXPIRED',
      token.purpose === 'invitation'
        ? 'Länken har gått ut – be om en ny inbjudan.'
        : 'Länken har gått ut – be om en ny länk under Glömt lösenordet.',
    );
  }
}

export async function describeToken(context: AppContext, token: string): Promise<TokenInfo> {
  const found = await invitationRepository.findToken(context.db, hashSessionToken(token));
  assertUsable(found, context.clock.now().toISOString());
  return { purpose: found.purpose, email: found.email, name: found.name, expiresAt: found.expiresAt };
}

/**
 * Sets the password through a mailed link, once: the token is marked used by a conditional update,
 * so of two requests racing with the same link only one wins. Other sessions of the user end and
 * the user's other unused links stop working; then the user is logged in.
 */
export async function acceptToken(context: AppContext, body: AcceptBody): Promise<StartedSession | PendingStep> {
  const tokenId = hashSessionToken(body.token);
  const found = await invitationRepository.findToken(context.db, tokenId);
  assertUsable(found, context.clock.now().toISOString());
  // Checked before the link is used, so that a refused password leaves the link working.
  if ((await authRepository.findUserById(context.db, found.userId))?.disabled_at) throw loginDisabled();
  await assertPasswordNotCommon(body.password);
  const passwordHash = await hash(body.password);

  const userId = await context.db.transaction().execute(async (trx) => {
    const nowIso = context.clock.now().toISOString();
    if (!(await invitationRepository.useToken(trx, tokenId, nowIso))) {
      assertUsable(await invitationRepository.findToken(trx, tokenId), nowIso);
      throw new AppError('TOKEN_USED', 'Länken är redan använd.');
    }
    const token = (await invitationRepository.findToken(trx, tokenId)) as TokenWithUser;
    await invitationRepository.setPasswordHash(trx, token.userId, passwordHash);
    await invitationRepository.deleteUnusedTokens(trx, token.userId);
    await invitationRepository.deleteSessionsOfUser(trx, token.userId);
    return token.userId;
  });

  const user = await authRepository.findUserById(context.db, userId);
  if (!user) throw notFound('Användaren');
  const current = toCurrentUser(user);
  // A mailed link proves the mailbox, not the second factor: that is still asked for.
  return (await secondFactorStep(context, current)) ?? startSession(context, current);
}

/**
 * Mails a link to choose a new password when the address belongs to a user with a password.
 * The answer is the same either way; the mail leaves in the background so that the time of the
 * answer does not tell either.
 */
export async function requestPasswordReset(context: AppContext, email: string): Promise<void> {
  const user = await authRepository.findUserByEmail(context.db, email);
  if (!user || user.disabled_at || !hasUsablePassword(user.password_hash)) return;
  const { token, expiresAt } = await issueToken(
    context,
    context.db,
    user.id,
    'password_reset',
    context.config.resetTtlHours,
  );
  context.mailer.sendInBackground(
    passwordResetMail({ to: user.email, name: user.name, link: chooseLink(context, token), expiresAt }),
  );
}
