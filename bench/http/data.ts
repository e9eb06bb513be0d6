/**
 * The data set of http.bench.ts: the national one from seedScale (src/server/demo/scale), seeded once
 * per database through the app itself, before the server under test starts on it.
 */
import { hash } from '@node-rs/argon2';
import { seedScale } from '../../src/server/demo/scale/seed-scale.js';

export interface Login {
  email: string;
  password: string;
}

export interface BenchDataSet {
  counts: Record<string, number>;
  projectIds: string[];
  sampleProjectId: string;
  sampleRevisionNumbers: number[];
  admin: Login;
  supporter: Login;
  customerLeader: Login & { projectId: string };
  /** More customer Projektledare, each on their own project, for the mixed load's many users. */
  otherLeaders: (Login & { projectId: string })[];
  seconds: number;
}

export const BENCH_ADMIN: Login = { email: 'bench-admin@exempel.se', password: 'bench-losenord-123' };
const SEED = 15;

export async function seedDatabase(options: {
  databaseUrl: string;
  customers: number;
  otherLeaders: number;
  outboxDir: string;
  onProgress: (message: string) => void;
}): Promise<BenchDataSet> {
  const { buildApp } = await import('../../src/server/app.js');
  const { loadConfig } = await import('../../src/server/config/config.js');
  const config = {
    ...loadConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      DATABASE_URL: options.databaseUrl,
      STEGVIS_ADMIN_EMAIL: BENCH_ADMIN.email,
      STEGVIS_ADMIN_PASSWORD: BENCH_ADMIN.password,
      OUTBOX_DIR: options.outboxDir,
      REMINDER_INTERVAL_SECONDS: '0',
    }),
    web: undefined,
  };
  const started = Date.now();
  const app = await buildApp(config);
  try {
    const summary = await seedScale(app.stegvis, {
      seed: SEED,
      customers: options.customers,
      onProgress: options.onProgress,
    });
    const leader = summary.logins.customerLeader;
    const otherLeaders = await signInableLeaders(app.stegvis.db, leader.email, leader.password, options.otherLeaders);
    return {
      counts: { ...summary.counts },
      projectIds: summary.projectIds,
      sampleProjectId: summary.sampleProjectId,
      sampleRevisionNumbers: summary.sampleRevisionNumbers,
      admin: summary.logins.admin ?? BENCH_ADMIN,
      supporter: { email: summary.logins.supporter.email, password: summary.logins.supporter.password },
      customerLeader: { email: leader.email, password: leader.password, projectId: leader.projectId },
      otherLeaders,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await app.close();
  }
}

type Db = Awaited<ReturnType<typeof import('../../src/server/app.js').buildApp>>['stegvis']['db'];

/**
 * The data set gives one customer login; the others hold accounts nobody has chosen a password for
 * yet (invited). The bench chooses one for a few Projektledare of open projects, as each of them
 * would on accepting the invitation, so that the mixed load has many customers' sessions.
 */
async function signInableLeaders(
  db: Db,
  leaderEmail: string,
  password: string,
  count: number,
): Promise<(Login & { projectId: string })[]> {
  if (count === 0) return [];
  const rows = await db
    .selectFrom('role_assignments')
    .innerJoin('people', 'people.id', 'role_assignments.person_id')
    .innerJoin('users', 'users.id', 'people.user_id')
    .innerJoin('projects', 'projects.id', 'role_assignments.project_id')
    .select(['users.id as userId', 'users.email', 'projects.id as projectId'])
    .where('role_assignments.role_key', '=', 'projektledare')
    .where('users.role', '=', 'customer')
    .where('users.email', '!=', leaderEmail)
    .where('projects.phase', '=', 'implementation')
    .orderBy('users.email')
    .limit(count)
    .execute();
  if (rows.length === 0) return [];
  const passwordHash = await hash(password);
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash })
    .where(
      'id',
      'in',
      rows.map((row) => row.userId),
    )
    .execute();
  return rows.map((row) => ({ email: row.email, password, projectId: row.projectId }));
}
