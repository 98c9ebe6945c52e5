/** Every query's key in one place, so a mutation invalidates exactly what it changed. */
export const queryKeys = {
  clinics: ["clinics"] as const,
  doctor: (doctorId: string) => ["doctors", doctorId] as const,
  doctorSlots: (doctorId: string) => ["doctors", doctorId, "slots"] as const,
  search: (params: Record<string, string>) => ["doctors", "search", params] as const,
  appointments: ["appointments"] as const,
  waitlist: ["waitlist", "mine"] as const,
  profile: ["patients", "me"] as const,
  account: ["auth", "me"] as const,
};
