import { z } from "zod";

/**
 * Zod compiles object schemas with `new Function` when it can; the apps' Content-Security-Policy
 * allows no eval, so Zod is told not to try. Imported first by this package's index, and every
 * app imports this package before it builds a schema.
 */
z.config({ jitless: true });
