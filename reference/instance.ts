import type { ActiveFaults } from "./faults";
import { Router } from "./http/router";
import type { ModuleSwitches } from "./module-switches";
import { RateLimiter } from "./rate-limit";
import { ROUTES } from "./routes";
import type { FreshPortal, Store } from "./store/model";
import { seedStore } from "./store/seed";
import type { ActiveVariants } from "./variants";

/** Everything one running reference owns: its own store, sessions and rate-limit log. */
export interface Instance {
  prefix: string;
  faults: ActiveFaults;
  variants: ActiveVariants;
  maxBodyBytes: number;
  modules: ModuleSwitches;
  store: Store;
  router: Router;
  limiter: RateLimiter;
}

export interface InstanceSettings {
  prefix: string;
  faults: ActiveFaults;
  variants: ActiveVariants;
  maxBodyBytes: number;
  modules: ModuleSwitches;
  rateLimit: { limit: number; windowSeconds: number };
  fresh?: FreshPortal;
}

export function createInstance(settings: InstanceSettings): Instance {
  return {
    prefix: settings.prefix,
    faults: settings.faults,
    variants: settings.variants,
    maxBodyBytes: settings.maxBodyBytes,
    modules: settings.modules,
    store: seedStore(settings.fresh),
    router: new Router(ROUTES),
    limiter: new RateLimiter(settings.rateLimit.limit, settings.rateLimit.windowSeconds, settings.faults),
  };
}
