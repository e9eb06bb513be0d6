import { z } from 'zod';

export const calendarFeedSchema = z.object({
  /** The secret address to subscribe to; renewing it makes the old one stop working. */
  url: z.string(),
});
export type CalendarFeed = z.infer<typeof calendarFeedSchema>;

/** The secret of a feed's address; anything unknown answers 404, malformed or not. */
export const calendarFeedParamsSchema = z.object({ secret: z.string() });
