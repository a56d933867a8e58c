import type { ModuleData } from "../generic/module-data";

// Drafted by scripts/draft-module.ts, then reviewed: plausible audit and login events, anonymous
// audit types and mappers ([Read(path, false)], workspace-api-facts.md §4).
const data: ModuleData = {
  module: "security",
  collections: {},
  values: {
    user: ["Anna Ivanova", "Oleg Petrov", "Maria Garcia"],
    login: ["anna@example.com", "oleg@example.com"],
    action: ["Login success", "File created", "User updated", "Logout"],
    ip: ["192.0.2.10", "198.51.100.24", "203.0.113.7"],
    browser: ["Chrome 120.0", "Firefox 121.0", "Safari 17.2"],
    platform: ["Windows 10", "Mac OS 14.2", "Linux"],
    page: ["https://portal.example.com/Products/Files/", "https://portal.example.com/Auth.aspx"],
    target: ["Report.docx", "Budget.xlsx"],
    // The names of the audit enums (ASC.AuditTrail.Types), as GET security/audit/types and mappers list them.
    actionType: ["Create", "Update", "Delete", "Login"],
    productType: ["Documents", "Projects", "CRM", "People"],
    moduleType: ["Files", "Folders", "Users", "Groups"],
    entryType: ["File", "Folder", "User", "Group"],
    // TenantAuditSettings: lifetimes in days.
    maxLifeTime: [180],
    loginHistoryLifeTime: [180, 90],
    auditTrailLifeTime: [180, 90],
  },
  routes: [
    { path: "security/audit/login/last" },
    { path: "security/audit/events/last" },
    { path: "security/audit/login/filter" },
    { path: "security/audit/events/filter" },
    { path: "security/audit/types", anonymous: true },
    {
      path: "security/audit/mappers",
      anonymous: true,
      builtIn: { madeBy: "install", source: "module/ASC.Api/ASC.Api.Security/SecurityApi.cs:248" },
    },
    { path: "security/activeconnections" },
    { path: "security/impersonate/{userId}" },
  ],
  settings: [
    // A portal whose audit lifetimes were shortened from the default (180 days, TenantAuditSettings.cs:47-48).
    {
      read: "security/audit/settings/lifetime",
      value: { maxLifeTime: 180, loginHistoryLifeTime: 90, auditTrailLifeTime: 90 },
      writes: [
        {
          method: "POST",
          path: "security/audit/settings/lifetime",
          from: {
            loginHistoryLifeTime: "settings[loginHistoryLifeTime]",
            auditTrailLifeTime: "settings[auditTrailLifeTime]",
          },
          replaces: true,
        },
      ],
    },
    // The default ImpersonationSettings (web/core/ASC.Web.Core/Utility/ImpersonationSettings.cs:70-73).
    {
      read: "security/impersonate/settings",
      value: {
        enabled: false,
        enableType: 0,
        onlyForOwnGroups: false,
        allowedAdmins: null,
        restrictionUsers: null,
        restrictionGroups: null,
      },
      writes: [
        {
          method: "PUT",
          path: "security/impersonate/settings",
          from: {
            enabled: "enable",
            enableType: "enableType",
            onlyForOwnGroups: "onlyForOwnGroups",
            allowedAdmins: "allowedAdmins[]",
            restrictionUsers: "restrictionUsers[]",
            restrictionGroups: "restrictionGroups[]",
          },
          replaces: true,
        },
      ],
    },
  ],
};

export default data;
