/** Every query's key in one place, so a change invalidates exactly what it touched. */
export const queryKeys = {
  analytics: (filters: Record<string, string>) => ["analytics", filters] as const,
  clinics: ["clinics"] as const,
  doctors: ["doctors"] as const,
  members: ["staff"] as const,
  verificationQueue: ["doctors", "verification-queue"] as const,
  audit: (filters: Record<string, string>) => ["audit", filters] as const,
  waitlist: (status: string) => ["waitlist", status] as const,
  tenants: ["tenants"] as const,
};
