/** An IANA time zone name, checked against the zones this runtime knows. */
import { z } from 'zod';

export const timeZoneSchema = z.string().min(1).refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'is not a time zone this runtime knows; use an IANA name such as UTC or Europe/London');
