/**
 * The window's Content Security Policy: only the app's own scripts and styles, no eval, no
 * inline code, no plugins, no frames, no forms; cover art from Spotify's image hosts. The built
 * page carries its own policy in a <meta> tag (vite.config.ts), which file:// pages rely on;
 * the shell adds this one as a header of the page's response as well (where `frame-ancestors`
 * counts). Every policy present is enforced, so the stricter of each directive wins.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https://i.scdn.co https://*.scdn.co https://*.spotifycdn.com",
  "connect-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The directives of a policy by name, for checks: `{ 'script-src': ["'self'"], … }`. */
export function parsePolicy(policy: string): ReadonlyMap<string, readonly string[]> {
  const directives = new Map<string, readonly string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name !== undefined && name !== '' && !directives.has(name))
      directives.set(name.toLowerCase(), values);
  }
  return directives;
}
