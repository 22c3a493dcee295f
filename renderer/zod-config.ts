/**
 * Must be the first import of main.tsx. zod 4 decides at schema construction (module load of
 * shared/ipc/schemas) whether to compile fast parsers with `new Function`; under our CSP (no
 * 'unsafe-eval') that probe is blocked and Chromium reports a violation. Configured jitless before
 * any schema exists, zod never probes and uses its interpreted parser, ample for form-sized input.
 */
import { z } from 'zod';

z.config({ jitless: true });
