import { TaskState } from '../domain/task.decider';
import { TaskRow } from '../projections/tasks.projection';
import { TaskView } from '../task.view';

export const toTaskView = ({ due, createdAt, updatedAt, ...row }: TaskRow): TaskView => ({
  ...row,
  due: new Date(due).toISOString(),
  createdAt: new Date(createdAt).toISOString(),
  updatedAt: new Date(updatedAt).toISOString(),
});

// A task as it was, from its events: the same view as the read model's row.
export const pastTaskView = (
  state: Extract<TaskState, { exists: true }>,
  at: { version: number; createdAt: Date; updatedAt: Date },
): TaskView => {
  const { exists: _, taskId, ...task } = state;
  return {
    id: taskId,
    ...task,
    version: at.version,
    createdAt: at.createdAt.toISOString(),
    updatedAt: at.updatedAt.toISOString(),
  };
};
