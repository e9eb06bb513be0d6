/**
 * A real OpenID Connect provider on loopback for the browser journeys and for trying single
 * sign-on by hand, running until it is stopped (Ctrl-C or SIGTERM):
 *
 *   OIDC_PROVIDER_PORT=4010 OIDC_CLIENT_ID=stegvis OIDC_CLIENT_SECRET=hemligt \
 *   OIDC_REDIRECT_URIS=http://localhost:3000/api/auth/sso/callback \
 *   OIDC_ACCOUNTS='[{"email":"anna@exempelby.se","name":"Anna Andersson"}]' \
 *   npx tsx scripts/oidc-provider.ts
 *
 * Its issuer is http://127.0.0.1:<port>; it is ready when <issuer>/.well-known/openid-configuration
 * answers. Its login page takes a listed address in `login` and any `password`. Stegvis accepts a
 * provider on loopback only when started with SSO_ALLOW_LOOPBACK=true.
 */
import { z } from 'zod';
import { startOidcProvider } from '../src/server/test-support/oidc-provider.js';

const accountSchema = z.object({
  email: z.email(),
  name: z.string().min(1),
  emailVerified: z.boolean().optional(),
  sub: z.string().min(1).optional(),
});

const environmentSchema = z.object({
  OIDC_PROVIDER_PORT: z.coerce.number().int().min(1).max(65535),
  OIDC_CLIENT_ID: z.string().min(1),
  OIDC_CLIENT_SECRET: z.string().min(1),
  /** One or more, separated by commas. */
  OIDC_REDIRECT_URIS: z.string().transform((value) => value.split(',').map((uri) => uri.trim())),
  OIDC_ACCOUNTS: z
    .string()
    .default('[]')
    .transform((value, context) => {
      try {
        return z.array(accountSchema).parse(JSON.parse(value));
      } catch (error) {
        context.addIssue({ code: 'custom', message: `ska vara en JSON-lista av konton: ${String(error)}` });
        return z.NEVER;
      }
    }),
  OIDC_CLAIMS_IN_ID_TOKEN: z.enum(['true', 'false']).default('false'),
  /** `true`: any e-mail address typed at the login page signs in, not only the listed accounts. */
  OIDC_ANY_ADDRESS: z.enum(['true', 'false']).default('false'),
});

const parsed = environmentSchema.safeParse(process.env);
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`${issue.path.join('.')}: ${issue.message}`);
  process.exit(1);
}
const env = parsed.data;

const provider = await startOidcProvider({
  port: env.OIDC_PROVIDER_PORT,
  clientId: env.OIDC_CLIENT_ID,
  clientSecret: env.OIDC_CLIENT_SECRET,
  redirectUris: env.OIDC_REDIRECT_URIS,
  accounts: env.OIDC_ACCOUNTS,
  claimsInIdToken: env.OIDC_CLAIMS_IN_ID_TOKEN === 'true',
  anyAddress: env.OIDC_ANY_ADDRESS === 'true',
});
console.log(
  `OpenID Connect-leverantören körs: ${provider.issuer} (Stegvis behöver SSO_ALLOW_LOOPBACK=true för att använda den)`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    provider.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
