// People: bootstrap with the admin token, users admin, sign-in with session cookies (flags),
// CSRF, throttling and lockout, sign-out (everywhere), password change and reset by e-mail read
// from a real SMTP server.
import type { InjectOptions } from 'fastify';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, BACKENDS, startTestServer } from '../support/server-harness';
import type { TestServer } from '../support/server-harness';
import { bearer, seedCatalog } from '../support/oms-fixtures';
import { makePerson, sessionFor, signIn, TEST_PASSWORD } from '../support/people-fixtures';
import { startSmtpSink, waitUntil } from './notifications-support';

const NEW_PASSWORD = 'a much longer new password';

describe.each(BACKENDS)('people on %s', (backend) => {
  let server: TestServer;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    server = await startTestServer(backend, 'people', {
      env: { SMTP_URL: smtp.url, TRUST_PROXY: 'true', PUBLIC_URL: 'https://oms.shop.example' },
    });
    await seedCatalog(server.db, {});
  });
  afterAll(async () => {
    await server.close();
    await smtp.close();
  });

  const inject = (options: InjectOptions) => server.app.inject(options);
  const mailsTo = (address: string) =>
    smtp.messages.filter((m: ParsedMail) => JSON.stringify(m.to).includes(address));

  it('creates the first admin with the admin token once, then refuses', async () => {
    const body = {
      email: 'First.Admin@Shop.example',
      name: 'First Admin',
      password: TEST_PASSWORD,
    };
    const first = await inject({
      method: 'POST',
      url: '/v1/people/bootstrap',
      headers: bearer(ADMIN_TOKEN),
      payload: body,
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      email: 'first.admin@shop.example',
      roles: ['admin'],
      active: true,
    });
    expect(JSON.stringify(first.json())).not.toContain('argon2');
    const again = await inject({
      method: 'POST',
      url: '/v1/people/bootstrap',
      headers: bearer(ADMIN_TOKEN),
      payload: { ...body, email: 'second@shop.example' },
    });
    expect(again.json()).toMatchObject({ code: 'already_bootstrapped' });
    const { response } = await signIn(server.app, 'first.admin@shop.example');
    expect(response.statusCode).toBe(200);
  });

  it('sets an HttpOnly, SameSite=Strict session cookie, Secure behind an HTTPS proxy', async () => {
    const person = await makePerson(server.db, { roles: ['finance'] });
    const plain = await signIn(server.app, person.email);
    expect(plain.cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(plain.cookie?.secure).toBeFalsy();
    const proxied = await inject({
      method: 'POST',
      url: '/v1/people/sessions',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { email: person.email, password: TEST_PASSWORD },
    });
    expect(proxied.cookies[0]).toMatchObject({ name: 'oms_session', secure: true, httpOnly: true });
    const stored = await server.db.selectFrom('user_sessions').select('id_hash').execute();
    expect(stored.map((s) => s.id_hash)).not.toContain(plain.cookie!.value);
    const me = await inject({
      method: 'GET',
      url: '/v1/people/me',
      headers: { cookie: plain.headers!.cookie },
    });
    expect(me.json()).toMatchObject({ user: { email: person.email, roles: ['finance'] } });
    expect(me.json().allowedRoutes).toContain('GET /v1/refunds.csv');
    expect(me.json().allowedRoutes).not.toContain('GET /v1/people/users');
  });

  it('refuses a change made with the session cookie but without its CSRF token', async () => {
    const admin = await makePerson(server.db, { roles: ['admin'] });
    const session = await sessionFor(server.db, admin.id);
    const payload = {
      email: 'csrf@shop.example',
      name: 'C',
      password: TEST_PASSWORD,
      roles: ['finance'],
    };
    const without = await inject({
      method: 'POST',
      url: '/v1/people/users',
      headers: { cookie: session.headers.cookie },
      payload,
    });
    expect(without.json()).toMatchObject({ code: 'csrf_token_invalid' });
    const other = await sessionFor(server.db, admin.id);
    const crossed = await inject({
      method: 'POST',
      url: '/v1/people/users',
      headers: { cookie: session.headers.cookie, 'x-csrf-token': other.csrfToken },
      payload,
    });
    expect(crossed.statusCode).toBe(403);
    expect(
      await server.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'csrf@shop.example')
        .execute(),
    ).toEqual([]);
    const withToken = await inject({
      method: 'POST',
      url: '/v1/people/users',
      headers: session.headers,
      payload,
    });
    expect(withToken.statusCode).toBe(201);
  });

  it('locks an account after 10 failures for 15 minutes, says so, and refuses even the right password', async () => {
    const person = await makePerson(server.db, { roles: ['sales_rep'] });
    const attempt = (password: string, n: number) =>
      inject({
        method: 'POST',
        url: '/v1/people/sessions',
        payload: { email: person.email, password },
        remoteAddress: `10.1.0.${n}`,
      });
    for (let i = 1; i <= 9; i++) {
      const wrong = await attempt('wrong password', i);
      expect(wrong.json()).toMatchObject({ code: 'sign_in_failed' });
    }
    const tenth = await attempt('wrong password', 10);
    expect(tenth.statusCode).toBe(429);
    expect(tenth.json().code).toBe('account_locked');
    expect(tenth.json().message).toMatch(/locked for 15 minutes after 10 failed sign-ins/);
    expect(Number(tenth.headers['retry-after'])).toBeGreaterThan(850);
    const right = await attempt(TEST_PASSWORD, 11);
    expect(right.json()).toMatchObject({ code: 'account_locked' });
    // The lock runs out: the right password works again and clears the count.
    await server.db
      .updateTable('sign_in_throttle')
      .set({ locked_until: new Date(Date.now() - 1000) })
      .where('locked_until', 'is not', null)
      .execute();
    expect((await attempt(TEST_PASSWORD, 12)).statusCode).toBe(200);
  });

  it('throttles one IP address across accounts, also for unknown e-mails', async () => {
    const limited = await startTestServer(backend, 'people_ip', {
      env: { SIGN_IN_MAX_FAILURES_PER_IP: '5' },
    });
    try {
      const attempt = (email: string) =>
        limited.app.inject({
          method: 'POST',
          url: '/v1/people/sessions',
          payload: { email, password: 'nope' },
          remoteAddress: '10.9.9.9',
        });
      for (let i = 0; i < 5; i++)
        expect((await attempt(`nobody${i}@shop.example`)).statusCode).toBe(401);
      const blocked = await attempt('nobody-else@shop.example');
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().code).toBe('too_many_attempts');
      const elsewhere = await limited.app.inject({
        method: 'POST',
        url: '/v1/people/sessions',
        payload: { email: 'nobody-else@shop.example', password: 'nope' },
        remoteAddress: '10.9.9.10',
      });
      expect(elsewhere.json().code).toBe('sign_in_failed');
    } finally {
      await limited.close();
    }
  });

  it('signs out one session, and everywhere', async () => {
    const person = await makePerson(server.db, { roles: ['purchasing'] });
    const a = (await signIn(server.app, person.email)).headers!;
    const b = (await signIn(server.app, person.email)).headers!;
    const c = (await signIn(server.app, person.email)).headers!;
    const me = (headers: object) =>
      inject({ method: 'GET', url: '/v1/people/me', headers: headers as Record<string, string> });
    const out = await inject({ method: 'DELETE', url: '/v1/people/sessions/current', headers: a });
    expect(out.statusCode).toBe(204);
    expect(out.cookies[0]).toMatchObject({ name: 'oms_session', value: '' });
    expect((await me(a)).statusCode).toBe(401);
    expect((await me(b)).statusCode).toBe(200);
    const everywhere = await inject({ method: 'DELETE', url: '/v1/people/sessions', headers: b });
    expect(everywhere.json()).toEqual({ endedSessions: 2 });
    expect((await me(b)).statusCode).toBe(401);
    expect((await me(c)).statusCode).toBe(401);
  });

  it('changes a password after checking the current one; other sessions end', async () => {
    const person = await makePerson(server.db, { roles: ['customer_service'] });
    const here = (await signIn(server.app, person.email)).headers!;
    const there = (await signIn(server.app, person.email)).headers!;
    const wrong = await inject({
      method: 'POST',
      url: '/v1/people/me/password',
      headers: here,
      payload: { currentPassword: 'not it', newPassword: NEW_PASSWORD },
    });
    expect(wrong.json()).toMatchObject({ code: 'wrong_password', field: 'currentPassword' });
    const short = await inject({
      method: 'POST',
      url: '/v1/people/me/password',
      headers: here,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'short' },
    });
    expect(short.json()).toMatchObject({ code: 'validation_failed', field: 'newPassword' });
    const ok = await inject({
      method: 'POST',
      url: '/v1/people/me/password',
      headers: here,
      payload: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(ok.statusCode).toBe(204);
    expect((await inject({ method: 'GET', url: '/v1/people/me', headers: here })).statusCode).toBe(
      200,
    );
    expect((await inject({ method: 'GET', url: '/v1/people/me', headers: there })).statusCode).toBe(
      401,
    );
    expect((await signIn(server.app, person.email)).response.statusCode).toBe(401);
    expect((await signIn(server.app, person.email, NEW_PASSWORD)).response.statusCode).toBe(200);
  });

  it('resets a password by the e-mailed one-time link (in the person’s language), ending every session', async () => {
    const person = await makePerson(server.db, {
      roles: ['finance'],
      locale: 'nl',
      email: 'reset.nl@shop.example',
    });
    const old = (await signIn(server.app, person.email)).headers!;
    const unknown = await inject({
      method: 'POST',
      url: '/v1/people/password-resets',
      payload: { email: 'nobody@shop.example' },
    });
    const known = await inject({
      method: 'POST',
      url: '/v1/people/password-resets',
      payload: { email: 'Reset.NL@shop.example' },
    });
    expect(unknown.statusCode).toBe(202);
    expect(known.json()).toEqual(unknown.json());
    await waitUntil(() => mailsTo(person.email).length === 1, 10_000, 'the reset mail');
    const mail = mailsTo(person.email)[0]!;
    expect(mail.subject).toBe('Stel je back-office-wachtwoord opnieuw in');
    expect(mailsTo('nobody@shop.example')).toHaveLength(0);
    const link = /https:\/\/oms\.shop\.example\/reset-password#token=([\w-]+)/.exec(
      mail.text ?? '',
    );
    expect(link).not.toBeNull();
    const token = link![1]!;
    const stored = await server.db
      .selectFrom('password_reset_tokens')
      .select('token_hash')
      .execute();
    expect(stored.map((r) => r.token_hash)).not.toContain(token);

    const complete = (password: string, t = token) =>
      inject({
        method: 'POST',
        url: '/v1/people/password-resets/complete',
        payload: { token: t, password },
      });
    expect((await complete('short')).json()).toMatchObject({ field: 'password' });
    expect((await complete(NEW_PASSWORD)).statusCode).toBe(204);
    expect((await complete(`${NEW_PASSWORD}!`)).json()).toMatchObject({
      code: 'invalid_reset_token',
    });
    expect((await complete(NEW_PASSWORD, `${token}x`)).json()).toMatchObject({
      code: 'invalid_reset_token',
    });
    expect((await inject({ method: 'GET', url: '/v1/people/me', headers: old })).statusCode).toBe(
      401,
    );
    expect((await signIn(server.app, person.email, NEW_PASSWORD)).response.statusCode).toBe(200);
  });

  it.each([
    ['de', 'Setzen Sie Ihr Backoffice-Passwort zurück'],
    ['fr', 'Réinitialisez votre mot de passe du back-office'],
  ] as const)('writes the reset mail in %s to a person who chose it', async (locale, subject) => {
    const person = await makePerson(server.db, {
      roles: ['finance'],
      locale,
      email: `reset.${locale}@shop.example`,
    });
    const asked = await inject({
      method: 'POST',
      url: '/v1/people/password-resets',
      payload: { email: person.email },
    });
    expect(asked.statusCode).toBe(202);
    await waitUntil(() => mailsTo(person.email).length === 1, 10_000, 'the reset mail');
    expect(mailsTo(person.email)[0]!.subject).toBe(subject);
  });

  it('refuses an expired reset link', async () => {
    const person = await makePerson(server.db, {
      roles: ['finance'],
      email: 'expired@shop.example',
    });
    await inject({
      method: 'POST',
      url: '/v1/people/password-resets',
      payload: { email: person.email },
    });
    await waitUntil(() => mailsTo(person.email).length === 1, 10_000, 'the reset mail');
    const token = /#token=([\w-]+)/.exec(mailsTo(person.email)[0]!.text ?? '')![1]!;
    await server.db
      .updateTable('password_reset_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', person.id)
      .execute();
    const late = await inject({
      method: 'POST',
      url: '/v1/people/password-resets/complete',
      payload: { token, password: NEW_PASSWORD },
    });
    expect(late.json()).toMatchObject({ code: 'invalid_reset_token', field: 'token' });
  });

  it('lets an admin create, list, change and deactivate users, naming what is wrong', async () => {
    const admin = await makePerson(server.db, { roles: ['admin'] });
    const headers = (await sessionFor(server.db, admin.id)).headers;
    const create = (payload: object) =>
      inject({ method: 'POST', url: '/v1/people/users', headers, payload });
    const base = { name: 'Lead Tilburg', password: TEST_PASSWORD };
    expect(
      (await create({ ...base, email: 'lead@shop.example', roles: ['warehouse_lead'] })).json(),
    ).toMatchObject({ code: 'lead_needs_warehouse', field: 'leadWarehouses' });
    expect(
      (
        await create({
          ...base,
          email: 'lead@shop.example',
          roles: ['warehouse_lead'],
          leadWarehouses: ['XX-NOPE'],
        })
      ).json(),
    ).toMatchObject({ code: 'unknown_warehouse', field: 'leadWarehouses' });
    expect(
      (await create({ ...base, email: 'lead@shop.example', roles: ['chef'] })).json(),
    ).toMatchObject({ code: 'validation_failed', field: 'roles[0]' });
    expect(
      (await create({ ...base, email: 'not-an-email', roles: ['finance'] })).json(),
    ).toMatchObject({ field: 'email' });
    const lead = await create({
      ...base,
      email: 'lead@shop.example',
      roles: ['warehouse_lead'],
      leadWarehouses: ['NL-TIL'],
    });
    expect(lead.statusCode).toBe(201);
    expect(
      (await create({ ...base, email: 'LEAD@shop.example', roles: ['finance'] })).json(),
    ).toMatchObject({ code: 'email_taken', field: 'email' });

    const id = lead.json().id as string;
    const leadSession = (await signIn(server.app, 'lead@shop.example')).headers!;
    const changed = await inject({
      method: 'PATCH',
      url: `/v1/people/users/${id}`,
      headers,
      payload: { roles: ['warehouse_lead', 'purchasing'], leadWarehouses: ['NL-TIL', 'BE-GNT'] },
    });
    expect(changed.json()).toMatchObject({
      roles: ['purchasing', 'warehouse_lead'],
      leadWarehouses: ['BE-GNT', 'NL-TIL'],
    });
    const off = await inject({
      method: 'PATCH',
      url: `/v1/people/users/${id}`,
      headers,
      payload: { active: false },
    });
    expect(off.json()).toMatchObject({ active: false });
    expect(
      (await inject({ method: 'GET', url: '/v1/people/me', headers: leadSession })).statusCode,
    ).toBe(401);
    expect((await signIn(server.app, 'lead@shop.example')).response.statusCode).toBe(401);

    const page1 = await inject({
      method: 'GET',
      url: '/v1/people/users?limit=2&sort=email',
      headers,
    });
    expect(page1.json().users).toHaveLength(2);
    const page2 = await inject({
      method: 'GET',
      url: `/v1/people/users?limit=2&sort=email&cursor=${page1.json().nextCursor}`,
      headers,
    });
    const emails = [...page1.json().users, ...page2.json().users].map(
      (u: { email: string }) => u.email,
    );
    expect(emails).toEqual([...emails].sort());
    expect(new Set(emails).size).toBe(emails.length);
    const filtered = await inject({
      method: 'GET',
      url: '/v1/people/users?role=warehouse_lead&active=false',
      headers,
    });
    expect(filtered.json().users.map((u: { email: string }) => u.email)).toEqual([
      'lead@shop.example',
    ]);
    const wrongCursor = await inject({
      method: 'GET',
      url: `/v1/people/users?sort=name&cursor=${page1.json().nextCursor}`,
      headers,
    });
    expect(wrongCursor.json()).toMatchObject({ code: 'invalid_cursor', field: 'cursor' });
  });

  it('keeps the last active admin an admin', async () => {
    const only = await startTestServer(backend, 'people_last_admin');
    try {
      const admin = await makePerson(only.db, { roles: ['admin'] });
      const headers = (await sessionFor(only.db, admin.id)).headers;
      const res = await only.app.inject({
        method: 'PATCH',
        url: `/v1/people/users/${admin.id}`,
        headers,
        payload: { active: false },
      });
      expect(res.json()).toMatchObject({ code: 'last_admin', field: 'active' });
    } finally {
      await only.close();
    }
  });

  it('lets the admin token only create the first admin when ADMIN_TOKEN_SCOPE=bootstrap', async () => {
    const strict = await startTestServer(backend, 'people_bootstrap', {
      env: { ADMIN_TOKEN_SCOPE: 'bootstrap' },
    });
    try {
      const orders = await strict.app.inject({
        method: 'GET',
        url: '/v1/orders',
        headers: bearer(ADMIN_TOKEN),
      });
      expect(orders.json()).toMatchObject({ code: 'not_permitted' });
      const users = await strict.app.inject({
        method: 'GET',
        url: '/v1/people/users',
        headers: bearer(ADMIN_TOKEN),
      });
      expect(users.statusCode).toBe(403);
      const boot = await strict.app.inject({
        method: 'POST',
        url: '/v1/people/bootstrap',
        headers: bearer(ADMIN_TOKEN),
        payload: { email: 'boss@shop.example', name: 'Boss', password: TEST_PASSWORD },
      });
      expect(boot.statusCode).toBe(201);
    } finally {
      await strict.close();
    }
  });
});
