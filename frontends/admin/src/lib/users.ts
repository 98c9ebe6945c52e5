import type { AccountView } from "@illajwala/api-client";

/** Platform admins sign in at admin.…; an organisation's admins at the organisation's own address. */
export const isPlatformAdmin = (user: AccountView) => user.role === "admin" && user.tenantId === "platform";
export const isTenantAdmin = (user: AccountView) => user.role === "admin" && user.tenantId !== "platform";
