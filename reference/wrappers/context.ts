import type { ActiveFaults } from "../faults";
import type { Store } from "../store/model";

/** What wrappers need besides the record: the store, the portal URL for absolute links, faults. */
export interface WrapContext {
  store: Store;
  /** Portal root as the client addressed it, ending with "/". */
  portalUrl: string;
  faults: ActiveFaults;
}
