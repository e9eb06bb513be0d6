import { hash } from '@node-rs/argon2';
import type { FastifyBaseLogger } from 'fastify';
import * as oidc from 'openid-client';
import type { z } from 'zod';
import type { CurrentUser } from '../../shared/auth.js';
import type {
  createIdentityProviderBodySchema,
  IdentityProvider,
  IdentityProviderCheck,
  IdentityProviderList,
  SsoDiscoverResult,
  SsoFailureReason,
  ssoCallbackQuerySchema,
  updateIdentityProviderBodySchema,
} from '../../shared/sso.js';
import { recordAudit } from '../audit/service.js';
import { authRepository, type UserWithPerson } from '../auth/repository.js';
import { isLoginDisabled, randomToken, type StartedSession, startSession, toCurrentUser } from '../auth/service.js';
import { ConfigError } from '../config/config.js';
import type { AppContext } from '../core/context.js';
import { AppError, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import {
  decryptSecret,
  encryptSecret,
  isEncryptedSecret,
  keyIdOfSecret,
  needsSealing,
  SecretsKeyError,
} from '../core/secrets.js';
import { customerRepository } from '../customers/repository.js';
import { allowedAddressesOf, ForbiddenDestinationError, guardedFetch } from './outbound.js';
import { type ProviderRow, type ProviderSummaryRow, ssoRepository } from './repository.js';
import {
  type AssertedIdentity,
  clientAuthenticationMethod,
  discoveryFailureMessage,
  domainTakenByAnother,
  failurePath,
  type ProviderDomains,
  providerForAddress,
  vouchedAddress,
} from './rules.js';

type CreateBody = z.output<typeof createIdentityProviderBodySchema>;
type UpdateBody = z.output<typeof updateIdentityProviderBodySchema>;
type CallbackQuery = z.output<typeof ssoCallbackQuerySchema>;

export const CALLBACK_PATH = '/api/auth/sso/callback';
const SIGN_IN_TTL_MS = 10 * 60_000;
const DISCOVERY_TTL_MS = 5 * 60_000;
/** A provider that could not be read is not asked again for this long, however many sign-ins start. */
const FAILED_DISCOVERY_TTL_MS = 60_000;
const DISCOVERY_TIMEOUT_SECONDS = 10;
const SCOPE = 'openid email profile';

const publicBase = (context: AppContext) => context.config.publicUrl.replace(/\/$/, '');
const redirectUri = (context: AppContext) => `${publicBase(context)}${CALLBACK_PATH}`;

const toProvider = (row: ProviderSummaryRow): IdentityProvider => ({
  id: row.id,
  name: row.name,
  customerId: row.customer_id,
  customerName: row.customer_name,
  issuer: row.issuer,
  clientId: row.client_id,
  emailDomains: JSON.parse(row.email_domains) as string[],
  enabled: row.enabled === 1,
  linkedUserCount: row.linked_user_count,
  lastSignInAt: row.last_sign_in_at,
  version: row.version,
  updatedAt: row.updated_at,
});

const toDomains = (row: { id: string; name: string; enabled: number; email_domains: string }): ProviderDomains => ({
  id: row.id,
  name: row.name,
  enabled: row.enabled === 1,
  emailDomains: JSON.parse(row.email_domains) as string[],
});

/** What the audit trail keeps of a provider: never its secret. */
const auditedSettings = (provider: IdentityProvider) => ({
  name: provider.name,
  customerId: provider.customerId,
  issuer: provider.issuer,
  clientId: provider.clientId,
  emailDomains: provider.emailDomains,
  enabled: provider.enabled,
});

// Swedish alphabetical order, the same on both databases whatever their collation.
const byName = new Intl.Collator('sv').compare;

export async function listProviders(context: AppContext): Promise<IdentityProviderList> {
  const rows = await ssoRepository.listSummaries(context.db);
  return {
    items: rows.map(toProvider).sort((a, b) => byName(a.name, b.name)),
    redirectUri: redirectUri(context),
  };
}

async function requireSummary(context: AppContext, id: string): Promise<IdentityProvider> {
  const row = await ssoRepository.findSummary(context.db, id);
  if (!row) throw notFound('Inloggningen');
  return toProvider(row);
}

async function assertSettingsAllowed(
  context: AppContext,
  settings: { customerId: string | null; emailDomains: string[]; enabled: boolean },
  providerId?: string,
): Promise<void> {
  if (settings.customerId && !(await customerRepository.findById(context.db, settings.customerId))) {
    throw new AppError('VALIDATION_FAILED', 'Kunden finns inte', { customerId: 'Välj en kund som finns' });
  }
  if (!settings.enabled) return;
  const providers = (await ssoRepository.listDomains(context.db)).map(toDomains);
  const taken = domainTakenByAnother(settings.emailDomains, providerId, providers);
  if (taken) {
    throw new AppError('VALIDATION_FAILED', `Adresser i ${taken.domain} loggar redan in via ${taken.providerName}`, {
      emailDomains: `${taken.domain} hör redan till ${taken.providerName}. Stäng av den först, eller ta bort domänen här.`,
    });
  }
}

/** What binds a provider's sealed client secret to its row: a value copied to another provider does not open. */
const secretPurpose = (providerId: string) => `identity_providers.client_secret:${providerId}`;

function sealClientSecret(context: AppContext, providerId: string, clientSecret: string): string {
  if (!context.config.secretKeys.current) {
    const message =
      'Stegvis kan inte spara klienthemligheten: SECRETS_KEY saknas i serverns inställningar. Sätt den (se README) och starta om.';
    throw new AppError('VALIDATION_FAILED', message, { clientSecret: message });
  }
  return encryptSecret(context.config.secretKeys, clientSecret, secretPurpose(providerId));
}

const openClientSecret = (context: AppContext, provider: ProviderRow) =>
  decryptSecret(context.config.secretKeys, provider.client_secret, secretPurpose(provider.id));

/**
 * Refuses an issuer whose host leads to this machine, the internal network or another address
 * that is not public, with the same words as any discovery failure: what the server can reach
 * inside is nobody's business. A name that does not resolve now is let through; every fetch checks
 * its addresses again before connecting.
 */
async function assertIssuerAllowed(context: AppContext, issuer: string): Promise<void> {
  try {
    await allowedAddressesOf(new URL(issuer), { allowLoopback: context.config.ssoAllowLoopback });
  } catch (error) {
    if (!(error instanceof ForbiddenDestinationError)) return;
    const message = discoveryFailureMessage(issuer);
    throw new AppError('VALIDATION_FAILED', message, { issuer: message });
  }
}

/**
 * Run at every start, before anything is served: the client secrets in the database are sealed with
 * SECRETS_KEY, those stored in plain text before there was a key and those sealed by a previous key
 * (SECRETS_KEY_PREVIOUS) alike, so that a rotation completes with a restart. Without a key while
 * secrets exist, the start stops and says what to do: sign-in through those providers would fail.
 */
export async function sealStoredClientSecrets(context: AppContext): Promise<{ sealed: number }> {
  const keys = context.config.secretKeys;
  const rows = await ssoRepository.listClientSecrets(context.db);
  if (rows.length === 0) return { sealed: 0 };
  if (!keys.current) {
    const sealedBefore = rows.filter((row) => isEncryptedSecret(row.client_secret));
    const keyIds = [...new Set(sealedBefore.map((row) => keyIdOfSecret(row.client_secret)))].join(', ');
    throw new ConfigError(
      sealedBefore.length > 0
        ? `Ogiltig konfiguration:\n  SECRETS_KEY saknas, men databasen har klienthemligheter för inloggning via organisationen som är krypterade med den (nyckel-id ${keyIds}). Sätt SECRETS_KEY till samma nyckel som förut (se Konfiguration i README).`
        : `Ogiltig konfiguration:\n  SECRETS_KEY saknas, men databasen har ${rows.length} klienthemligheter för inloggning via organisationen i klartext. Sätt SECRETS_KEY (en ny nyckel: openssl rand -base64 32) så krypteras de vid start.`,
    );
  }
  let sealed = 0;
  for (const row of rows) {
    if (!needsSealing(keys, row.client_secret)) continue;
    let plain: string;
    try {
      plain = isEncryptedSecret(row.client_secret)
        ? decryptSecret(keys, row.client_secret, secretPurpose(row.id))
        : row.client_secret;
    } catch (error) {
      if (!(error instanceof SecretsKeyError)) throw error;
      throw new ConfigError(
        `Ogiltig konfiguration:\n  SECRETS_KEY: ${error.message}. Efter ett nyckelbyte ska den gamla nyckeln stå i SECRETS_KEY_PREVIOUS (se docs/operations.md).`,
      );
    }
    const resealed = encryptSecret(keys, plain, secretPurpose(row.id));
    if (await ssoRepository.replaceClientSecret(context.db, row.id, row.client_secret, resealed)) sealed += 1;
  }
  return { sealed };
}

export async function createProvider(context: AppContext, actor: CurrentUser, body: CreateBody) {
  await assertSettingsAllowed(context, body);
  await assertIssuerAllowed(context, body.issuer);
  const nowIso = context.clock.now().toISOString();
  const id = newId();
  const sealedSecret = sealClientSecret(context, id, body.clientSecret);
  const { clientSecret: _secret, ...settings } = body;
  await context.db.transaction().execute(async (trx) => {
    await ssoRepository.insertProvider(trx, {
      id,
      name: body.name,
      customer_id: body.customerId,
      issuer: body.issuer,
      client_id: body.clientId,
      client_secret: sealedSecret,
      email_domains: JSON.stringify(body.emailDomains),
      enabled: body.enabled ? 1 : 0,
      created_at: nowIso,
      version: 1,
      updated_at: nowIso,
    });
    await recordAudit(context, trx, {
      actor,
      customerId: body.customerId,
      action: 'identity_provider.created',
      entityType: 'identity_provider',
      entityId: id,
      summary: `Lade till inloggning via ${body.name}`,
      after: settings,
    });
  });
  return requireSummary(context, id);
}

export async function updateProvider(context: AppContext, actor: CurrentUser, id: string, body: UpdateBody) {
  const before = await requireSummary(context, id);
  await assertSettingsAllowed(context, body, id);
  await assertIssuerAllowed(context, body.issuer);
  const sealedSecret = body.clientSecret === undefined ? undefined : sealClientSecret(context, id, body.clientSecret);
  await context.db.transaction().execute(async (trx) => {
    const updated = await ssoRepository.updateProviderIfVersion(
      trx,
      { id, version: body.version },
      {
        name: body.name,
        customer_id: body.customerId,
        issuer: body.issuer,
        client_id: body.clientId,
        ...(sealedSecret === undefined ? {} : { client_secret: sealedSecret }),
        email_domains: JSON.stringify(body.emailDomains),
        enabled: body.enabled ? 1 : 0,
        updated_at: context.clock.now().toISOString(),
      },
    );
    if (!updated) {
      throw new AppError(
        'VERSION_CONFLICT',
        'Någon annan har ändrat inloggningen sedan du öppnade den. Ladda om och gör ändringen igen.',
      );
    }
    const { version: _version, clientSecret, ...after } = body;
    await recordAudit(context, trx, {
      actor,
      customerId: body.customerId,
      action: 'identity_provider.updated',
      entityType: 'identity_provider',
      entityId: id,
      summary: `Ändrade inloggningen via ${body.name}`,
      before: auditedSettings(before),
      after: { ...after, secretChanged: clientSecret !== undefined },
    });
  });
  return requireSummary(context, id);
}

export async function deleteProvider(context: AppContext, actor: CurrentUser, id: string): Promise<void> {
  const before = await requireSummary(context, id);
  await context.db.transaction().execute(async (trx) => {
    if (!(await ssoRepository.deleteProvider(trx, id))) throw notFound('Inloggningen');
    await recordAudit(context, trx, {
      actor,
      customerId: before.customerId,
      action: 'identity_provider.deleted',
      entityType: 'identity_provider',
      entityId: id,
      summary: `Tog bort inloggningen via ${before.name}`,
      before: auditedSettings(before),
    });
  });
}

/**
 * Reads the provider's discovery document. Stegvis authenticates itself with the client secret by
 * the method the document allows, and speaks plain HTTP only to an http issuer (which the settings
 * allow on loopback alone). Every request of the configuration (discovery, keys, token, userinfo)
 * goes through the guarded fetch, which reaches public addresses only.
 */
function readDiscoveryDocument(context: AppContext, provider: ProviderRow): Promise<oidc.Configuration> {
  const authenticate: oidc.ClientAuth = (server, client, body, headers) => {
    const method = clientAuthenticationMethod(server.token_endpoint_auth_methods_supported);
    const secret = openClientSecret(context, provider);
    const chosen = method === 'client_secret_post' ? oidc.ClientSecretPost(secret) : oidc.ClientSecretBasic(secret);
    chosen(server, client, body, headers);
  };
  return oidc.discovery(new URL(provider.issuer), provider.client_id, undefined, authenticate, {
    timeout: DISCOVERY_TIMEOUT_SECONDS,
    [oidc.customFetch]: guardedFetch({ allowLoopback: context.config.ssoAllowLoopback }),
    ...(new URL(provider.issuer).protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : {}),
  });
}

/**
 * Discovery results (and with them the provider's signing keys) per app and provider version for a
 * few minutes: a change of the settings is a new version and is read at once. A failure is kept
 * for a minute, so that anonymous sign-in starts cannot make the server fetch again and again.
 * Only what the provider publishes is kept here; a sign-in under way lives in the database.
 */
const discoveries = new WeakMap<AppContext, Map<string, { result: Promise<oidc.Configuration>; until: number }>>();

function discoveryCache(context: AppContext) {
  let cache = discoveries.get(context);
  if (!cache) {
    cache = new Map();
    discoveries.set(context, cache);
  }
  const now = context.clock.now().getTime();
  for (const [key, entry] of cache) if (entry.until <= now) cache.delete(key);
  return cache;
}

const discoveryKey = (provider: ProviderRow) => `${provider.id}:${provider.version}`;

/** Reads the document now and keeps what came of it, success or failure, for the sign-ins after. */
function readAndKeep(context: AppContext, provider: ProviderRow): Promise<oidc.Configuration> {
  const cache = discoveryCache(context);
  const key = discoveryKey(provider);
  const result = readDiscoveryDocument(context, provider);
  cache.set(key, { result, until: context.clock.now().getTime() + DISCOVERY_TTL_MS });
  result.catch(() => {
    if (cache.get(key)?.result === result) {
      cache.set(key, { result, until: context.clock.now().getTime() + FAILED_DISCOVERY_TTL_MS });
    }
  });
  return result;
}

function configurationFor(context: AppContext, provider: ProviderRow): Promise<oidc.Configuration> {
  return discoveryCache(context).get(discoveryKey(provider))?.result ?? readAndKeep(context, provider);
}

/**
 * "Testa anslutningen": reads the document afresh. Whatever went wrong, the answer says the same
 * (the log says what): different words would tell which addresses answer from the server.
 */
export async function checkProvider(
  context: AppContext,
  log: FastifyBaseLogger,
  id: string,
): Promise<IdentityProviderCheck> {
  const provider = await ssoRepository.findProvider(context.db, id);
  if (!provider) throw notFound('Inloggningen');
  try {
    const metadata = (await readAndKeep(context, provider)).serverMetadata();
    if (!metadata.authorization_endpoint) throw new Error('no authorization_endpoint');
    return {
      ok: true,
      authorizationEndpoint: metadata.authorization_endpoint,
      scopesSupported: metadata.scopes_supported ?? [],
    };
  } catch (error) {
    log.warn(
      { err: error, provider: provider.id, issuer: provider.issuer },
      'leverantörens beskrivning gick inte att läsa',
    );
    return { ok: false, message: discoveryFailureMessage(provider.issuer) };
  }
}

export async function discoverProvider(context: AppContext, email: string): Promise<SsoDiscoverResult> {
  const providers = (await ssoRepository.listDomains(context.db)).map(toDomains);
  const provider = providerForAddress(providers, email);
  if (!provider) return { provider: null };
  return {
    provider: {
      id: provider.id,
      name: provider.name,
      startUrl: `/api/auth/sso/start?provider=${encodeURIComponent(provider.id)}`,
    },
  };
}

/** Where the browser goes next, and for a started sign-in the `state` it must bring back. */
type StartOutcome = { location: string; state?: string };

/**
 * Sends the browser to the provider: authorization code flow with PKCE, `state` and `nonce`. All
 * that the callback needs is stored in the database, so any instance can finish it.
 */
export async function startSignIn(
  context: AppContext,
  log: FastifyBaseLogger,
  providerId: string,
  returnTo: string,
): Promise<StartOutcome> {
  const provider = await ssoRepository.findProvider(context.db, providerId);
  if (provider?.enabled !== 1) return { location: failurePath('disabled') };
  let configuration: oidc.Configuration;
  try {
    configuration = await configurationFor(context, provider);
  } catch (error) {
    log.error(
      { err: error, provider: provider.id, issuer: provider.issuer },
      'leverantörens beskrivning gick inte att läsa',
    );
    return { location: failurePath('provider_error') };
  }
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const now = context.clock.now();
  await ssoRepository.deleteExpiredSignIns(context.db, now.toISOString());
  await ssoRepository.insertSignIn(context.db, {
    state,
    provider_id: provider.id,
    nonce,
    code_verifier: codeVerifier,
    return_to: returnTo,
    expires_at: new Date(now.getTime() + SIGN_IN_TTL_MS).toISOString(),
  });
  const url = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri(context),
    scope: SCOPE,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { location: url.href, state };
}

type CallbackOutcome = { location: string; session?: StartedSession };

const failed = (reason: SsoFailureReason): CallbackOutcome => ({ location: failurePath(reason) });

/**
 * Finishes a sign-in when the provider sends the browser back. `browserState` is the `state` the
 * browser was given at the start: a callback link opened in another browser signs nobody in
 * there. `requestUrl` is the path and query the request came with.
 */
export async function finishSignIn(
  context: AppContext,
  log: FastifyBaseLogger,
  query: CallbackQuery,
  requestUrl: string,
  browserState: string | undefined,
): Promise<CallbackOutcome> {
  const signIn =
    query.state && query.state === browserState ? await ssoRepository.takeSignIn(context.db, query.state) : undefined;
  if (query.error) {
    log.info({ error: query.error, description: query.error_description }, 'leverantören avbröt inloggningen');
    return failed('refused');
  }
  if (!signIn || signIn.expires_at <= context.clock.now().toISOString()) return failed('expired');
  const provider = await ssoRepository.findProvider(context.db, signIn.provider_id);
  if (provider?.enabled !== 1) return failed('disabled');

  let identity: AssertedIdentity;
  try {
    identity = await assertedIdentity(context, provider, signIn, requestUrl);
  } catch (error) {
    log.error(
      { err: error, provider: provider.id, issuer: provider.issuer },
      'inloggning via leverantören misslyckades',
    );
    return failed('provider_error');
  }

  const outcome = await userFor(context, provider, identity);
  if ('failure' in outcome) {
    log.info({ provider: provider.id, reason: outcome.failure }, 'inloggning via leverantören gav inget konto');
    return failed(outcome.failure);
  }
  if (await isLoginDisabled(context, outcome.user.id)) {
    log.info({ provider: provider.id, userId: outcome.user.id }, 'inloggningen är avstängd');
    return failed('login_disabled');
  }
  const nowIso = context.clock.now().toISOString();
  await ssoRepository.touchIdentity(context.db, provider.id, identity.sub, nowIso);
  await authRepository.deleteExpiredSessions(context.db, nowIso);
  const session = await startSession(context, outcome.user);
  log.info({ provider: provider.id, userId: outcome.user.id }, 'inloggad via leverantören');
  return { location: signIn.return_to, session };
}

/** The code exchanged for tokens, the ID token checked; the address from userinfo when the token has none. */
async function assertedIdentity(
  context: AppContext,
  provider: ProviderRow,
  signIn: { nonce: string; code_verifier: string; state: string },
  requestUrl: string,
): Promise<AssertedIdentity> {
  const configuration = await configurationFor(context, provider);
  // The address the provider sent the browser to, as PUBLIC_URL names it: a Host header is the client's to choose.
  const callbackUrl = new URL(`${publicBase(context)}${requestUrl}`);
  const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
    pkceCodeVerifier: signIn.code_verifier,
    expectedNonce: signIn.nonce,
    expectedState: signIn.state,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) throw new Error('no ID token');
  if (typeof claims.email === 'string' || !configuration.serverMetadata().userinfo_endpoint) return claims;
  const userInfo = await oidc.fetchUserInfo(configuration, tokens.access_token, claims.sub);
  return { ...userInfo, sub: claims.sub };
}

type UserOutcome = { user: CurrentUser } | { failure: SsoFailureReason };

/**
 * Who the provider's identity is in Stegvis: the user it was linked to before; otherwise, by an
 * address the provider vouches for, a user with that address or a person of the provider's
 * organisation, who then gets a user as an invitation would give them.
 */
async function userFor(context: AppContext, provider: ProviderRow, identity: AssertedIdentity): Promise<UserOutcome> {
  const linkedUserId = await ssoRepository.findIdentityUserId(context.db, provider.id, identity.sub);
  const linkedUser = linkedUserId && (await authRepository.findUserById(context.db, linkedUserId));
  if (linkedUser) return { user: toCurrentUser(linkedUser) };

  const vouched = vouchedAddress(identity, JSON.parse(provider.email_domains) as string[]);
  if ('failure' in vouched) return vouched;
  const nowIso = context.clock.now().toISOString();
  const link = { provider_id: provider.id, subject: identity.sub, created_at: nowIso, last_sign_in_at: nowIso };

  const existing = await authRepository.findUserByEmail(context.db, vouched.email);
  if (existing) {
    await linkIdentity(context, provider, existing, link);
    return { user: toCurrentUser(existing) };
  }

  const person = await ssoRepository.findPersonByEmail(context.db, provider.customer_id, vouched.email);
  if (!person) return { failure: 'no_account' };
  const personsUser = person.user_id && (await authRepository.findUserById(context.db, person.user_id));
  if (personsUser) {
    await linkIdentity(context, provider, personsUser, link);
    return { user: toCurrentUser(personsUser) };
  }
  return { user: await createUserForPerson(context, provider, person, vouched.email, link) };
}

type IdentityLink = { provider_id: string; subject: string; created_at: string; last_sign_in_at: string };

async function linkIdentity(
  context: AppContext,
  provider: ProviderRow,
  user: UserWithPerson,
  link: IdentityLink,
): Promise<void> {
  await context.db.transaction().execute(async (trx) => {
    await ssoRepository.insertIdentity(trx, { ...link, user_id: user.id });
    await recordAudit(context, trx, {
      actor: toCurrentUser(user),
      customerId: user.customer_id ?? provider.customer_id,
      action: 'user.identity_linked',
      entityType: 'user',
      entityId: user.id,
      summary: `${user.name} loggade in via ${provider.name} för första gången`,
      after: { providerId: provider.id, email: user.email },
    });
  });
}

/**
 * The person's login, made the way accepting an invitation makes it (their name, the role of their
 * organisation, linked to them), with a password nobody knows: Glömt lösenord still gives them one.
 */
async function createUserForPerson(
  context: AppContext,
  provider: ProviderRow,
  person: { id: string; customer_id: string | null; name: string },
  email: string,
  link: IdentityLink,
): Promise<CurrentUser> {
  const user: CurrentUser = {
    id: newId(),
    email,
    name: person.name,
    role: person.customer_id ? 'customer' : 'vendor_staff',
    personId: person.id,
    customerId: person.customer_id,
  };
  const passwordHash = await hash(randomToken());
  await context.db.transaction().execute(async (trx) => {
    await authRepository.insertUser(trx, {
      id: user.id,
      email,
      name: user.name,
      password_hash: passwordHash,
      role: user.role,
      created_at: link.created_at,
    });
    if (!(await ssoRepository.linkPersonToUser(trx, person.id, user.id))) {
      throw new AppError('CONFLICT', `${person.name} fick ett konto nyss. Logga in igen.`);
    }
    await ssoRepository.insertIdentity(trx, { ...link, user_id: user.id });
    await recordAudit(context, trx, {
      actor: user,
      customerId: person.customer_id,
      action: 'person.account_created',
      entityType: 'person',
      entityId: person.id,
      summary: `${person.name} fick ett konto vid första inloggningen via ${provider.name}`,
      after: { userId: user.id, email, providerId: provider.id },
    });
  });
  return user;
}
