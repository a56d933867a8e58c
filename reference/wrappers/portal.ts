import type { Portal } from "../store/model";
import { formatPlainDate } from "../wire/api-date";
import type { JsonObject } from "../wire/json-value";

/**
 * The raw Tenant object `GET portal` returns: not a DataContract, so every public property is
 * present (nulls included) and dates are plain Json.NET DateTimes (facts §7).
 */
export function tenant(portal: Portal, host: string): JsonObject {
  const created = formatPlainDate(portal.created);
  return {
    tenantId: portal.tenantId,
    tenantAlias: portal.tenantAlias,
    mappedDomain: null,
    version: 2,
    versionChanged: created,
    tenantDomain: host,
    hostedRegion: null,
    name: portal.name,
    language: portal.language,
    timeZone: {
      id: "UTC",
      displayName: "(UTC) Coordinated Universal Time",
      standardName: "Coordinated Universal Time",
      daylightName: "Coordinated Universal Time",
      baseUtcOffset: "00:00:00",
      supportsDaylightSavingTime: false,
    },
    trustedDomains: [],
    trustedDomainsType: 0,
    ownerId: portal.ownerId,
    createdDateTime: created,
    lastModified: created,
    status: 0,
    statusChangeDate: created,
    partnerId: null,
    affiliateId: null,
    campaign: null,
    paymentId: null,
    industry: 0,
    spam: false,
    calls: true,
  };
}
