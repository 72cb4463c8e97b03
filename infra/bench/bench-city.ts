import { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { AddMemberCommand, EnsureAccountCommand } from '@rl/identity';
import { asCityId, CityId, CityRole } from '@rl/kernel';
import { CreateCityCommand } from '@rl/tenancy';
import { CommandMetadata } from '@rl/web';

// The setup the HTTP benchmarks share: the API on a free local port, a platform operator, cities and
// members with passwords, and logging in as one of them (they read and write as real clients do).

// Listens on a free port of 127.0.0.1; the base URL of the API.
export async function listenLocally(api: INestApplication): Promise<string> {
  await api.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${((api.getHttpServer() as Server).address() as AddressInfo).port}`;
}

export interface BenchAccount {
  email: string;
  name: string;
  password: string;
}

export type BenchMember = BenchAccount & { role: CityRole };

// A platform operator account; the metadata of the setup commands it sends.
export async function benchOperator(commands: CommandBus, account: BenchAccount): Promise<CommandMetadata> {
  const operator = await commands.execute(new EnsureAccountCommand({ ...account, isOperator: true }));
  return { actorId: operator.userId, actorRole: 'operator' };
}

// A city in Belgium (Dutch, Europe/Brussels, as the demo's) with one active member, set up by `as`.
export async function benchCity(
  commands: CommandBus,
  as: CommandMetadata,
  city: { slug: string; name: string },
  member: BenchMember,
): Promise<CityId> {
  const created = await commands.execute(
    new CreateCityCommand({ ...city, countryCode: 'BE', defaultLocale: 'nl', timezone: 'Europe/Brussels' }),
  );
  const cityId = asCityId(created.id);
  await activeMember(commands, cityId, as, member);
  return cityId;
}

// An account with a password that is an active member of the city at once (no invitation to accept).
export async function activeMember(
  commands: CommandBus,
  cityId: CityId,
  as: CommandMetadata,
  member: BenchMember,
): Promise<void> {
  const { password, role, ...person } = member;
  await commands.execute(new EnsureAccountCommand({ ...person, password }));
  await commands.execute(new AddMemberCommand(cityId, as, { ...person, role }, { activeAtOnce: true }));
}

// The access token of a member, by logging in over HTTP.
export async function logIn(base: string, email: string, password: string): Promise<string> {
  const login = await fetch(`${base}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return ((await login.json()) as { accessToken: string }).accessToken;
}
