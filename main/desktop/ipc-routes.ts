import { isDesktopMethodName, parseDesktopRequest } from '../core/contract/index.ts';
import type { AppService } from '../core/app/app-service.ts';
import type { RequestHandler } from './ipc.ts';
import type { Refresh } from './refresh.ts';
import type { SettingsService } from './settings.ts';

export interface RouteDeps {
  readonly service: Pick<AppService, 'handle'>;
  readonly settings: Pick<SettingsService, 'handle'>;
  readonly refresh: Pick<Refresh, 'run' | 'cancel'>;
}

/**
 * Where the window's calls are answered: the contract's methods by the app service (as in every
 * face), settings by the settings service, Refresh data by the refresh. Each validates its
 * request before it acts, and every answer is a `Result`.
 */
export function createRequestRouter(deps: RouteDeps): RequestHandler {
  return async (method, request) => {
    if (!isDesktopMethodName(method)) return deps.service.handle(method, request);
    if (method !== 'refreshData' && method !== 'cancelRefresh')
      return deps.settings.handle(method, request);
    const parsed = parseDesktopRequest(method, request);
    if (!parsed.ok) return { ok: false, error: parsed.error };
    return method === 'refreshData'
      ? deps.refresh.run()
      : { ok: true, value: deps.refresh.cancel() };
  };
}
