import { z } from "zod";
import type { Translate } from "../../lib/i18n/context";

export const RELATIONSHIPS = ["child", "parent", "spouse", "sibling", "other"] as const;
export const CHANNELS = ["email", "sms", "whatsapp"] as const;

export function dependentSchema(t: Translate, today: string) {
  return z.object({
    name: z
      .string()
      .trim()
      .min(1, t("validation.nameRequired"))
      .max(120, t("validation.tooLong", { max: 120 })),
    relationship: z.enum(RELATIONSHIPS, { message: t("validation.relationship") }),
    dateOfBirth: z
      .string()
      .min(1, t("validation.dateOfBirthRequired"))
      .refine((date) => date < today, t("validation.dateOfBirthPast")),
  });
}

export function preferencesSchema(t: Translate) {
  return z.object({
    channels: z.array(z.enum(CHANNELS)).min(1, t("validation.channels")),
    language: z.enum(["en", "hi"]),
  });
}

export function medicalSummarySchema(t: Translate) {
  return z.object({
    medicalHistorySummary: z.string().max(2000, t("validation.tooLong", { max: 2000 })),
  });
}
