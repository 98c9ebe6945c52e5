import { en } from "./en";
import { hi } from "./hi";

export type Language = "en" | "hi";
export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

export const catalogues: Record<Language, Messages> = { en, hi };

export function isMessageKey(key: string): key is MessageKey {
  return key in en;
}
