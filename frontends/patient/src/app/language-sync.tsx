import { useCallback, useEffect, useRef } from "react";
import { useLanguage } from "../lib/i18n/context";
import type { Language } from "../lib/i18n/messages";
import { useProfile } from "../lib/profile";
import { useSession } from "../lib/session";
import { useUpdateProfile } from "../features/profile/api/profile";

/** When a patient signs in, the app speaks the language of their profile. */
export function LanguageSync() {
  const state = useSession();
  const profile = useProfile();
  const { setLanguage } = useLanguage();
  const adoptedFor = useRef<string | null>(null);
  const user = state.status === "signed-in" ? state.user.id : null;
  useEffect(() => {
    const language = profile.data?.notificationPreferences.language;
    if (user !== null && adoptedFor.current !== user && (language === "en" || language === "hi")) {
      adoptedFor.current = user;
      setLanguage(language);
    }
  }, [user, profile.data, setLanguage]);
  return null;
}

/** Switches the app's language and, for a signed-in patient, their profile's (so messages follow). */
export function useSwitchLanguage(): (language: Language) => void {
  const { setLanguage } = useLanguage();
  const profile = useProfile();
  const update = useUpdateProfile();
  return useCallback(
    (language: Language) => {
      setLanguage(language);
      const preferences = profile.data?.notificationPreferences;
      if (preferences !== undefined && preferences.language !== language) {
        update.mutate({ notificationPreferences: { channels: preferences.channels, language } });
      }
    },
    [setLanguage, profile.data, update],
  );
}
