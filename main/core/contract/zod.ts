import * as z from 'zod';

// Zod compiles object parsers with `new Function` unless told not to. The page's Content
// Security Policy forbids eval, and a refused eval is a console error in every window; the
// requests it would speed up are a few fields each.
z.config({ jitless: true });

/** Zod, configured once for every schema of the contract. */
export { z };
