import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { createApi } from '@rl/api';
import { AppConfig } from '@rl/config';
import { AddMemberCommand, EnsureAccountCommand } from '@rl/identity';
import { asCityId, CityRole } from '@rl/kernel';
import { createWorker } from '@rl/worker';
import { testConfig } from './test-config';

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: { id: string; email: string; name: string };
}

export interface TestCity {
  id: string;
  slug: string;
}

export interface AuditEvent {
  position: number;
  streamId: string;
  type: string;
  metadata: Record<string, unknown>;
}

export const uniqueSuffix = () => randomUUID().slice(0, 8);
export const PASSWORD = 'correct-horse-battery-staple';

// The API and a worker (projections) on this jest worker's database, as the quick start runs them, with
// factories for the people and cities a test needs.
export class ApiHarness {
  private constructor(
    readonly app: INestApplication,
    readonly worker: INestApplicationContext,
    readonly config: AppConfig,
  ) {}

  static async start(overrides: Record<string, string> = {}): Promise<ApiHarness> {
    const config = testConfig(overrides);
    const worker = await createWorker(config);
    await worker.init();
    return new ApiHarness(await createApi(config), worker, config);
  }

  // A fresh API with a platform operator: the starting point of most suites.
  static async startWithOperator(
    overrides: Record<string, string> = {},
  ): Promise<{ api: ApiHarness; operator: Session }> {
    const api = await ApiHarness.start(overrides);
    return { api, operator: await api.operator() };
  }

  // …plus a city with its coordinator.
  static async startWithCity(
    name?: string,
  ): Promise<{ api: ApiHarness; operator: Session; city: TestCity; coordinator: Session }> {
    const { api, operator } = await ApiHarness.startWithOperator();
    const city = await api.city(operator, name);
    return { api, operator, city, coordinator: await api.member(operator, city, 'coordinator') };
  }

  get http(): TestAgent {
    return request(this.app.getHttpServer());
  }

  async close(): Promise<void> {
    await Promise.all([this.app.close(), this.worker.close()]);
  }

  async login(email: string, password = PASSWORD): Promise<Session> {
    const res = await this.http.post('/v1/auth/login').send({ email, password }).expect(200);
    return res.body as Session;
  }

  async operator(): Promise<Session> {
    const email = `operator-${uniqueSuffix()}@test.local`;
    await this.app
      .get(CommandBus)
      .execute(
        new EnsureAccountCommand({ email, name: 'Test operator', password: PASSWORD, isOperator: true }),
      );
    return this.login(email);
  }

  async city(operator: Session, name = 'Testville'): Promise<TestCity> {
    const slug = `${name.toLowerCase().replace(/[^a-z]/g, '')}-${uniqueSuffix()}`;
    const res = await this.http
      .post('/v1/platform/cities')
      .auth(operator.accessToken, { type: 'bearer' })
      .send({ slug, name, countryCode: 'BE', defaultLocale: 'nl', timezone: 'Europe/Brussels' })
      .expect(201);
    return { id: res.body.id as string, slug };
  }

  // The city's event log (its first 1000 events) as a coordinator or auditor reads it.
  async auditLog(session: Session, city: TestCity): Promise<AuditEvent[]> {
    const res = await this.http
      .get(`/v1/cities/${city.slug}/audit/events?limit=1000`)
      .auth(session.accessToken, { type: 'bearer' })
      .expect(200);
    return res.body.events as AuditEvent[];
  }

  // An account with a password and an active membership added by the operator (the internal path the
  // demo seed uses: no e-mail, so suites that count e-mails see only their own), logged in.
  async member(
    operator: Session,
    city: TestCity,
    role: CityRole,
    extra: Record<string, unknown> = {},
  ): Promise<Session> {
    const email = `${role}-${uniqueSuffix()}@${city.slug}.test`;
    const name = `${role} of ${city.slug}`;
    const commands = this.app.get(CommandBus);
    await commands.execute(new EnsureAccountCommand({ email, name, password: PASSWORD }));
    await commands.execute(
      new AddMemberCommand(
        asCityId(city.id),
        { actorId: operator.user.id, actorRole: 'operator' },
        { email, name, role, ...extra },
        { activeAtOnce: true },
      ),
    );
    return this.login(email);
  }
}

// Asserts the problem+json shape every error shares, and returns the body for further checks.
export function expectProblem(
  res: request.Response,
  status: number,
  code?: string,
): { code: string; errors: { field: string; message: string }[]; detail: string } {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toEqual(
    expect.objectContaining({
      status,
      code: expect.any(String),
      detail: expect.any(String),
      errors: expect.any(Array),
    }),
  );
  if (code !== undefined) expect(res.body.code).toBe(code);
  return res.body;
}
