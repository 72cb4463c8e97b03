import { Injectable, Logger } from '@nestjs/common';
import { Aggregates } from '@rl/event-store';
import { CityId } from '@rl/kernel';
import { v7 as uuidv7 } from 'uuid';
import { ExternalSubmission, fromKoboRecord } from './answers';
import { connectionDecider } from '../domain/connection.decider';
import { connectionStream } from '../domain/connection.events';
import { CollectionReferences } from '../persistence/collection-references';
import { CollectionStore, ConnectionRow, RunCounts } from '../persistence/collection.store';
import { ConnectionCredentials, CredentialsCipher } from '../persistence/credentials-cipher';
import { CollectionWakeups } from './collection-wakeups';
import { PlatformClients, PullFailed } from './platform-clients';
import { SubmissionIngest } from './submission-ingest';

// Rejections kept per run (the count is complete).
const MAX_REJECTIONS = 500;
// Submissions of a page ingested at once (each is a few short transactions).
const PARALLEL = 4;

class Tally implements RunCounts {
  created = 0;
  corrected = 0;
  ignored = 0;
  rejected = 0;
  rejections: { logicalId: string; reason: string }[] = [];
  highWater: string | null = null;

  reject(logicalId: string, reason: string) {
    this.rejected++;
    if (this.rejections.length < MAX_REJECTIONS) this.rejections.push({ logicalId, reason });
  }
}

// Runs a connection's queued runs (pulls and pushes) one after the other while it holds the connection's
// lease, so one connection never has two at once. A pull asks for what changed since the high-water mark
// (`ge`: the boundary is read again and deduplicated), and moves the mark only when it finished.
@Injectable()
export class PullRunner {
  private readonly logger = new Logger('PullRunner');

  constructor(
    private readonly store: CollectionStore,
    private readonly references: CollectionReferences,
    private readonly cipher: CredentialsCipher,
    private readonly clients: PlatformClients,
    private readonly ingest: SubmissionIngest,
    private readonly wakeups: CollectionWakeups,
    private readonly aggregates: Aggregates,
  ) {}

  async run(cityId: CityId, connectionId: string, scheduled: boolean): Promise<void> {
    const connection = await this.store.connection(cityId, connectionId);
    // Not projected yet (a push right after connecting): the job's retry with backoff comes back for it.
    if (!connection) throw new Error(`Collection connection ${connectionId} is not in the read model yet`);
    // The stream, not the read model: a disconnection not projected yet must already stop pulls and pushes.
    const { state } = await this.aggregates.load(cityId, connectionDecider, connectionStream(connectionId));
    if (!state.exists || !state.active) {
      await this.wakeups.unschedule(connectionId);
      return;
    }
    if (scheduled) await this.store.addRun(cityId, { id: uuidv7(), connectionId, trigger: 'schedule' });
    const lease = await this.store.lease(cityId, connectionId);
    // Another pull holds the connection: it takes the queued runs, this one included, before it lets go.
    if (!lease) return;
    let highWater = lease.highWater;
    try {
      const credentials = this.cipher.open({ cityId, connectionId }, lease.credentials);
      for (
        let run = await this.store.startNextRun(cityId, connectionId);
        run;
        run = await this.store.startNextRun(cityId, connectionId)
      ) {
        const tally = new Tally();
        let error: string | null = null;
        try {
          if (run.trigger === 'push') await this.push(cityId, connection, run.payload, run.id, tally);
          else await this.pull(cityId, connection, credentials, highWater, run.id, tally);
          if (run.trigger !== 'push' && tally.highWater) highWater = tally.highWater;
        } catch (failure) {
          if (!(failure instanceof PullFailed))
            this.logger.error({ err: failure, cityId, connectionId }, 'Collection run failed');
          error =
            failure instanceof PullFailed
              ? failure.message
              : 'the run failed; it is retried at the next pull';
        }
        await this.store.finishRun(cityId, run.id, tally, error);
      }
    } finally {
      await this.store.release(cityId, connectionId, highWater);
    }
  }

  private async pull(
    cityId: CityId,
    connection: ConnectionRow,
    credentials: ConnectionCredentials,
    since: string | null,
    runId: string,
    tally: Tally,
  ): Promise<void> {
    const dimensions = await this.dimensions(cityId, connection);
    for await (const page of this.clients.pages(connection, credentials, since)) {
      for (let i = 0; i < page.unreadable; i++) tally.reject('', 'an entry without a submission id');
      // A few at a time: a page names each logical id once, so they never race for the same record.
      for (let i = 0; i < page.submissions.length; i += PARALLEL) {
        const batch = page.submissions.slice(i, i + PARALLEL);
        await Promise.all(
          batch.map((submission) => this.one(cityId, connection, dimensions, submission, runId, tally)),
        );
      }
      for (const { changedAt: at } of page.submissions)
        if (at && (!tally.highWater || at > tally.highWater)) tally.highWater = at;
    }
  }

  private async push(
    cityId: CityId,
    connection: ConnectionRow,
    payload: unknown,
    runId: string,
    tally: Tally,
  ) {
    const submission =
      payload && typeof payload === 'object' ? fromKoboRecord(payload as Record<string, unknown>) : null;
    if (!submission) return tally.reject('', 'the push carried no submission id (meta/instanceID or _uuid)');
    await this.one(cityId, connection, await this.dimensions(cityId, connection), submission, runId, tally);
  }

  private async one(
    cityId: CityId,
    connection: ConnectionRow,
    dimensions: Awaited<ReturnType<PullRunner['dimensions']>>,
    submission: ExternalSubmission,
    runId: string,
    tally: Tally,
  ) {
    const outcome = await this.ingest.ingest(cityId, connection, dimensions, submission, runId);
    if (outcome.kind === 'rejected') tally.reject(submission.logicalId, outcome.reason);
    else tally[outcome.kind]++;
  }

  private async dimensions(cityId: CityId, connection: ConnectionRow) {
    const dimensions = await this.references.dimensions(cityId, connection.indicatorId);
    if (!dimensions) throw new PullFailed('the connected indicator no longer exists');
    return dimensions;
  }
}
