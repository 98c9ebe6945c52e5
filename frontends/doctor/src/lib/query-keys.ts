/** Every query's key in one place, so a change invalidates exactly what it touched. */
export const queryKeys = {
  schedules: (doctorId: string) => ["schedule", doctorId] as const,
  schedule: (doctorId: string, date: string | null) => ["schedule", doctorId, date ?? "today"] as const,
  doctors: ["doctors"] as const,
  profile: (doctorId: string) => ["doctors", doctorId, "profile"] as const,
  clinics: ["clinics"] as const,
  availability: (doctorId: string, clinicId: string) => ["availability", doctorId, clinicId] as const,
};
