import { CommandBus } from '@nestjs/cqrs';
import { PostCommentCommand } from '@rl/comments';
import { CityId } from '@rl/kernel';
import { DemoCatalogue } from './demo-catalogue';

// A public indicator of the demo (published by demo-publication) whose page shows a public comment.
const CODE = 'ED-O1';
const COMMENT: Record<string, string> = {
  ghent:
    'Onze trajectbegeleiders zien dezelfde daling bij jongeren met een migratieachtergrond. ' +
    '(Illustratieve demo-opmerking bij illustratieve waarden.)',
  padua:
    'Gli sportelli di orientamento registrano lo stesso calo tra i giovani con background migratorio. ' +
    '(Commento dimostrativo su valori illustrativi.)',
};

// The public pages' demo: one interpretation comment marked public on a public indicator, signed by the
// CSO (its organisation and role show, not the collector's name). Idempotent by its key.
export async function seedDemoPublicPages(
  commands: CommandBus,
  city: { id: CityId; slug: string; collectorId: string },
  catalogue: DemoCatalogue,
): Promise<void> {
  const indicator = catalogue.indicators.get(CODE);
  const body = COMMENT[city.slug];
  if (!indicator || !body) return;
  await commands.execute(
    new PostCommentCommand(
      city.id,
      { target: { kind: 'indicator', id: indicator.id }, body, visibility: 'public' },
      {
        actorId: city.collectorId,
        actorRole: 'collector',
        idempotencyKey: `demo:public-pages:comment:${CODE}`,
        organisationId: catalogue.csoId,
      },
    ),
  );
}
