import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, loginAs, type TestApp } from '../test-support/app.js';
import { createCustomer, createProject } from '../test-support/factories.js';
import { loginAsMember } from '../test-support/members.js';

let testApp: TestApp | undefined;
afterEach(async () => {
  await testApp?.close();
  testApp = undefined;
});

const password = 'ett-langt-losenord';

const switchLogin = (agent: Agent, personId: string, disabled: boolean) =>
  agent.put(`/api/people/${personId}/login`, { disabled });

const login = (app: FastifyInstance, email: string) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });

/** A customer with a project, its Beställare and Projektledare, and Bo who holds another role there. */
async function customerWithPeople(app: FastifyInstance, admin: Agent) {
  const customer = await createCustomer(admin);
  const project = await createProject(admin, customer.id);
  const member = (roleKeys: string[]) =>
    loginAsMember(app, { customerId: customer.id, projectId: project.id, roleKeys });
  return {
    customer,
    project,
    orderer: await member(['bestallare']),
    manager: await member(['projektledare']),
    bo: await member(['it']),
  };
}

async function emailOf(app: FastifyInstance, userId: string) {
  const user = await app.stegvis.db
    .selectFrom('users')
    .select('email')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return user.email;
}

describe('switching a login off', () => {
  it('ends every session of the person at once, refuses their password, reset link and calendar address, and can be undone', async () => {
    testApp = await createTestApp();
    const app = testApp.app;
    const admin = await loginAs(app);
    const { customer, bo } = await customerWithPeople(app, admin);
    const boEmail = await emailOf(app, bo.userId);
    const feed = await bo.post('/api/me/calendar-feed');
    expect(feed.statusCode, feed.body).toBe(201);
    const feedPath = new URL(feed.json().url).pathname;
    expect((await app.inject({ method: 'GET', url: feedPath })).statusCode).toBe(200);
    const secondSession = await login(app, boEmail);
    expect(secondSession.statusCode).toBe(200);
    expect((await bo.get('/api/auth/session')).statusCode).toBe(200);

    const off = await switchLogin(admin, bo.personId, true);
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toEqual({ disabled: true });

    expect((await bo.get('/api/auth/session')).statusCode).toBe(401);
    const cookie = secondSession.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    expect((await app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } })).statusCode).toBe(401);
    // The calendar address works no longer either.
    expect((await app.inject({ method: 'GET', url: feedPath })).statusCode).toBe(404);
    const sessions = await app.stegvis.db
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', bo.userId)
      .execute();
    expect(sessions).toEqual([]);

    const refused = await login(app, boEmail);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe(
      'Inloggningen är avstängd. Kontakta den som administrerar Stegvis hos er.',
    );
    expect(refused.cookies).toEqual([]);
    // A wrong password is answered as for anyone: the switch is told only to whoever knows the password.
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: boEmail, password: 'fel-losenord-1' },
    });
    expect(wrong.statusCode).toBe(401);

    expect(
      (await app.inject({ method: 'POST', url: '/api/auth/forgot', payload: { email: boEmail } })).statusCode,
    ).toBe(204);
    await app.stegvis.mailer.idle();
    const outbox = testApp.config.mail.outboxDir;
    expect(fs.existsSync(outbox) ? fs.readdirSync(outbox).filter((file) => file.includes(boEmail)) : []).toEqual([]);

    const people = await admin.get(`/api/customers/${customer.id}/people`);
    expect(people.json().items.find((person: { id: string }) => person.id === bo.personId)).toMatchObject({
      hasLogin: true,
      loginDisabled: true,
    });

    const on = await switchLogin(admin, bo.personId, false);
    expect(on.json()).toEqual({ disabled: false });
    expect((await login(app, boEmail)).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: feedPath })).statusCode).toBe(200);

    const history = await app.stegvis.db
      .selectFrom('audit_events')
      .select(['action', 'summary', 'actor_user_id'])
      .where('entity_id', '=', bo.personId)
      .where('action', 'like', 'person.login_%')
      .orderBy('id')
      .execute();
    expect(history.map((event) => event.action)).toEqual(['person.login_disabled', 'person.login_enabled']);
    expect(history.every((event) => event.actor_user_id === admin.userId)).toBe(true);
  });

  it('is for the vendor admin, and for a Beställare over their own customer’s people only', async () => {
    testApp = await createTestApp();
    const app = testApp.app;
    const admin = await loginAs(app);
    const a = await customerWithPeople(app, admin);
    const b = await customerWithPeople(app, admin);

    // Another customer's Beställare: as if the person did not exist, and nothing changes.
    const crossCustomer = await switchLogin(b.orderer, a.bo.personId, true);
    expect(crossCustomer.statusCode).toBe(404);
    expect((await a.bo.get('/api/auth/session')).statusCode).toBe(200);

    // The Projektledare writes the plan but does not answer for who may log in.
    expect((await switchLogin(a.manager, a.bo.personId, true)).statusCode).toBe(403);
    expect((await switchLogin(a.bo, a.manager.personId, true)).statusCode).toBe(403);
    // Nobody switches off their own login.
    expect((await switchLogin(a.orderer, a.orderer.personId, true)).statusCode).toBe(409);
    expect((await a.bo.get('/api/auth/session')).statusCode).toBe(200);

    expect((await switchLogin(a.orderer, a.bo.personId, true)).statusCode).toBe(200);
    expect((await a.bo.get('/api/auth/session')).statusCode).toBe(401);
    expect((await switchLogin(a.orderer, a.manager.personId, true)).statusCode).toBe(200);
    expect((await a.manager.get('/api/auth/session')).statusCode).toBe(401);

    // The vendor's own people are the vendor admin's.
    const supporter = await loginAsMember(app, { customerId: null });
    expect((await switchLogin(a.orderer, supporter.personId, true)).statusCode).toBe(404);
    expect((await switchLogin(admin, supporter.personId, true)).statusCode).toBe(200);
    expect((await supporter.get('/api/auth/session')).statusCode).toBe(401);
    expect((await switchLogin(admin, b.orderer.personId, true)).statusCode).toBe(200);
    expect((await b.orderer.get('/api/auth/session')).statusCode).toBe(401);
  });
});
