import { parse, validateDetailed, type ParsedFields } from 'node-cron';

export type CronCheck = { ok: true; fields: ParsedFields } | { ok: false; error: string };

/**
 * Validates a cron expression with node-cron's own parser, so whatever a subscription accepts is
 * exactly what the scheduler can run. The error names the field that is wrong.
 */
export function checkCron(expression: string): CronCheck {
  const text = expression.trim().replace(/\s+/g, ' ');
  let result;
  try {
    result = validateDetailed(text);
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  if (!result.valid) {
    return { ok: false, error: result.errors[0]?.message ?? 'invalid cron expression' };
  }
  return { ok: true, fields: result.fields ?? parse(text) };
}

export type { ParsedFields };
