import { Injectable } from '@nestjs/common';
import { OutboundHttp } from '@rl/outbound';
import { ExternalSubmission, fromKoboRecord, fromOdkRow } from './answers';
import { ConnectionRow } from '../persistence/collection.store';
import { ConnectionCredentials, KoboCredentials, OdkCredentials } from '../persistence/credentials-cipher';

// Submissions per page asked of either platform, and the most a page's body may weigh.
export const PAGE_SIZE = 500;
const MAX_PAGE_BYTES = 32 * 1024 * 1024;

// A pull that cannot go on; its message is safe to show (no credentials, no response body).
export class PullFailed extends Error {}

export interface SubmissionPage {
  submissions: ExternalSubmission[];
  // Entries that were not submissions at all (no id): counted as rejected by the runner.
  unreadable: number;
}

type Headers = Record<string, string>;

// ODK Central (OData) and KoboToolbox (v2 data API) as the pull reads them, every call through the
// guarded outbound client. Links to the next page must stay on the connection's own server.
@Injectable()
export class PlatformClients {
  constructor(private readonly http: OutboundHttp) {}

  pages(
    connection: ConnectionRow,
    credentials: ConnectionCredentials,
    since: string | null,
  ): AsyncGenerator<SubmissionPage> {
    return connection.kind === 'odk-central'
      ? this.odk(connection, credentials as OdkCredentials, since)
      : this.kobo(connection, credentials as KoboCredentials, since);
  }

  private async *odk(c: ConnectionRow, credentials: OdkCredentials, since: string | null) {
    const session = await this.json(c, `${c.serverUrl}/v1/sessions`, {}, JSON.stringify(credentials));
    const token = (session as { token?: unknown }).token;
    if (typeof token !== 'string') throw new PullFailed('ODK Central gave no session token');
    const [project, form] = c.formId.split('/');
    const query = new URLSearchParams({ $top: String(PAGE_SIZE) });
    if (since) query.set('$filter', `__system/submissionDate ge ${since} or __system/updatedAt ge ${since}`);
    let url: string | undefined =
      `${c.serverUrl}/v1/projects/${project}/forms/${encodeURIComponent(form)}.svc/Submissions?${query.toString()}`;
    while (url) {
      const body = (await this.json(c, url, { authorization: `Bearer ${token}` })) as Record<string, unknown>;
      yield readPage(body.value, fromOdkRow);
      url = this.nextLink(c, body['@odata.nextLink']);
    }
  }

  private async *kobo(c: ConnectionRow, credentials: KoboCredentials, since: string | null) {
    const query = new URLSearchParams({ format: 'json', limit: String(PAGE_SIZE) });
    if (since) query.set('query', JSON.stringify({ _submission_time: { $gte: since } }));
    let url: string | undefined = `${c.serverUrl}/api/v2/assets/${c.formId}/data/?${query.toString()}`;
    while (url) {
      const body = (await this.json(c, url, { authorization: `Token ${credentials.token}` })) as Record<
        string,
        unknown
      >;
      yield readPage(body.results, fromKoboRecord);
      url = this.nextLink(c, body.next);
    }
  }

  private nextLink(c: ConnectionRow, link: unknown): string | undefined {
    if (link === undefined || link === null) return undefined;
    const next =
      typeof link === 'string' && URL.canParse(link, c.serverUrl) ? new URL(link, c.serverUrl) : null;
    if (!next || next.origin !== new URL(c.serverUrl).origin)
      throw new PullFailed('the server named a next page on another server');
    return next.toString();
  }

  private async json(c: ConnectionRow, url: string, headers: Headers, body?: string): Promise<unknown> {
    const result = await this.http.send({
      method: body === undefined ? 'GET' : 'POST',
      url,
      headers: {
        accept: 'application/json',
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...headers,
      },
      body,
      maxBodyBytes: MAX_PAGE_BYTES,
    });
    const server = new URL(c.serverUrl).host;
    if (result.kind === 'failed') throw new PullFailed(`${server} could not be reached (${result.failure})`);
    if (result.status === 401 || result.status === 403)
      throw new PullFailed(`${server} refused the credentials (${result.status})`);
    if (result.status !== 200) throw new PullFailed(`${server} answered ${result.status}`);
    if (result.body.length >= MAX_PAGE_BYTES)
      throw new PullFailed(`a page from ${server} is larger than 32 MiB`);
    try {
      return JSON.parse(result.body.toString('utf8')) as unknown;
    } catch {
      throw new PullFailed(`${server} answered with something that is not JSON`);
    }
  }
}

function readPage(
  entries: unknown,
  read: (entry: Record<string, unknown>) => ExternalSubmission | null,
): SubmissionPage {
  if (!Array.isArray(entries)) throw new PullFailed('the server answered without a list of submissions');
  const submissions: ExternalSubmission[] = [];
  let unreadable = 0;
  for (const entry of entries) {
    const submission =
      entry !== null && typeof entry === 'object' ? read(entry as Record<string, unknown>) : null;
    if (submission) submissions.push(submission);
    else unreadable++;
  }
  return { submissions, unreadable };
}
