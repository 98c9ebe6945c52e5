import { Alert, Card, Skeleton, Tabs } from "@illajwala/ui";
import { useAccount } from "../../features/profile/api/profile";
import { DependentsSection } from "../../features/profile/components/dependents-section";
import { MedicalSummaryForm } from "../../features/profile/components/medical-summary-form";
import { PreferencesForm } from "../../features/profile/components/preferences-form";
import { describeError } from "../../lib/errors";
import { useT } from "../../lib/i18n/context";
import { useProfile } from "../../lib/profile";
import { usePageTitle } from "../use-page-title";

/** The patient's account, medical summary, dependents, and how and in which language they hear from clinics. */
export default function ProfilePage() {
  const t = useT();
  usePageTitle(t("profile.title"));
  const account = useAccount();
  const profile = useProfile();
  if (profile.isPending || account.isPending) {
    return <Skeleton className="h-64" />;
  }
  if (profile.isError || account.isError) {
    return <Alert tone="error">{describeError(profile.error ?? account.error, t)}</Alert>;
  }
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-slate-900">{t("profile.title")}</h1>
      <Tabs
        label={t("profile.title")}
        tabs={[
          {
            value: "details",
            title: t("profile.detailsTab"),
            content: (
              <div className="space-y-6">
                <Card as="section">
                  <h2 className="text-lg font-semibold text-slate-900">{t("profile.account")}</h2>
                  <dl className="mt-2 grid gap-1 text-sm sm:grid-cols-[8rem_1fr]">
                    <dt className="font-medium text-slate-700">{t("auth.name")}</dt>
                    <dd>{account.data.name ?? "—"}</dd>
                    <dt className="font-medium text-slate-700">{t("auth.email")}</dt>
                    <dd>{account.data.email ?? "—"}</dd>
                    <dt className="font-medium text-slate-700">{t("auth.phone")}</dt>
                    <dd>{account.data.phone ?? "—"}</dd>
                  </dl>
                </Card>
                <Card as="section">
                  <MedicalSummaryForm summary={profile.data.medicalHistorySummary} />
                </Card>
              </div>
            ),
          },
          {
            value: "dependents",
            title: t("profile.dependentsTab"),
            content: <DependentsSection dependents={profile.data.dependents} />,
          },
          {
            value: "preferences",
            title: t("profile.preferencesTab"),
            content: <PreferencesForm preferences={profile.data.notificationPreferences} />,
          },
        ]}
      />
    </div>
  );
}
