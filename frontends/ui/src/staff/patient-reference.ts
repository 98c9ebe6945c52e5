/**
 * How the staff apps name a patient: the platform keeps names and contact details in identity, out
 * of the board's and the waitlist's read models, so a short, stable reference of the patient's id
 * the front desk can match (the same on the board and in the waitlist).
 */
export function patientReference(entry: { patientId: string; dependentId?: string | null }): string {
  const reference = "Patient " + entry.patientId.slice(-6).toUpperCase();
  return entry.dependentId == null ? reference : reference + " (dependent)";
}
