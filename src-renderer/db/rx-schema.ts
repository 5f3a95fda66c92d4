// RxDB collection schemas generated from the same zod schemas that validate documents on the wire,
// so a field cannot be added on one side and forgotten on the other.
import type { RxJsonSchema } from 'rxdb';
import { z } from 'zod';

export function rxSchemaFromZod<T = Record<string, unknown>>(
  schema: z.ZodType,
  options: { version: number; indexes?: (string | string[])[] },
): RxJsonSchema<T> {
  const json = z.toJSONSchema(schema, { target: 'draft-7' }) as Record<string, unknown>;
  // RxDB adds its own bookkeeping fields (_deleted, _rev, _meta, _attachments) to every document.
  const { $schema: _ignored, additionalProperties: _strict, ...rest } = json;
  return {
    ...rest,
    version: options.version,
    primaryKey: 'id',
    type: 'object',
    indexes: options.indexes ?? [],
  } as unknown as RxJsonSchema<T>;
}
