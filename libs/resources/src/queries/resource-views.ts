import { ResourceView } from '../resource.view';
import { ResourceDetails, ResourceStatus } from '../domain/resource.events';
import { ResourceRecord } from '../persistence/resource.entity';

interface ResourceAt {
  id: string;
  offeredBy: string;
  details: ResourceDetails;
  status: ResourceStatus;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

// The view of a resource, from its state at an instant or its read-model row alike.
export const toResourceView = ({
  id,
  offeredBy,
  details,
  status,
  version,
  createdAt,
  updatedAt,
}: ResourceAt): ResourceView => ({
  id,
  ...details,
  offeredBy,
  status,
  version,
  createdAt: createdAt.toISOString(),
  updatedAt: updatedAt.toISOString(),
});

export const rowView = (row: ResourceRecord): ResourceView => {
  const { tenantId: _, id, offeredBy, status, version, createdAt, updatedAt, ...details } = row;
  return toResourceView({ id, offeredBy, details, status, version, createdAt, updatedAt });
};
