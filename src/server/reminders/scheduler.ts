import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../core/context.js';
import { runReminders } from './service.js';

export interface Scheduler {
  /** Stops the timer and waits for a run in progress to finish. */
  stop(): Promise<void>;
}

/**
 * Calls `run` every `intervalMs`, never twice at once in this process: a tick that comes while a
 * run is still going is skipped. The timer does not keep the process alive.
 */
export function startRepeating(
  run: () => Promise<void>,
  intervalMs: number,
  onError: (error: unknown) => void,
): Scheduler {
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = run()
      .catch(onError)
      .finally(() => {
        running = undefined;
      });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

/** Runs the reminder job every `REMINDER_INTERVAL_SECONDS`; 0 turns it off. */
export function startReminderScheduler(context: AppContext, log: FastifyBaseLogger): Scheduler {
  const seconds = context.config.reminderIntervalSeconds;
  if (seconds === 0) return { stop: async () => {} };
  return startRepeating(
    async () => {
      const run = await runReminders(context);
      if (run.sent > 0 || run.failed > 0)
        log.info(run, `påminnelser: ${run.sent} skickade, ${run.failed} misslyckades`);
    },
    seconds * 1000,
    (error) => log.error({ err: error }, 'påminnelsejobbet misslyckades'),
  );
}
