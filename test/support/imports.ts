import request from 'supertest';
import { ApiHarness, Session } from './api-harness';

export interface ImportState {
  id: string;
  status: 'queued' | 'running' | 'done' | 'rejected';
  progress: { rows: number; percent: number };
  report: Record<string, unknown> | null;
  error: { code: string; detail: string; errors: { field: string; message: string }[] } | null;
}

// The outcome of a POST …/imports that answered 202 {id}: GET …/imports/:id polled until the worker has
// finished it.
export async function importOutcome(
  api: ApiHarness,
  session: Session,
  citySlug: string,
  response: request.Response,
  timeoutMs = 60_000,
): Promise<ImportState> {
  if (response.status !== 202) throw new Error(`Expected 202, got ${response.status}: ${response.text}`);
  const id = (response.body as { id: string }).id;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await api.http
      .get(`/v1/cities/${citySlug}/imports/${id}`)
      .auth(session.accessToken, { type: 'bearer' })
      .expect(200);
    const state = res.body as ImportState;
    if (state.status === 'done' || state.status === 'rejected') return state;
    if (Date.now() > deadline) throw new Error(`Import ${id} still ${state.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
