import { tenant } from "../wrappers/portal";
import { anonymous, authenticated, type Route } from "./route";

/** Portal-wide facts: build versions and sign-in capabilities (anonymous), the tenant itself. */
export const settingsRoutes: Route[] = [
  anonymous("GET", "settings/version/build", () => ({
    outcome: "read",
    response: { communityServer: "12.7.1", documentServer: "8.2.2" },
  })),
  anonymous("GET", "capabilities", () => ({
    outcome: "read",
    response: { ldapEnabled: false, oauthEnabled: false, providers: [], ssoLabel: "", ssoUrl: "" },
  })),
  authenticated("GET", "portal", ({ store, host }) => ({
    outcome: "read",
    response: tenant(store.portal, host),
  })),
];
