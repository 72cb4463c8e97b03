import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { CataloguedError } from '@rl/kernel';
import { STATUS_OF } from './problem.filter';

type ErrorDoc = Pick<CataloguedError, 'kind' | 'code' | 'message'>;

// The stale If-Match every aggregate answers with (streamConflict in @rl/event-store).
export const versionConflict = (aggregate: string): ErrorDoc => ({
  kind: 'conflict',
  code: `${aggregate}.VERSION_CONFLICT`,
  message: 'If-Match is not the current version; the problem carries currentVersion',
});

// One problem+json response per status, its description listing the codes the route can answer with.
// Codes and texts come from the context's errors file, so the docs and the code cannot drift apart.
export function ApiErrors(...errors: ErrorDoc[]) {
  const byStatus = new Map<number, string[]>();
  for (const { kind, code, message } of errors) {
    const status = STATUS_OF[kind];
    byStatus.set(status, [...(byStatus.get(status) ?? []), `${code}: ${message}`]);
  }
  return applyDecorators(
    ...[...byStatus].map(([status, lines]) => ApiResponse({ status, description: lines.join('; ') })),
  );
}
