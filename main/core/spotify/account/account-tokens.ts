/** A signed-in Spotify account as Earshot keeps it: in the OS's secret store or an owner-only file. */
export interface AccountTokens {
  readonly clientId: string;
  readonly accessToken: string;
  readonly refreshToken: string;
  /** Unix milliseconds when the access token stops working. */
  readonly expiresAt: number;
  /** The scopes Spotify granted, space-separated. */
  readonly scope: string;
  readonly user: AccountUser;
}

export interface AccountUser {
  readonly id: string;
  readonly displayName: string;
}

export type VaultRead =
  | { readonly status: 'none' }
  | { readonly status: 'ok'; readonly tokens: AccountTokens }
  /** The tokens are there but cannot be read back (another OS key): sign in again. */
  | { readonly status: 'unreadable'; readonly message: string };

/**
 * Where a face keeps the signed-in account: the desktop app encrypts it with Electron's
 * `safeStorage`, the terminal and `earshot serve` write an owner-only file in the data folder.
 */
export interface TokenVault {
  read(): Promise<VaultRead>;
  write(tokens: AccountTokens): Promise<void>;
  clear(): Promise<void>;
  /** For people: where the tokens are kept, e.g. "the macOS Keychain". */
  readonly description: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Narrows what a vault read back; anything else is not a session Earshot wrote. */
export function isAccountTokens(value: unknown): value is AccountTokens {
  if (!isRecord(value) || !isRecord(value.user)) return false;
  const strings = ['clientId', 'accessToken', 'refreshToken', 'scope'] as const;
  return (
    strings.every((key) => typeof value[key] === 'string') &&
    typeof value.expiresAt === 'number' &&
    typeof value.user.id === 'string' &&
    typeof value.user.displayName === 'string'
  );
}
