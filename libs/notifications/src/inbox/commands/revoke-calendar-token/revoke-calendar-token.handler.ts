import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TenantDb } from '@rl/persistence';
import { RevokeCalendarTokenCommand } from './revoke-calendar-token.command';

// Ends the caller's calendar link in this city (no link: nothing to do, still a success).
@CommandHandler(RevokeCalendarTokenCommand)
export class RevokeCalendarTokenHandler implements ICommandHandler<RevokeCalendarTokenCommand, void> {
  constructor(private readonly db: TenantDb) {}

  async execute({ cityId, userId }: RevokeCalendarTokenCommand): Promise<void> {
    await this.db.inCity(cityId, (em) =>
      em.query(`DELETE FROM calendar_tokens WHERE tenant_id = $1 AND user_id = $2`, [cityId, userId]),
    );
  }
}
