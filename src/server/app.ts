import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { setSwedishValidationMessages } from '../shared/validation-locale.js';
import { registerScopeGuard } from './access/guard.js';
import { acknowledgementRoutes } from './acknowledgements/routes.js';
import { attachmentRoutes } from './attachments/routes.js';
import { auditRoutes } from './audit/routes.js';
import { registerSessionLoading } from './auth/guard.js';
import { authRoutes } from './auth/routes.js';
import { ensureInitialAdmin } from './auth/service.js';
import { budgetRoutes } from './budget/routes.js';
import { calendarRoutes } from './calendar/routes.js';
import { checklistRoutes } from './checklist/routes.js';
import { closureRoutes } from './closure/routes.js';
import { communicationRoutes } from './communication/routes.js';
import type { AppConfig } from './config/config.js';
import type { WebFiles } from './core/build-info.js';
import { type Clock, systemClock } from './core/clock.js';
import type { AppContext } from './core/context.js';
import { errorBody, registerErrorHandling } from './core/errors.js';
import { currentLog, registerRequestIds, requestIdOptions } from './core/request-id.js';
import { responseSerializer } from './core/serializer.js';
import { strictBodyValidatorCompiler } from './core/validation.js';
import { customerRoutes } from './customers/routes.js';
import { createDatabase, type DatabaseOptions, migrateToLatest } from './db/database.js';
import { decisionRoutes } from './decisions/routes.js';
import { deliveryRoutes } from './delivery/routes.js';
import { exportRoutes } from './exports/routes.js';
import { APP_VERSION, healthRoutes } from './health/routes.js';
import { importRoutes } from './imports/routes.js';
import { invitationRoutes } from './invitations/routes.js';
import { createMailer } from './mail/mailer.js';
import { computationRoutes } from './measurements/computation-routes.js';
import { measurementRoutes } from './measurements/routes.js';
import { meetingRoutes } from './meetings/routes.js';
import { createInstrumentation } from './metrics/instrumentation.js';
import { registerMetrics } from './metrics/routes.js';
import { organisationRoutes } from './organisation/routes.js';
import { planRoutes } from './plan/routes.js';
import { portfolioRoutes } from './portfolio/routes.js';
import { projectRoutes } from './projects/routes.js';
import { reminderRoutes } from './reminders/routes.js';
import { revisionRoutes } from './revisions/routes.js';
import { ensureSettings } from './settings/service.js';
import { ssoRoutes } from './sso/routes.js';
import { sealStoredClientSecrets } from './sso/service.js';
import { stepRoutes } from './steps/routes.js';
import { templateRoutes } from './templates/routes.js';
import { ensureDefaultTemplate } from './templates/service.js';
import { timelineRoutes } from './timeline/routes.js';
import { trainingRoutes } from './trainings/routes.js';
import { registerPendingSignIns, twoFactorRoutes } from './two-factor/routes.js';
import { sealStoredTotpSecrets } from './two-factor/secret-box.js';

export interface BuildOptions extends DatabaseOptions {
  clock?: Clock;
}

declare module 'fastify' {
  interface FastifyInstance {
    stegvis: AppContext;
    /** Every route registered, as method and path pattern: tests walk it to cover new routes too. */
    routeTable: { method: string; url: string }[];
  }
}

/** Smaller answers gain less from compression than it costs; see docs/decisions/012-build-once-start-fast.md. */
const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * The built web app: fingerprinted assets cached for a year, the page itself revalidated on every visit,
 * and each file sent as the brotli or gzip copy made at build time when the browser takes one.
 */
async function registerWebFiles(app: FastifyInstance, web: WebFiles): Promise<void> {
  await app.register(fastifyStatic, {
    root: web.assets,
    prefix: '/assets/',
    preCompressed: true,
    immutable: true,
    maxAge: '365d',
    index: false,
    decorateReply: false,
  });
  await app.register(fastifyStatic, {
    root: web.root,
    wildcard: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply) => reply.header('cache-control', 'no-cache'),
  });
}

/** An address of the web app's own pages: not the API, an asset, or the metrics (absent without a token). */
const isPageAddress = (url: string) => !/^\/(api|assets)\/|^\/metrics(\?|$)/.test(url);

/** Builds the whole app on a migrated database; it never listens by itself. */
export async function buildApp(config: AppConfig, options: BuildOptions = {}): Promise<FastifyInstance> {
  // The app's logger exists only further down; the database and the mailer log through it once it does.
  const instrumentation = createInstrumentation(config.database.kind);
  const database = createDatabase(config.database, {
    ...options,
    observeQuery: (query) => {
      instrumentation.observeQuery(query);
      options.observeQuery?.(query);
    },
    onIdleConnectionError: (error) => app.log.warn({ err: error }, 'databasservern stängde en vilande anslutning'),
  });
  const clock = options.clock ?? systemClock;
  const context: AppContext = {
    db: database.db,
    databaseKind: database.kind,
    clock,
    config,
    metrics: instrumentation.metrics,
    mailer: createMailer(config.mail, {
      clock,
      metrics: instrumentation.metrics,
      log: {
        info: (data, message) => currentLog(app.log).info(data, message),
        error: (data, message) => currentLog(app.log).error(data, message),
      },
    }),
  };
  let sealedSecrets = { sealed: 0 };
  let sealedTotpSecrets = { sealed: 0 };
  try {
    await migrateToLatest(database.db);
    // Before anything is served: a missing SECRETS_KEY stops the start here, with what to do.
    sealedSecrets = await sealStoredClientSecrets(context);
    sealedTotpSecrets = await sealStoredTotpSecrets(context);
    await ensureSettings(context);
    await ensureDefaultTemplate(context);
  } catch (error) {
    await database.close();
    throw error;
  }

  setSwedishValidationMessages();
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    // Only behind a proxy that sets X-Forwarded-For may the client address come from it;
    // otherwise anyone could pick a new address per login attempt and pass the rate limit.
    trustProxy: config.trustProxy,
    ...requestIdOptions,
  });
  app.decorate('stegvis', context);
  if (sealedSecrets.sealed > 0) {
    app.log.info({ count: sealedSecrets.sealed }, 'klienthemligheter krypterade med SECRETS_KEY');
  }
  if (sealedTotpSecrets.sealed > 0) {
    app.log.info({ count: sealedTotpSecrets.sealed }, 'hemligheter för tvåstegsverifiering krypterade med SECRETS_KEY');
  }
  const routeTable: { method: string; url: string }[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routeTable.push({ method, url: route.url });
  });
  app.addHook('onClose', () => database.close());
  app.addHook('onClose', () => context.mailer.close());
  app.setValidatorCompiler(strictBodyValidatorCompiler);
  app.setSerializerCompiler(responseSerializer(config.env !== 'production'));
  registerErrorHandling(app);
  registerRequestIds(app);
  registerMetrics(app, instrumentation, config.metricsToken);

  await app.register(fastifyHelmet, {
    global: false,
    contentSecurityPolicy: {
      directives: {
        // Mantine sets element styles at run time.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'upgrade-insecure-requests': null,
      },
    },
  });
  // The page headers (CSP, framing, …) protect documents; JSON answers need only nosniff, and no cache
  // may keep them: they hold personal data. A route that may be cached (a calendar feed) says so itself.
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs')) {
      reply.header('x-content-type-options', 'nosniff').header('cache-control', 'no-store');
    } else {
      await reply.helmet();
    }
  });
  // Files of the web app come precompressed (see registerWebFiles); this compresses the API's answers.
  // gzip only: it saves as many bytes of JSON as brotli at half the CPU (bench/compression.bench.ts).
  // Requests stay as sent: a compressed upload would be a way round the size limits.
  await app.register(fastifyCompress, {
    threshold: COMPRESSION_THRESHOLD_BYTES,
    encodings: ['gzip'],
    globalDecompression: false,
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Stegvis API',
        version: APP_VERSION,
        description: 'Implementeringsprojekt för leverantör och kund',
      },
    },
    transform: jsonSchemaTransform,
    // The schemas given an id (`.meta({ id })`) become components that the routes refer to.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerSessionLoading(app, context);
  registerPendingSignIns(app, context);
  registerScopeGuard(app, context);
  await app.register(healthRoutes(context));
  await app.register(authRoutes(context));
  await app.register(ssoRoutes(context));
  await app.register(twoFactorRoutes(context));
  await app.register(templateRoutes(context));
  await app.register(customerRoutes(context));
  await app.register(projectRoutes(context));
  await app.register(checklistRoutes(context));
  await app.register(timelineRoutes(context));
  await app.register(invitationRoutes(context));
  await app.register(organisationRoutes(context));
  await app.register(importRoutes(context));
  await app.register(auditRoutes(context));
  await app.register(planRoutes(context));
  await app.register(exportRoutes(context));
  await app.register(revisionRoutes(context));
  await app.register(reminderRoutes(context));
  await app.register(calendarRoutes(context));
  await app.register(trainingRoutes(context));
  await app.register(communicationRoutes(context));
  await app.register(deliveryRoutes(context));
  await app.register(attachmentRoutes(context));
  await app.register(measurementRoutes(context));
  await app.register(computationRoutes(context));
  await app.register(stepRoutes(context));
  await app.register(closureRoutes(context));
  await app.register(portfolioRoutes(context));
  await app.register(decisionRoutes(context));
  await app.register(meetingRoutes(context));
  await app.register(budgetRoutes(context));
  await app.register(acknowledgementRoutes(context));

  if (config.web) await registerWebFiles(app, config.web);
  app.setNotFoundHandler((request, reply) => {
    // The web app routes on the client: any other page address gets the app itself. A missing asset
    // stays a 404, or the browser would take the page for a script.
    if (config.web && request.method === 'GET' && isPageAddress(request.url)) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply
      .status(404)
      .send(errorBody('NOT_FOUND', `Sökvägen ${request.method} ${request.url.split('?')[0]} finns inte`));
  });

  await ensureInitialAdmin(context);
  return app;
}
