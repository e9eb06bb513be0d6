import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { DatabaseKind, ExecutedQuery } from '../db/database.js';

/** What the domains report about their work; how it is counted is none of their business. */
export interface AppMetrics {
  mailSent(): void;
  mailFailed(): void;
  /** A reminder run that held the lease and finished: what it sent, what failed, and when it ended. */
  reminderRunCompleted(run: { sent: number; failed: number }, at: Date): void;
}

/** For code that builds a context of its own outside the app (scripts), where nobody scrapes. */
export const noMetrics: AppMetrics = {
  mailSent: () => {},
  mailFailed: () => {},
  reminderRunCompleted: () => {},
};

export interface AnsweredRequest {
  method: string;
  /** The route's pattern such as `/api/projects/:id`, never the address asked for. */
  route: string;
  statusCode: number;
  durationSeconds: number;
}

/** One app's metrics: the domains see only `metrics`; the HTTP layer and the database feed the rest. */
export interface Instrumentation {
  metrics: AppMetrics;
  observeRequest(request: AnsweredRequest): void;
  observeQuery(query: ExecutedQuery): void;
  /** This app's metrics and the process's, in Prometheus' text format. */
  scrape(): Promise<{ contentType: string; text: string }>;
  close(): void;
}

/** A route label for requests no route matched: the raw address would give each scanner's guess a series of its own. */
export const UNMATCHED_ROUTE = 'not_found';

const statementKeywords = new Set([
  'select',
  'insert',
  'update',
  'delete',
  'with',
  'create',
  'alter',
  'drop',
  'pragma',
]);

/** The statement's first SQL keyword, from a fixed set so that the label's values stay few. */
export function statementKeyword(sql: string): string {
  const keyword = /^[\s(]*([a-z]+)/i.exec(sql)?.[1]?.toLowerCase() ?? '';
  return statementKeywords.has(keyword) ? keyword : 'other';
}

let processRegistry: Registry | undefined;

/**
 * CPU, memory, event loop and garbage collection belong to the process, not to one app, so they
 * are collected once per process, on the first scrape. prom-client watches the event loop and the
 * garbage collector with observers it never stops: collected per app, every app built (the tests
 * build hundreds in one process) would leave a pair running after it closed.
 */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

export function createInstrumentation(databaseKind: DatabaseKind): Instrumentation {
  const registry = new Registry();
  const registers = [registry];

  const httpLabels = ['method', 'route', 'status_code'] as const;
  const httpRequests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP-förfrågningar som besvarats, per metod, route-mönster och statuskod',
    labelNames: httpLabels,
    registers,
  });
  const httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Svarstid för HTTP-förfrågningar i sekunder, per metod, route-mönster och statuskod',
    labelNames: httpLabels,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const queryDuration = new Histogram({
    name: 'db_query_duration_seconds',
    help: 'Tid för SQL-satser i sekunder, per databas och satsens första nyckelord',
    labelNames: ['database', 'statement'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers,
  });
  const mailSent = new Counter({
    name: 'stegvis_mail_sent_total',
    help: 'E-postmeddelanden som skickats (eller sparats i utkorgen när SMTP_URL saknas)',
    registers,
  });
  const mailFailed = new Counter({
    name: 'stegvis_mail_failed_total',
    help: 'E-postmeddelanden som inte kunde skickas',
    registers,
  });
  const remindersSent = new Counter({
    name: 'stegvis_reminders_sent_total',
    help: 'Påminnelser som påminnelsejobbet skickat',
    registers,
  });
  const remindersFailed = new Counter({
    name: 'stegvis_reminders_failed_total',
    help: 'Påminnelser som påminnelsejobbet inte kunde skicka',
    registers,
  });
  const reminderJobLastSuccess = new Gauge({
    name: 'stegvis_reminder_job_last_success_timestamp_seconds',
    help: 'När påminnelsejobbet senast gick klart i den här instansen (Unix-tid i sekunder)',
    registers,
  });

  return {
    metrics: {
      mailSent: () => mailSent.inc(),
      mailFailed: () => mailFailed.inc(),
      reminderRunCompleted(run, at) {
        remindersSent.inc(run.sent);
        remindersFailed.inc(run.failed);
        reminderJobLastSuccess.set(at.getTime() / 1000);
      },
    },
    observeRequest({ method, route, statusCode, durationSeconds }) {
      const labels = { method, route, status_code: String(statusCode) };
      httpRequests.inc(labels);
      httpDuration.observe(labels, durationSeconds);
    },
    observeQuery({ sql, durationMillis }) {
      queryDuration.observe({ database: databaseKind, statement: statementKeyword(sql) }, durationMillis / 1000);
    },
    async scrape() {
      const merged = Registry.merge([processMetrics(), registry]);
      return { contentType: registry.contentType, text: await merged.metrics() };
    },
    close: () => registry.clear(),
  };
}
