/**
 * Benchmark of the vendor's portfolio, `GET /api/portfolio` (issue 8): one request over every
 * customer project, each with its checklist, key activities, organisation, trainings, goals and
 * measurements, plan revisions, audit trail, step decisions and, for some, an approved closure.
 *
 *   npm run bench                       # the other benchmarks, then this one
 *   npx tsx bench/portfolio.bench.ts    # this one alone
 *
 * Environment: BENCH_PROJECTS (default 300, at most 999: one customer each), BENCH_RUNS (measured
 * requests, default 5). BENCH_SMOKE=1 (see smoke.ts): 3 projects and 2 requests (two, so that the
 * check that every request runs the same queries still has something to compare).
 *
 * The data set is generated through the real services for customers and projects and inserted
 * directly for the rest, in a SQLite file. The requests go through `app.inject`, the whole route
 * without a socket. Each request reports wall time, CPU time, the peak RSS and heap sampled every
 * 5 ms above what the process held before it, the number of SQL queries and the size of the answer.
 * A first request, not measured, parses the templates as any server does once. An answer without
 * every project, or a different number of queries from one request to the next, fails the
 * benchmark (exit code 1). No timing is asserted.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Measurement, measure, seededRandom } from './measure.js';
import { smoke, smokeNote } from './smoke.js';

const ADMIN = { email: 'bench-admin@exempel.se', password: 'bench-losenord-123', name: 'Anna Administratör' };
const SCHOOL_ROLES = ['rektor', 'kontaktperson', 'administrator', 'anvandarstodjare'];
const VENDOR_PEOPLE = ['Björn Projektstödjare', 'Cecilia Projektstödjare', 'David Utbildningsledare', 'Eva Integratör'];
const TOWNS = ['Ale', 'Alingsås', 'Borås', 'Eslöv', 'Falun', 'Gävle', 'Härnösand', 'Kiruna', 'Luleå', 'Mora'];

function envNumber(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    console.error(`${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
    process.exit(1);
  }
  return value;
}

/** A unique organisation number per index, with a valid Luhn check digit. */
function organisationNumberFor(index: number, hasValidLuhnChecksum: (digits: string) => boolean): string {
  const body = `212000${String(index).padStart(3, '0')}`;
  const check = [...'0123456789'].find((digit) => hasValidLuhnChecksum(body + digit));
  if (check === undefined) throw new Error(`no check digit for ${body}`);
  return `${body.slice(0, 6)}-${body.slice(6)}${check}`;
}

interface DataSet {
  activities: number;
  roleHoldings: number;
  measurements: number;
  auditEvents: number;
  closed: number;
}

async function startApp(file: string, onQuery: () => void) {
  const { buildApp } = await import('../src/server/app.js');
  const { loadConfig } = await import('../src/server/config/config.js');
  const config = {
    ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', DATABASE_URL: file }),
    web: undefined,
  };
  return buildApp(config, { onQuery });
}

type App = Awaited<ReturnType<typeof startApp>>;

/** Customers and projects through the services; their people, progress and history inserted directly. */
async function generateDataSet(app: App, projectCount: number): Promise<DataSet> {
  const { createUser } = await import('../src/server/auth/service.js');
  const { createCustomer } = await import('../src/server/customers/service.js');
  const { createProject } = await import('../src/server/projects/service.js');
  const { addDays, stockholmDay } = await import('../src/server/core/days.js');
  const { newId } = await import('../src/server/core/ids.js');
  const { hasValidLuhnChecksum } = await import('../src/shared/common.js');
  const context = app.stegvis;
  const random = seededRandom(20_270_301);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const today = stockholmDay(new Date());
  const stamp = () => new Date().toISOString();

  const admin = await createUser(context, { ...ADMIN, role: 'vendor_admin' });
  const person = (customerId: string | null, name: string, extra: { school_id?: string; user_id?: string } = {}) => ({
    id: newId(),
    customer_id: customerId,
    name,
    email: null,
    phone: null,
    title: null,
    school_id: extra.school_id ?? null,
    user_id: extra.user_id ?? null,
    created_at: stamp(),
    updated_at: stamp(),
  });
  const vendorPeople = VENDOR_PEOPLE.map((name) => person(null, name));
  await context.db.insertInto('people').values(vendorPeople).execute();

  const data: DataSet = { activities: 0, roleHoldings: 0, measurements: 0, auditEvents: 0, closed: 0 };
  for (let index = 0; index < projectCount; index++) {
    const town = `${TOWNS[index % TOWNS.length]}${index >= TOWNS.length ? ` ${Math.floor(index / TOWNS.length) + 1}` : ''}`;
    const customer = await createCustomer(context, {
      name: `${town} kommun`,
      organisationNumber: organisationNumberFor(index, hasValidLuhnChecksum),
    });
    const startDate = addDays(today, -Math.floor(random() * 420));
    const project = await createProject(context, { customerId: customer.id, startDate });
    const elapsed = Math.max(0, Math.min(1, (Date.parse(today) - Date.parse(startDate)) / (300 * 86_400_000)));

    await context.db.transaction().execute(async (trx) => {
      const customerUserId = newId();
      await trx
        .insertInto('users')
        .values({
          id: customerUserId,
          email: `projektledare${index}@${town.toLowerCase().replaceAll(' ', '-')}.exempel.se`,
          name: `Projektledare i ${town}`,
          // Never logged in: a hash nobody's password matches.
          password_hash: 'bench',
          role: 'customer',
          created_at: stamp(),
        })
        .execute();

      // The checklist: done roughly as far as the project has come, deadlines on about half.
      const activities = await trx
        .selectFrom('activities')
        .select(['id', 'position'])
        .where('project_id', '=', project.id)
        .execute();
      data.activities += activities.length;
      for (const activity of activities) {
        const done = activity.position / activities.length < elapsed && random() < 0.9;
        const deadline = random() < 0.5 ? addDays(startDate, 10 + activity.position * 9) : null;
        if (!done && deadline === null) continue;
        await trx
          .updateTable('activities')
          .set({
            deadline,
            done_at: done ? `${addDays(startDate, 5 + activity.position * 8)}T10:00:00.000Z` : null,
            done_by_user_id: done ? admin.id : null,
          })
          .where('id', '=', activity.id)
          .execute();
      }

      // The organisation: 2–6 schools, each with its school roles more or less filled.
      const holdings: { role_key: string; person_id: string; school_id: string | null }[] = [];
      const leader = person(customer.id, `Projektledare i ${town}`, { user_id: customerUserId });
      const orderer = person(customer.id, `Beställare i ${town}`);
      const people = [leader, orderer];
      holdings.push({ role_key: 'projektledare', person_id: leader.id, school_id: null });
      holdings.push({ role_key: 'bestallare', person_id: orderer.id, school_id: null });
      holdings.push({ role_key: 'projektstodjare', person_id: pick(vendorPeople.slice(0, 2)).id, school_id: null });
      if (random() < 0.7)
        holdings.push({ role_key: 'utbildningsledare', person_id: vendorPeople[2].id, school_id: null });
      const schoolCount = 2 + Math.floor(random() * 5);
      for (let school = 1; school <= schoolCount; school++) {
        const schoolId = newId();
        await trx
          .insertInto('schools')
          .values({
            id: schoolId,
            customer_id: customer.id,
            name: `${town} skola ${school}`,
            school_forms: JSON.stringify(['grundskola']),
            school_unit_code: null,
            staff_count: 20 + Math.floor(random() * 60),
            created_at: stamp(),
            updated_at: stamp(),
          })
          .execute();
        for (const roleKey of SCHOOL_ROLES) {
          const holders = roleKey === 'administrator' ? Math.floor(random() * 3) : random() < 0.8 ? 1 : 0;
          for (let holder = 1; holder <= holders; holder++) {
            const holderPerson = person(customer.id, `${roleKey} ${holder} på ${town} skola ${school}`, {
              school_id: schoolId,
            });
            people.push(holderPerson);
            holdings.push({ role_key: roleKey, person_id: holderPerson.id, school_id: schoolId });
          }
        }
      }
      await trx.insertInto('people').values(people).execute();
      await trx
        .insertInto('role_assignments')
        .values(holdings.map((holding) => ({ ...holding, id: newId(), project_id: project.id, created_at: stamp() })))
        .execute();
      data.roleHoldings += holdings.length;

      // Trainings: none, one or two sessions confirmed for the administrators.
      const sessions = Math.floor(random() * 3);
      for (let session = 0; session < sessions; session++) {
        await trx
          .insertInto('training_sessions')
          .values({
            id: newId(),
            project_id: project.id,
            training_key: 'administratorer',
            proposal_id: null,
            date: addDays(startDate, 63 + session * 7),
            start_time: '09:00',
            end_time: '12:00',
            mode: 'on_site',
            trainer_person_id: vendorPeople[2].id,
            confirmed_by_name: VENDOR_PEOPLE[2],
            created_at: stamp(),
            updated_at: stamp(),
          })
          .execute();
      }

      // Effect goals with a few measurements each, some below their path.
      for (let goal = 0; goal < 1 + Math.floor(random() * 3); goal++) {
        const goalId = newId();
        await trx
          .insertInto('goals')
          .values({
            id: goalId,
            project_id: project.id,
            kind: 'effect',
            position: 100 + goal,
            title: `Effektmål ${goal + 1}`,
            description: '',
            measure: 'Andel elever med bedömning i varje ämne',
            unit: 'percent',
            unit_label: null,
            baseline: 40,
            target: 100,
            target_date: addDays(startDate, 365),
            deliverable: null,
            due_date: null,
            budget_sek: null,
            created_at: stamp(),
            updated_at: stamp(),
          })
          .execute();
        for (let measurement = 1; measurement <= Math.floor(random() * 5); measurement++) {
          const measuredOn = addDays(startDate, measurement * 45);
          if (measuredOn > today) break;
          await trx
            .insertInto('goal_measurements')
            .values({
              id: newId(),
              goal_id: goalId,
              project_id: project.id,
              measured_on: measuredOn,
              value: 40 + Math.round(random() * 60),
              method: 'manual',
              computation_id: null,
              recorded_by_user_id: customerUserId,
              recorded_by_name: leader.name,
              created_at: stamp(),
            })
            .execute();
          data.measurements += 1;
        }
      }

      // Revisions of the plan, some read by the vendor admin.
      for (let number = 1; number <= Math.floor(random() * 4); number++) {
        const revisionId = newId();
        await trx
          .insertInto('plan_revisions')
          .values({
            id: revisionId,
            project_id: project.id,
            number,
            created_at: stamp(),
            sender_user_id: customerUserId,
            sender_name: leader.name,
            message: `Version ${number} av planen`,
            snapshot: '{}',
          })
          .execute();
        if (random() < 0.6) {
          await trx
            .insertInto('plan_revision_reads')
            .values({ revision_id: revisionId, user_id: admin.id, read_at: stamp() })
            .execute();
        }
      }

      // The audit trail: changes by the customer and by the vendor over the project's life.
      const events = 5 + Math.floor(random() * 40);
      for (let event = 0; event < events; event++) {
        const byCustomer = random() < 0.6;
        await trx
          .insertInto('audit_events')
          .values({
            id: newId(),
            customer_id: customer.id,
            project_id: project.id,
            actor_user_id: byCustomer ? customerUserId : admin.id,
            actor_name: byCustomer ? leader.name : ADMIN.name,
            action: 'activity.updated',
            entity_type: 'activity',
            entity_id: pick(activities).id,
            summary: 'Ändrade en aktivitet',
            before: null,
            after: null,
            created_at: `${addDays(startDate, Math.floor(random() * 300))}T12:00:00.000Z`,
          })
          .execute();
      }
      data.auditEvents += events;

      if (random() < 0.1) {
        await trx
          .insertInto('project_step_decisions')
          .values({
            id: newId(),
            project_id: project.id,
            step_number: 1 + Math.floor(random() * 10),
            derived_step_number: 1,
            reason: 'Projektledaren bedömer steget',
            decided_by_user_id: admin.id,
            decided_by_name: ADMIN.name,
            created_at: stamp(),
          })
          .execute();
      }
      if (elapsed === 1 && random() < 0.3) {
        await trx
          .insertInto('project_closures')
          .values({
            project_id: project.id,
            approved_by_user_id: null,
            approved_by_name: orderer.name,
            approved_at: stamp(),
            open_items: JSON.stringify({ activities: [], trainings: [], goals: [] }),
          })
          .execute();
        await trx.updateTable('projects').set({ phase: 'operations' }).where('id', '=', project.id).execute();
        data.closed += 1;
      }
    });
  }
  return data;
}

type RequestMeasurement = Measurement & { queries: number; bytes: number };

async function main(): Promise<number> {
  const projectCount = envNumber('BENCH_PROJECTS', smoke ? 3 : 300, 1, 999);
  const runs = envNumber('BENCH_RUNS', smoke ? 2 : 5, 1, 100);
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'stegvis-portfolio-bench-'));
  let queries = 0;
  const app = await startApp(path.join(directory, 'stegvis.db'), () => {
    queries += 1;
  });
  try {
    const generationStarted = Date.now();
    const data = await generateDataSet(app, projectCount);
    console.log(
      `Portfolio of ${projectCount} projects (${data.activities.toLocaleString('en')} activities, ` +
        `${data.roleHoldings.toLocaleString('en')} role holdings, ${data.measurements} measurements, ` +
        `${data.auditEvents.toLocaleString('en')} audit events, ${data.closed} closed), generated in ` +
        `${((Date.now() - generationStarted) / 1000).toFixed(1)} s; SQLite, Node ${process.version}, ` +
        `${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(2)}`,
    );
    if (os.loadavg()[0] > os.cpus().length) {
      console.log('Note: the machine is busy with other work; times will be longer than on an idle machine.');
    }

    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: ADMIN.email, password: ADMIN.password },
    });
    if (login.statusCode !== 200) throw new Error(`login failed with ${login.statusCode}: ${login.body}`);
    const headers = { cookie: login.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ') };
    const request = async () => {
      const response = await app.inject({ method: 'GET', url: '/api/portfolio', headers });
      if (response.statusCode !== 200) throw new Error(`the route answered ${response.statusCode}: ${response.body}`);
      const items = (response.json() as { items: unknown[] }).items.length;
      if (items !== projectCount) throw new Error(`the portfolio has ${items} projects, expected ${projectCount}`);
      return response.rawPayload.length;
    };

    await request();
    const measurements: RequestMeasurement[] = [];
    for (let run = 0; run < runs; run++) {
      queries = 0;
      const { result: bytes, measurement } = await measure(request);
      measurements.push({ ...measurement, queries, bytes });
    }
    if (new Set(measurements.map((measurement) => measurement.queries)).size !== 1) {
      throw new Error(`the number of queries changed between requests: ${measurements.map((m) => m.queries)}`);
    }

    if (smoke) console.log(smokeNote);
    printTable(measurements);
    const times = measurements.map((measurement) => measurement.milliseconds).sort((a, b) => a - b);
    console.log('');
    console.log(
      `Median ${times[Math.floor(times.length / 2)].toFixed(0)} ms per request, ${measurements[0].queries} SQL ` +
        `queries each (session included), ${(measurements[0].bytes / 1024).toFixed(0)} KB of JSON.`,
    );
    console.log(
      `Process peak RSS over the whole benchmark (generation included): ` +
        `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB.`,
    );
    return 0;
  } finally {
    await app.close();
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

function printTable(rows: RequestMeasurement[]): void {
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const header = ['run', 'time', 'CPU', 'peak RSS +', 'peak heap +', 'queries'];
  const lines = rows.map((row, index) => [
    String(index + 1),
    `${row.milliseconds.toFixed(0)} ms`,
    `${row.cpuMilliseconds.toFixed(0)} ms`,
    mb(row.peakRss),
    mb(row.peakHeap),
    String(row.queries),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
  const format = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join('  ');
  console.log(format(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const line of lines) console.log(format(line));
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
