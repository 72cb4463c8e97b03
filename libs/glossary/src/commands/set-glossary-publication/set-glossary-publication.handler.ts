import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { GlossaryLedger } from '../../persistence/glossary-ledger';
import { GlossaryPublicationView } from '../../term.view';
import { SetGlossaryPublicationCommand } from './set-glossary-publication.command';

@CommandHandler(SetGlossaryPublicationCommand)
export class SetGlossaryPublicationHandler implements ICommandHandler<
  SetGlossaryPublicationCommand,
  GlossaryPublicationView
> {
  constructor(private readonly ledger: GlossaryLedger) {}

  async execute({
    cityId,
    isPublic,
    metadata,
  }: SetGlossaryPublicationCommand): Promise<GlossaryPublicationView> {
    const { version, position } = await this.ledger.setPublication(cityId, isPublic, metadata);
    return { public: isPublic, version, position };
  }
}
