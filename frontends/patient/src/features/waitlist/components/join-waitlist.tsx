import { Alert, Button, formatLocalDate } from "@illajwala/ui";
import { Link } from "react-router-dom";
import { describeError } from "../../../lib/errors";
import { useLanguage } from "../../../lib/i18n/context";
import { useJoinWaitlist } from "../api/waitlist";

/**
 * One click onto the waitlist for a doctor on one clinic day: any time that day, any way the
 * doctor sees patients. A seat that frees up is offered here, live, and held for the patient.
 */
export function JoinWaitlist({
  clinicId,
  doctorId,
  doctorName,
  date,
}: {
  clinicId: string;
  doctorId: string;
  doctorName: string;
  date: string;
}) {
  const { t, language } = useLanguage();
  const join = useJoinWaitlist();
  if (join.isSuccess) {
    return (
      <Alert tone="success" title={t("waitlist.joinedTitle")}>
        <p>
          {t("waitlist.joinedBody", {
            position: join.data.position ?? 1,
            name: doctorName,
            day: formatLocalDate(date, language),
          })}
        </p>
        <Link to="/appointments" className="mt-2 inline-block font-medium text-teal-900 underline">
          {t("waitlist.seeWaitlist")}
        </Link>
      </Alert>
    );
  }
  const alreadyWaiting = join.error !== null && describeError(join.error, t) === t("error.already_waiting");
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-800">{t("waitlist.pitch", { day: formatLocalDate(date, language) })}</p>
      {join.isError && <Alert tone={alreadyWaiting ? "info" : "error"}>{describeError(join.error, t)}</Alert>}
      <Button
        variant="secondary"
        busy={join.isPending}
        onClick={() => join.mutate({ clinicId, doctorId, from: date, to: date })}
      >
        {t("waitlist.join", { day: formatLocalDate(date, language, "short") })}
      </Button>
    </div>
  );
}
