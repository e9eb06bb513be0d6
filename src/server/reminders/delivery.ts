import type { AppContext } from '../core/context.js';
import { AppError } from '../core/errors.js';
import { newId } from '../core/ids.js';
import type { ReminderDeliveriesTable } from '../db/schema.js';
import type { MailMessage } from '../mail/mailer.js';
import { reminderRepository } from './repository.js';

export interface Delivery {
  /** Unique per mail ever meant to be sent. */
  key: string;
  kind: ReminderDeliveriesTable['kind'];
  personId: string;
  projectId: string | null;
}

export type DeliveryOutcome = 'sent' | 'failed' | 'delivered_before';

/**
 * Sends a mail at most once per delivery key, across runs, restarts and instances. The delivery
 * row is inserted before the mail is sent, and only the caller whose insert took the row sends. A
 * process that dies between the insert and the send leaves a row without `sent_at`, and that mail
 * is never sent, rather than risk sending it twice. A send that fails with an error the app sees
 * (the SMTP server refused or could not be reached) gives its row back, so a later try may send it.
 */
export async function deliverOnce(
  context: AppContext,
  delivery: Delivery,
  mail: MailMessage,
): Promise<DeliveryOutcome> {
  const id = newId();
  const claimed = await reminderRepository.claimDelivery(context.db, {
    id,
    delivery_key: delivery.key,
    kind: delivery.kind,
    person_id: delivery.personId,
    project_id: delivery.projectId,
    created_at: context.clock.now().toISOString(),
    sent_at: null,
  });
  if (!claimed) return 'delivered_before';
  try {
    await context.mailer.send(mail);
  } catch (error) {
    await reminderRepository.unclaimDelivery(context.db, id);
    // The mailer has logged why the server refused; anything else is for the caller to log.
    if (!(error instanceof AppError)) throw error;
    return 'failed';
  }
  await reminderRepository.markSent(context.db, id, context.clock.now().toISOString());
  return 'sent';
}
