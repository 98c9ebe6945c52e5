import { Button, Field, Input, NativeSelect } from "@illajwala/ui";
import { useId, useState, type FormEvent } from "react";
import { useClinics } from "../../../lib/clinics";
import { useLanguage } from "../../../lib/i18n/context";
import { SPECIALTIES, specialtyName } from "../../../lib/specialties";
import { FILTERS, type Filters } from "../api/search-doctors";

const LANGUAGES = ["en", "hi", "bn", "ta", "te", "kn", "mr", "ur"];

/**
 * The search form. On a phone the text search is shown and the other filters fold away behind a
 * button; on a wider screen they are all shown.
 */
export function SearchFilters({ filters, onApply }: { filters: Filters; onApply: (filters: Filters) => void }) {
  const { t, language } = useLanguage();
  const [draft, setDraft] = useState<Filters>(filters);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const clinics = useClinics();
  const cities = [...new Set((clinics.data ?? []).map((clinic) => clinic.address.city))].sort();
  const languageNames = new Intl.DisplayNames([language === "hi" ? "hi-IN" : "en-IN"], { type: "language" });

  const set = (name: keyof Filters) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [name]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ ...draft, page: "" });
  };
  const clear = () => {
    const empty = Object.fromEntries(FILTERS.map((name) => [name, ""])) as Filters;
    setDraft(empty);
    onApply(empty);
  };
  const today = new Date().toISOString().slice(0, 10);

  return (
    <form role="search" aria-label={t("search.formLabel")} onSubmit={submit} className="space-y-4">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <Field label={t("search.text")} className="flex-1">
          {(control) => (
            <Input
              {...control}
              type="search"
              value={draft.q ?? ""}
              onChange={set("q")}
              placeholder={t("search.textPlaceholder")}
            />
          )}
        </Field>
        <Button type="submit">{t("search.submit")}</Button>
        <Button
          variant="secondary"
          className="sm:hidden"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen(!open)}
        >
          {open ? t("search.hideFilters") : t("search.showFilters")}
        </Button>
      </div>
      <div id={panelId} className={(open ? "grid" : "hidden") + " gap-3 sm:grid sm:grid-cols-2 lg:grid-cols-4"}>
        <Field label={t("search.specialty")}>
          {(control) => (
            <NativeSelect {...control} value={draft.specialty ?? ""} onChange={set("specialty")}>
              <option value="">{t("search.any")}</option>
              {SPECIALTIES.map((specialty) => (
                <option key={specialty} value={specialty}>
                  {specialtyName(specialty, t)}
                </option>
              ))}
            </NativeSelect>
          )}
        </Field>
        <Field label={t("search.city")}>
          {(control) => (
            <NativeSelect {...control} value={draft.city ?? ""} onChange={set("city")}>
              <option value="">{t("search.any")}</option>
              {cities.map((city) => (
                <option key={city} value={city}>
                  {city}
                </option>
              ))}
            </NativeSelect>
          )}
        </Field>
        <Field label={t("search.clinic")}>
          {(control) => (
            <NativeSelect {...control} value={draft.clinicId ?? ""} onChange={set("clinicId")}>
              <option value="">{t("search.any")}</option>
              {(clinics.data ?? []).map((clinic) => (
                <option key={clinic.id} value={clinic.id}>
                  {clinic.name}, {clinic.address.city}
                </option>
              ))}
            </NativeSelect>
          )}
        </Field>
        <Field label={t("search.language")}>
          {(control) => (
            <NativeSelect {...control} value={draft.language ?? ""} onChange={set("language")}>
              <option value="">{t("search.any")}</option>
              {LANGUAGES.map((code) => (
                <option key={code} value={code}>
                  {languageNames.of(code) ?? code}
                </option>
              ))}
            </NativeSelect>
          )}
        </Field>
        <Field label={t("search.mode")}>
          {(control) => (
            <NativeSelect {...control} value={draft.mode ?? ""} onChange={set("mode")}>
              <option value="">{t("search.any")}</option>
              <option value="clinic">{t("mode.clinic")}</option>
              <option value="telehealth">{t("mode.telehealth")}</option>
              <option value="home_visit">{t("mode.home_visit")}</option>
            </NativeSelect>
          )}
        </Field>
        <Field label={t("search.date")}>
          {(control) => <Input {...control} type="date" min={today} value={draft.date ?? ""} onChange={set("date")} />}
        </Field>
        <Field label={t("search.minFee")}>
          {(control) => (
            <Input
              {...control}
              type="number"
              min={0}
              inputMode="numeric"
              value={draft.minFee ?? ""}
              onChange={set("minFee")}
            />
          )}
        </Field>
        <Field label={t("search.maxFee")}>
          {(control) => (
            <Input
              {...control}
              type="number"
              min={0}
              inputMode="numeric"
              value={draft.maxFee ?? ""}
              onChange={set("maxFee")}
            />
          )}
        </Field>
        <Field label={t("search.sort")}>
          {(control) => (
            <NativeSelect {...control} value={draft.sort ?? ""} onChange={set("sort")}>
              <option value="">{t("search.sortDefault")}</option>
              <option value="next_available">{t("search.sortNextAvailable")}</option>
              <option value="name">{t("search.sortName")}</option>
              <option value="fee">{t("search.sortFee")}</option>
              <option value="relevance">{t("search.sortRelevance")}</option>
            </NativeSelect>
          )}
        </Field>
        <div className="flex items-end gap-2">
          <Button type="submit" variant="secondary" className="flex-1">
            {t("search.apply")}
          </Button>
          <Button variant="ghost" onClick={clear}>
            {t("search.clear")}
          </Button>
        </div>
      </div>
    </form>
  );
}
