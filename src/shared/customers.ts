import { z } from 'zod';
import { organisationNumberSchema } from './common.js';

export const createCustomerBodySchema = z.object({
  name: z.string().trim().min(2, 'Ange kundens namn').max(200, 'Namnet får vara högst 200 tecken'),
  organisationNumber: organisationNumberSchema,
});
export type CreateCustomerBody = z.input<typeof createCustomerBodySchema>;

export const customerSchema = z.object({
  id: z.string(),
  name: z.string(),
  organisationNumber: z.string(),
  createdAt: z.string(),
  projectCount: z.number().int(),
});
export type Customer = z.infer<typeof customerSchema>;

export const customerListSchema = z.object({ items: z.array(customerSchema) });
