import { CommandBus } from '@nestjs/cqrs';
import { createApi } from '@rl/api';
import { EventStore } from '@rl/event-store';
import { EnsureAccountCommand } from '@rl/identity';
import { TenantDb } from '@rl/persistence';
import { ProjectionWaiter } from '@rl/projections';
import { createWorker } from '@rl/worker';
import { bootstrapDatabase } from '../db/bootstrap';
import { seedDemo } from '../db/demo-seed';
import { runScript } from '@rl/runtime';

// npm start: the whole system in one process for a quick start — database set up, operator and demo
// data ensured, API and worker running.
runScript(async (config) => {
  await bootstrapDatabase(config);
  const worker = await createWorker(config);
  const api = await createApi(config);
  const commands = api.get(CommandBus);
  const operator = await commands.execute(new EnsureAccountCommand({ ...config.operator, isOperator: true }));
  const lines = [
    `Operator: ${config.operator.email}${operator.created ? ` / ${config.operator.password}` : ' (existing account, password unchanged)'}`,
  ];
  if (config.demoSeed) {
    const demo = await seedDemo(
      commands,
      api.get(TenantDb),
      api.get(EventStore),
      api.get(ProjectionWaiter),
      operator.userId,
    );
    lines.push('Demo accounts (illustrative data; do not use in production):');
    lines.push(
      ...demo.credentials.map(
        (d) => `  ${d.city.padEnd(6)} ${d.role.padEnd(12)} ${d.email.padEnd(26)} ${d.password}`,
      ),
    );
    lines.push(
      '',
      `Reminder demo: this month's period is due at ${demo.reminderDeadline.toISOString()}. Until a minute after`,
      'it, reminders reach collector@ghent.demo (escalations: coordinator@ghent.demo): e-mails appear in this log',
      `("E-mail (log transport)") unless SMTP_URL is set, in-app ones at GET ${config.publicUrl}/v1/me/notifications.`,
      '',
      "Evidence demo: each city's head is signed (GET /v1/cities/ghent/audit/checkpoints as auditor@ghent.demo);",
      `verify the log and every read model: GET ${config.publicUrl}/v1/cities/ghent/audit/verify?readModels=true;`,
      `offline: save GET /v1/cities/ghent/audit/export and a key from GET ${config.publicUrl}/v1/public/keys, then`,
      'npm run audit:verify -- ghent.ndjson --key ghent.pub (see README, Evidence).',
    );
  }
  await api.listen(config.port);
  const url = config.publicUrl;
  process.stdout.write(
    `\nRights Ledger is running: ${url}\n  API docs: ${url}/docs\n  Ready:    ${url}/health/ready\n\n${lines.join('\n')}\n\n` +
      `Log in: curl -s ${url}/v1/auth/login -H 'content-type: application/json' -d '{"email":"coordinator@ghent.demo","password":"demo-ghent-coordinator"}'\n\n`,
  );
  const stop = () => void Promise.all([api.close(), worker.close()]).then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
});
