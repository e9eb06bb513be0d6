import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, {
  type Adapter,
  type AdapterPayload,
  type Configuration,
  type KoaContextWithOIDC,
} from 'oidc-provider';

export interface OidcAccount {
  email: string;
  name: string;
  /** Unset: true. `false` is what a provider says of an address nobody has confirmed. */
  emailVerified?: boolean;
  /** Unset: derived from the address, so that the same address keeps the same subject. */
  sub?: string;
}

export interface OidcProviderOptions {
  /** Unset or 0: any free port. */
  port?: number;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  accounts: OidcAccount[];
  /**
   * Any address typed at the login page signs in, as a listed account would; for a journey that
   * must make up a new organisation's addresses on every run.
   */
  anyAddress?: boolean;
  /**
   * Put `email` and `name` in the ID token too. Unset, the provider follows the specification
   * strictly and gives them from the userinfo endpoint only, as many real providers do.
   */
  claimsInIdToken?: boolean;
}

export interface RunningOidcProvider {
  issuer: string;
  /** Replaces who can sign in, for instance the same subject with a new address. */
  setAccounts(accounts: OidcAccount[]): void;
  close(): Promise<void>;
}

const subjectOf = (account: OidcAccount) =>
  account.sub ?? createHash('sha256').update(account.email.toLowerCase()).digest('hex').slice(0, 24);

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/**
 * The login page: the field names and button of oidc-provider's development form (`login`,
 * `password`, "Sign-in"), but only a listed account gets in; any password does.
 */
function loginPage(uid: string, problem?: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Sign-in</title></head>
<body>
  <main>
    <h1>Sign-in</h1>
    ${problem ? `<p role="alert">${escapeHtml(problem)}</p>` : ''}
    <form autocomplete="off" action="/interaction/${uid}/login" method="post">
      <label>E-mail <input required type="text" name="login" autofocus></label>
      <label>Password <input required type="password" name="password"></label>
      <button type="submit">Sign-in</button>
    </form>
    <p><a href="/interaction/${uid}/abort">Cancel</a></p>
  </main>
</body>
</html>`;
}

/**
 * What the provider remembers (sessions, codes, grants), in this provider's memory only: the
 * package's own memory adapter works as well but warns on every start that it is not for production.
 */
function memoryAdapter(): (model: string) => Adapter {
  const entries = new Map<string, { payload: AdapterPayload; expiresAt: number }>();
  const live = (key: string) => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= Date.now()) entries.delete(key);
    return entry && entry.expiresAt > Date.now() ? entry.payload : undefined;
  };
  return (model) => {
    const keyOf = (id: string) => `${model}:${id}`;
    const findBy = (matches: (payload: AdapterPayload) => boolean) =>
      [...entries.keys()]
        .filter((key) => key.startsWith(`${model}:`))
        .map(live)
        .find((payload) => payload && matches(payload));
    return {
      upsert: async (id, payload, expiresIn) => {
        entries.set(keyOf(id), { payload, expiresAt: Date.now() + expiresIn * 1000 });
      },
      find: async (id) => live(keyOf(id)),
      findByUid: async (uid) => findBy((payload) => payload.uid === uid),
      findByUserCode: async (userCode) => findBy((payload) => payload.userCode === userCode),
      consume: async (id) => {
        const payload = live(keyOf(id));
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      },
      destroy: async (id) => {
        entries.delete(keyOf(id));
      },
      revokeByGrantId: async (grantId) => {
        for (const [key, entry] of entries) if (entry.payload.grantId === grantId) entries.delete(key);
      },
    };
  };
}

async function readForm(request: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/**
 * A real OpenID Connect provider (oidc-provider) on loopback, with one confidential client: what
 * a municipality's Entra ID or ADFS is to Stegvis, for the API tests and the browser journey.
 */
export async function startOidcProvider(options: OidcProviderOptions): Promise<RunningOidcProvider> {
  let accounts = options.accounts;
  const accountBySubject = (subject: string) => accounts.find((account) => subjectOf(account) === subject);
  const listedAccount = (login: string) =>
    accounts.find(
      (account) => account.email.toLowerCase() === login.trim().toLowerCase() || subjectOf(account) === login.trim(),
    );
  const accountByLogin = (login: string) => {
    const listed = listedAccount(login);
    if (listed || !options.anyAddress || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(login.trim())) return listed;
    const email = login.trim().toLowerCase();
    const account = { email, name: email.split('@')[0] };
    accounts = [...accounts, account];
    return account;
  };

  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const configuration: Configuration = {
    adapter: memoryAdapter(),
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    // Stegvis must send PKCE; a provider that requires it proves that it does.
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    conformIdTokenClaims: !options.claimsInIdToken,
    cookies: { keys: [randomBytes(32).toString('hex')] },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AuthorizationCode: 60, AccessToken: 600, IdToken: 600 },
    jwks: { keys: [{ ...signingKey, use: 'sig', kid: 'test-key' }] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // Stegvis is a first-party client here: the grant is given without asking for consent.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const grantId =
        ctx.oidc.result?.consent?.grantId ??
        (ctx.oidc.client ? ctx.oidc.session?.grantIdFor(ctx.oidc.client.clientId) : undefined);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      if (!ctx.oidc.session?.accountId || !ctx.oidc.client) return undefined;
      const grant = new ctx.oidc.provider.Grant({
        accountId: ctx.oidc.session.accountId,
        clientId: ctx.oidc.client.clientId,
      });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
    findAccount: (_ctx, subject) => {
      const account = accountBySubject(subject);
      if (!account) return undefined;
      return {
        accountId: subject,
        claims: () => ({
          sub: subject,
          email: account.email,
          email_verified: account.emailVerified ?? true,
          name: account.name,
        }),
      };
    },
  };
  const provider = new Provider(issuer, configuration);
  const handleProvider = provider.callback();

  server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
    const match = /^\/interaction\/([\w-]+)(\/login|\/abort)?$/.exec(new URL(request.url ?? '/', issuer).pathname);
    if (!match) {
      handleProvider(request, response);
      return;
    }
    const [, uid, action] = match;
    const sendPage = (status: number, html: string) => {
      response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(html);
    };
    (async () => {
      // Throws when the interaction cookie is missing or the interaction has expired.
      await provider.interactionDetails(request, response);
      if (!action && request.method === 'GET') return sendPage(200, loginPage(uid));
      if (action === '/abort') {
        return provider.interactionFinished(
          request,
          response,
          { error: 'access_denied', error_description: 'The user cancelled the sign-in' },
          { mergeWithLastSubmission: false },
        );
      }
      if (action === '/login' && request.method === 'POST') {
        const form = await readForm(request);
        const account = accountByLogin(form.get('login') ?? '');
        if (!account || !form.get('password')) return sendPage(200, loginPage(uid, 'Unknown account'));
        return provider.interactionFinished(
          request,
          response,
          { login: { accountId: subjectOf(account) } },
          { mergeWithLastSubmission: false },
        );
      }
      return sendPage(405, 'Method not allowed');
    })().catch((error: unknown) => {
      if (!response.headersSent) sendPage(400, `Sign-in failed: ${escapeHtml(String(error))}`);
    });
  });

  return {
    issuer,
    setAccounts: (next) => {
      accounts = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
