import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { AppConfig } from '@rl/config';
import { Aggregates } from '@rl/event-store';
import { CityId } from '@rl/kernel';
import { CreatedConnectionView } from '../../collection.view';
import { CollectionErrors } from '../../domain/collection.errors';
import { connectionDecider } from '../../domain/connection.decider';
import { ConnectionKind, connectionStream, ConnectionTarget } from '../../domain/connection.events';
import { newPushToken, pushTokenHash } from '../../domain/push-token';
import { CollectionReferences } from '../../persistence/collection-references';
import { CollectionStore } from '../../persistence/collection.store';
import { ConnectionCredentials, CredentialsCipher } from '../../persistence/credentials-cipher';
import { ConnectCommand } from './connect.command';
import { ConnectDto, CredentialsDto } from './connect.dto';

const invalid = (field: string, message: string) =>
  CollectionErrors.INVALID({
    message: `Invalid connection: ${field} ${message}`,
    errors: [{ field, message }],
  });

// https, or http where outbound calls may reach private addresses (development, tests); the guarded
// client checks the address again at every connect.
function serverUrl(raw: string, allowHttp: boolean): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid('serverUrl', 'must be a valid URL');
  }
  if (url.protocol !== 'https:' && !(allowHttp && url.protocol === 'http:'))
    throw invalid('serverUrl', allowHttp ? 'must be an http or https URL' : 'must be an https URL');
  if (url.username || url.password || url.search || url.hash)
    throw invalid('serverUrl', 'must not carry credentials, a query or a fragment');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function credentials(kind: ConnectionKind, given: CredentialsDto): ConnectionCredentials {
  const { email, password, token } = given;
  if (kind === 'kobo') {
    if (!token || email !== undefined || password !== undefined)
      throw invalid('credentials', 'must be {token} for KoboToolbox');
    return { token };
  }
  if (!email || !password || token !== undefined)
    throw invalid('credentials', 'must be {email, password} for ODK Central');
  return { email, password };
}

@CommandHandler(ConnectCommand)
export class ConnectHandler implements ICommandHandler<ConnectCommand, CreatedConnectionView> {
  constructor(
    private readonly aggregates: Aggregates,
    private readonly references: CollectionReferences,
    private readonly store: CollectionStore,
    private readonly cipher: CredentialsCipher,
    private readonly config: AppConfig,
  ) {}

  async execute({ cityId, input, metadata }: ConnectCommand): Promise<CreatedConnectionView> {
    const url = serverUrl(input.serverUrl, this.config.outbound.allowPrivate);
    const secret = credentials(input.kind, input.credentials);
    const target = await this.target(cityId, input);
    const connectionId = uuidv7();
    const pushToken = input.kind === 'kobo' ? newPushToken(cityId) : null;
    // Before the event: a connection never exists without its credentials (a failed append leaves an
    // unreachable row, nothing more).
    await this.store.saveSecrets(cityId, {
      connectionId,
      credentials: this.cipher.seal({ cityId, connectionId }, secret),
      pushTokenHash: pushToken && pushTokenHash(pushToken),
    });
    const stream = connectionStream(connectionId);
    const result = await this.aggregates.handle(
      cityId,
      connectionDecider,
      stream,
      {
        type: 'Connect',
        connectionId,
        kind: input.kind,
        serverUrl: url,
        formId: input.formId,
        label: input.label,
        scheduled: input.scheduled ?? true,
        ...target,
      },
      { expected: 0, metadata },
    );
    const { version, position } = result;
    // A retry under the same Idempotency-Key answers with the first connection; its push URL was shown once.
    if (result.streamId !== stream)
      return { id: result.streamId.replace(/^collection-connection-/, ''), version, position };
    const pushUrl = pushToken
      ? `${this.config.publicUrl.replace(/\/$/, '')}/v1/collection-push/${pushToken}`
      : undefined;
    return { id: connectionId, version, position, ...(pushUrl && { pushUrl }) };
  }

  private async target(cityId: CityId, input: ConnectDto): Promise<ConnectionTarget> {
    const { assignmentId, indicatorId } = input;
    if ((assignmentId === undefined) === (indicatorId === undefined))
      throw invalid('assignmentId', 'or indicatorId: give exactly one');
    if (assignmentId !== undefined) {
      const slot = await this.references.assignment(cityId, assignmentId);
      if (!slot)
        throw CollectionErrors.UNKNOWN_TARGET({
          errors: [{ field: 'assignmentId', message: 'is not an assignment of this city' }],
        });
      return { assignmentId, ...slot };
    }
    if (!(await this.references.dimensions(cityId, indicatorId as string)))
      throw CollectionErrors.UNKNOWN_TARGET({
        errors: [{ field: 'indicatorId', message: 'is not an indicator of this city' }],
      });
    return { assignmentId: null, indicatorId: indicatorId as string, organisationId: null, periodId: null };
  }
}
