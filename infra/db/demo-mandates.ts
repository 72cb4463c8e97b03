import { CommandBus } from '@nestjs/cqrs';
import { UpdateMemberCommand } from '@rl/identity';
import { GrantMandateCommand } from '@rl/mandates';
import { TenantDb } from '@rl/persistence';
import { DemoCatalogue } from './demo-catalogue';
import { DemoValuesCity } from './demo-values';

const SIGNERS: Record<string, { cso: string; municipality: string; function: string }> = {
  ghent: {
    cso: 'Illustrative signatory (CSO)',
    municipality: 'Illustrative signatory (city)',
    function: 'Director',
  },
  padua: {
    cso: 'Firmatario illustrativo (OSC)',
    municipality: 'Firmatario illustrativo (Comune)',
    function: 'Direttore',
  },
};
const DOCUMENT = 'Illustrative demo mandate — not a real document';

const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

// Mandates for the city's civil-society collector (ending within 30 days: flagged, and its coordinator
// notified) and for its official, who works for the municipality (the city's local-authority
// organisation). Dates count from the first start; idempotency keys make later starts record nothing.
export async function seedDemoMandates(
  commands: CommandBus,
  db: TenantDb,
  city: DemoValuesCity,
  catalogue: DemoCatalogue,
): Promise<void> {
  const coordinator = (key: string) => ({
    actorId: city.coordinatorId,
    actorRole: 'coordinator',
    idempotencyKey: `demo:mandate:${key}`,
  });
  const [municipality] = await db.inCity(city.id, (em) =>
    em.query<{ id: string }[]>(
      `SELECT data->>'organisationId' AS id FROM events
        WHERE type = 'OrganisationRegistered' AND data->>'kind' = 'local_authority' ORDER BY position LIMIT 1`,
    ),
  );
  const signer = SIGNERS[city.slug] ?? SIGNERS.ghent;
  await commands.execute(
    new GrantMandateCommand(
      city.id,
      catalogue.csoId,
      {
        holderUserId: city.collectorId,
        scope: { indicators: [...catalogue.indicators.values()].slice(0, 3).map((i) => i.id) },
        validFrom: dayFromNow(-335),
        validUntil: dayFromNow(21),
        signedBy: { name: signer.cso, function: signer.function },
        documentRef: DOCUMENT,
      },
      coordinator('collector'),
    ),
  );
  if (!municipality) return;
  await commands.execute(
    new UpdateMemberCommand(
      city.id,
      { actorId: city.coordinatorId, actorRole: 'coordinator' },
      city.officialId,
      { organisationId: municipality.id },
    ),
  );
  await commands.execute(
    new GrantMandateCommand(
      city.id,
      municipality.id,
      {
        holderUserId: city.officialId,
        scope: { all: true },
        validFrom: dayFromNow(-30),
        validUntil: dayFromNow(700),
        signedBy: { name: signer.municipality, function: signer.function },
        documentRef: DOCUMENT,
      },
      coordinator('official'),
    ),
  );
}
