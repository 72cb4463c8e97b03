import { CommandBus } from '@nestjs/cqrs';
import { ConnectCommand } from '@rl/collection';
import { CityId } from '@rl/kernel';

export interface DemoCollectionCity {
  id: CityId;
  coordinatorId: string;
}

// A KoboToolbox connection that shows how a form is connected, and pulls nothing: its server is on
// example.invalid (a name that never resolves) and it is off the schedule. Its label says so.
export async function seedDemoCollection(
  commands: CommandBus,
  city: DemoCollectionCity,
  indicatorId: string,
) {
  await commands.execute(
    new ConnectCommand(
      city.id,
      {
        kind: 'kobo',
        serverUrl: 'https://kobo.example.invalid',
        formId: 'demoNotARealServer',
        credentials: { token: 'demo-not-a-real-token' },
        indicatorId,
        label: 'Shelter counts form (demo — not a real server; illustrative)',
        scheduled: false,
      },
      { actorId: city.coordinatorId, actorRole: 'coordinator', idempotencyKey: 'demo:collection:kobo' },
    ),
  );
}
