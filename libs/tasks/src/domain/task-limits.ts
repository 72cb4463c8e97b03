// Bounds of a task's content, checked by the decider (whoever sends the command) and read by the DTOs.
export const TASK_LIMITS = { title: 200, description: 4_000, links: 50 } as const;
