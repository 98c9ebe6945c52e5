import { z } from "zod";
import type { Translate } from "../../lib/i18n/context";

/** E.164, as the platform checks it: +, country code, number, no spaces. */
export const PHONE_PATTERN = /^\+[1-9][0-9]{7,14}$/;

export function signInSchema(t: Translate) {
  return z.object({
    email: z
      .string()
      .trim()
      .min(1, t("validation.emailRequired"))
      .pipe(z.email(t("validation.email"))),
    password: z.string().min(1, t("validation.passwordRequired")),
  });
}

export function registerSchema(t: Translate) {
  return z
    .object({
      name: z
        .string()
        .trim()
        .min(1, t("validation.nameRequired"))
        .max(120, t("validation.tooLong", { max: 120 })),
      email: z
        .string()
        .trim()
        .min(1, t("validation.emailRequired"))
        .pipe(z.email(t("validation.email"))),
      phone: z
        .string()
        .trim()
        .refine((value) => value === "" || PHONE_PATTERN.test(value), t("validation.phone")),
      password: z
        .string()
        .min(10, t("validation.passwordLength", { min: 10 }))
        .max(128, t("validation.tooLong", { max: 128 })),
      confirmPassword: z.string(),
    })
    .refine((values) => values.password === values.confirmPassword, {
      message: t("validation.passwordsDiffer"),
      path: ["confirmPassword"],
    });
}

export function phoneSchema(t: Translate) {
  return z.object({
    phone: z.string().trim().min(1, t("validation.phoneRequired")).regex(PHONE_PATTERN, t("validation.phone")),
  });
}

export function codeSchema(t: Translate) {
  return z.object({
    code: z
      .string()
      .trim()
      .regex(/^[0-9]{6}$/, t("validation.code")),
  });
}
