/** What the core pushes to every face: each event's name is also its IPC channel. */
import { modelInfo, trainingState } from './views.ts';
import { z } from './zod.ts';

/** A pipeline step's news: started, advanced (`done` of `total`), finished, or skipped and why. */
export const pipelineProgress = z.object({
  step: z.enum(['catalog', 'crawl', 'ratings', 'training']),
  status: z.enum(['started', 'progress', 'done', 'skipped']),
  message: z.string(),
  done: z.number().optional(),
  total: z.number().optional(),
});
export type PipelineProgress = z.infer<typeof pipelineProgress>;

export const events = {
  'training:progress': trainingState,
  'model:ready': modelInfo,
  'pipeline:progress': pipelineProgress,
} as const;

export type EventName = keyof typeof events;
export type EarshotEvents = { [E in EventName]: z.output<(typeof events)[E]> };

export const eventNames = Object.keys(events) as readonly EventName[];

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(events, value);
}
