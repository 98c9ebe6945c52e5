import type { Translate } from "./i18n/context";
import { isMessageKey } from "./i18n/messages";

/** The specialities the search offers, as the platform spells them. */
export const SPECIALTIES = [
  "cardiology",
  "dermatology",
  "general practice",
  "paediatrics",
  "physiotherapy",
  "orthopaedics",
  "gynaecology",
  "psychiatry",
] as const;

/** A doctor's speciality in the reader's language; one the app has no word for, as the clinic wrote it. */
export function specialtyName(specialization: string, t: Translate): string {
  const key = "specialty." + specialization.trim().toLowerCase().replace(/ /g, "_");
  return isMessageKey(key) ? t(key) : specialization;
}
