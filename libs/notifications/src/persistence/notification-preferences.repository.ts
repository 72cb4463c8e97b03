import { Injectable } from '@nestjs/common';
import { UserId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';

export interface Preferences {
  email: boolean;
  inApp: boolean;
  digest: boolean;
  // IANA zone; null = each city's own.
  timezone: string | null;
}

// A person's settings, the same in every city (a platform table).
export abstract class NotificationPreferences {
  // Undefined until they first saved some.
  abstract get(userId: UserId): Promise<Preferences | undefined>;
  abstract save(userId: UserId, preferences: Preferences): Promise<Preferences>;
}

const PREFERENCE_COLUMNS = `email, in_app AS "inApp", digest, timezone`;

@Injectable()
export class PgNotificationPreferences implements NotificationPreferences {
  constructor(private readonly db: TenantDb) {}

  async get(userId: UserId): Promise<Preferences | undefined> {
    const [row] = await this.db.platform((em) =>
      em.query<Preferences[]>(
        `SELECT ${PREFERENCE_COLUMNS} FROM notification_preferences WHERE user_id = $1`,
        [userId],
      ),
    );
    return row;
  }

  async save(userId: UserId, { email, inApp, digest, timezone }: Preferences): Promise<Preferences> {
    const [row] = await this.db.platform((em) =>
      em.query<Preferences[]>(
        `INSERT INTO notification_preferences (user_id, email, in_app, digest, timezone)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (user_id) DO UPDATE
           SET email = EXCLUDED.email, in_app = EXCLUDED.in_app, digest = EXCLUDED.digest, timezone = EXCLUDED.timezone
         RETURNING ${PREFERENCE_COLUMNS}`,
        [userId, email, inApp, digest, timezone],
      ),
    );
    return row;
  }
}
