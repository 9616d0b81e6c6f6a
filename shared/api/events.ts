/** Pushes from the backend to the UI: a typed event map. */
export interface PushEvents {
  /** Progress of a long operation (import of many bundles, demo data, exports). */
  'task.progress': { taskId: string; label: string; done: number; total: number };
}

export type PushEventName = keyof PushEvents;
export type PushMessage = { [E in PushEventName]: { event: E; payload: PushEvents[E] } }[PushEventName];
