import { ApiError, type SlotView } from "@illajwala/api-client";
import { Alert, Button, Card, Skeleton } from "@illajwala/ui";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router-dom";
import { SlotPicker } from "../../components/slot-picker";
import { StickyActions } from "../../components/sticky-actions";
import { useHoldSlot } from "../../features/booking/api/hold-slot";
import { SlotTakenNotice } from "../../features/booking/components/slot-taken-notice";
import { DoctorHeader } from "../../features/doctors/components/doctor-header";
import { JoinWaitlist } from "../../features/waitlist/components/join-waitlist";
import { useClinic } from "../../lib/clinics";
import { useDoctor, useDoctorSlots } from "../../lib/doctors";
import { describeError } from "../../lib/errors";
import { useT } from "../../lib/i18n/context";
import { queryKeys } from "../../lib/query-keys";
import { useSession } from "../../lib/session";
import { usePageTitle } from "../use-page-title";

/**
 * A doctor's profile and their times. Choosing one holds it for the patient (signing in first if
 * need be); a time someone else took meanwhile is explained, with other times and the waitlist.
 */
export default function DoctorPage() {
  const { doctorId = "" } = useParams();
  const t = useT();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const state = useSession();
  const queries = useQueryClient();
  const doctor = useDoctor(doctorId);
  const slots = useDoctorSlots(doctorId);
  const clinic = useClinic(slots.data?.[0]?.clinicId ?? doctor.data?.clinicIds[0]);
  const hold = useHoldSlot();
  const [taken, setTaken] = useState<SlotView | null>(null);
  usePageTitle(doctor.data?.name ?? t("doctor.title"));

  const selectedId = params.get("slot");
  const selected = slots.data?.find((slot) => slot.slotId === selectedId) ?? null;
  const select = (slot: SlotView) => setParams({ slot: slot.slotId }, { replace: true });

  const proceed = () => {
    if (selected === null) {
      return;
    }
    if (state.status !== "signed-in") {
      // signed in or registered, the patient goes on to confirming this time, which holds it then
      void navigate("/sign-in", {
        state: { from: { pathname: `/doctors/${doctorId}/book/${selected.slotId}`, search: "" }, reason: "book" },
      });
      return;
    }
    setTaken(null);
    hold.mutate(selected.slotId, {
      onSuccess: () => void navigate(`/doctors/${doctorId}/book/${selected.slotId}`),
      onError: (error) => {
        if (error instanceof ApiError && (error.code === "slot_full" || error.code === "slot_unavailable")) {
          setTaken(selected);
          setParams({}, { replace: true });
          void queries.invalidateQueries({ queryKey: queryKeys.doctorSlots(doctorId) });
        }
      },
    });
  };

  if (doctor.isError) {
    return (
      <Alert tone="error" title={t("doctor.notFound")}>
        {describeError(doctor.error, t)} <Link to="/">{t("nav.search")}</Link>
      </Alert>
    );
  }
  if (doctor.isPending) {
    return <Skeleton className="h-40" />;
  }
  const timeZone = slots.data?.[0]?.timezone ?? clinic?.timezone ?? "UTC";
  return (
    <div className="space-y-6">
      <DoctorHeader doctor={doctor.data} clinic={clinic} />
      {taken !== null && (
        <SlotTakenNotice
          taken={taken}
          slots={slots.data ?? []}
          onPick={(slot) => {
            select(slot);
            setTaken(null);
          }}
          waitlist={
            <JoinWaitlist
              clinicId={taken.clinicId}
              doctorId={doctorId}
              doctorName={doctor.data.name}
              date={taken.localDate}
            />
          }
        />
      )}
      <Card as="section" className="space-y-4">
        <h2 className="text-lg font-semibold text-slate-900">{t("doctor.chooseTime")}</h2>
        {slots.isPending ? (
          <Skeleton className="h-32" />
        ) : slots.isError ? (
          <Alert tone="error">{describeError(slots.error, t)}</Alert>
        ) : (
          <SlotPicker
            slots={slots.data}
            timeZone={timeZone}
            selectedSlotId={selected?.slotId ?? null}
            onSelect={select}
            label={doctor.data.name}
          />
        )}
        {hold.isError && taken === null && <Alert tone="error">{describeError(hold.error, t)}</Alert>}
        <StickyActions>
          <Button onClick={proceed} disabled={selected === null} busy={hold.isPending} className="w-full sm:w-auto">
            {state.status === "signed-in" ? t("doctor.continue") : t("doctor.signInToBook")}
          </Button>
        </StickyActions>
      </Card>
    </div>
  );
}
