import { zodResolver } from "@hookform/resolvers/zod";
import { ApiError, type Booking, type ConsultationMode, type Dependent, type SlotView } from "@illajwala/api-client";
import { Alert, Button, Field, RadioGroup, Textarea } from "@illajwala/ui";
import { useMemo } from "react";
import { Controller, useForm } from "react-hook-form";
import { z } from "zod";
import { StickyActions } from "../../../components/sticky-actions";
import { describeError, placeFieldProblems } from "../../../lib/errors";
import type { Translate } from "../../../lib/i18n/context";
import { useT } from "../../../lib/i18n/context";
import { useBookAppointment } from "../api/book-appointment";

const SELF = "self";
export const MOST_REASON_CHARACTERS = 500;

export function confirmBookingSchema(t: Translate, modes: readonly ConsultationMode[]) {
  return z.object({
    forWhom: z.string().min(1, t("validation.forWhom")),
    mode: z
      .string()
      .refine((mode): mode is ConsultationMode => (modes as readonly string[]).includes(mode), t("validation.mode")),
    reason: z
      .string()
      .trim()
      .max(MOST_REASON_CHARACTERS, t("validation.tooLong", { max: MOST_REASON_CHARACTERS })),
    payment: z.enum(["at_clinic", "online"], { message: t("validation.payment") }),
  });
}

/** Seeing the doctor in person when the time allows it (what most patients book), else the first way offered. */
export function defaultMode(modes: readonly ConsultationMode[]): ConsultationMode | "" {
  return modes.includes("clinic") ? "clinic" : (modes[0] ?? "");
}

type Schema = ReturnType<typeof confirmBookingSchema>;
export type ConfirmBookingValues = z.input<Schema>;

/**
 * The booking's details: for the patient or one of their dependents, how they will see the
 * doctor, why (optional, seen only by the clinic), and how they will pay.
 */
export function ConfirmBookingForm({
  slot,
  dependents,
  onBooked,
  onTaken,
}: {
  slot: SlotView;
  dependents: Dependent[];
  onBooked: (booking: Booking) => void;
  onTaken: () => void;
}) {
  const t = useT();
  const modes = slot.modes;
  const schema = useMemo(() => confirmBookingSchema(t, modes), [t, modes]);
  const form = useForm<ConfirmBookingValues, unknown, z.output<Schema>>({
    resolver: zodResolver(schema),
    defaultValues: { forWhom: SELF, mode: defaultMode(modes), reason: "", payment: "at_clinic" },
  });
  const book = useBookAppointment();
  const errors = form.formState.errors;

  const submit = form.handleSubmit((values) =>
    book.mutate(
      {
        slotId: slot.slotId,
        mode: values.mode,
        payment: values.payment,
        ...(values.forWhom === SELF ? {} : { dependentId: values.forWhom }),
        ...(values.reason === "" ? {} : { reason: values.reason }),
      },
      {
        onSuccess: onBooked,
        onError: (error) => {
          if (error instanceof ApiError && (error.code === "slot_full" || error.code === "slot_unavailable")) {
            onTaken();
          } else if (error instanceof ApiError && error.code === "online_payment_unavailable") {
            form.setValue("payment", "at_clinic");
            form.setError("payment", { type: "server", message: t("error.online_payment_unavailable") });
          } else if (error instanceof ApiError && error.code === "mode_not_offered") {
            form.setError("mode", { type: "server", message: t("error.mode_not_offered") });
          } else {
            placeFieldProblems(error, ["reason", "mode"] as const, form.setError);
          }
        },
      },
    ),
  );
  const generalError =
    book.isError &&
    !(
      book.error instanceof ApiError &&
      ["slot_full", "slot_unavailable", "online_payment_unavailable", "mode_not_offered"].includes(book.error.code)
    );

  return (
    <form onSubmit={submit} noValidate className="space-y-6" aria-label={t("booking.detailsTitle")}>
      {generalError && <Alert tone="error">{describeError(book.error, t)}</Alert>}
      <Controller
        control={form.control}
        name="forWhom"
        render={({ field }) => (
          <RadioGroup
            legend={t("booking.forWhom")}
            name={field.name}
            value={field.value}
            onValueChange={field.onChange}
            error={errors.forWhom?.message}
            options={[
              { value: SELF, label: t("booking.forMe") },
              ...dependents.map((dependent) => ({
                value: dependent.id,
                label: dependent.name,
                description: t(`relationship.${dependent.relationship}` as "relationship.child"),
              })),
            ]}
          />
        )}
      />
      <Controller
        control={form.control}
        name="mode"
        render={({ field }) => (
          <RadioGroup
            legend={t("booking.mode")}
            name={field.name}
            value={field.value === "" ? undefined : field.value}
            onValueChange={field.onChange}
            error={errors.mode?.message}
            options={modes.map((mode) => ({
              value: mode,
              label: t(`mode.${mode}` as const),
              description: t(`mode.${mode}.description` as const),
            }))}
          />
        )}
      />
      <Field
        label={t("booking.reason")}
        hint={t("booking.reasonHint", { max: MOST_REASON_CHARACTERS })}
        error={errors.reason?.message}
      >
        {(control) => <Textarea {...control} rows={3} {...form.register("reason")} />}
      </Field>
      <Controller
        control={form.control}
        name="payment"
        render={({ field }) => (
          <RadioGroup
            legend={t("booking.payment")}
            name={field.name}
            value={field.value}
            onValueChange={field.onChange}
            error={errors.payment?.message}
            options={[
              { value: "at_clinic", label: t("payment.at_clinic"), description: t("payment.at_clinic.description") },
              { value: "online", label: t("payment.online"), description: t("payment.online.description") },
            ]}
          />
        )}
      />
      <StickyActions>
        <Button type="submit" busy={book.isPending} className="w-full sm:w-auto">
          {t("booking.confirm")}
        </Button>
      </StickyActions>
    </form>
  );
}
