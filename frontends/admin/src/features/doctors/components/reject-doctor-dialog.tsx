import type { DoctorProfileDocument } from "@illajwala/api-client";
import { Alert, Button, describeError, Dialog, Field, Textarea } from "@illajwala/ui";
import { useState } from "react";
import { useDecideVerification } from "../api/doctors";

/** The platform's limit on a decision's note. */
export const MOST_NOTE_CHARACTERS = 500;

/**
 * Rejecting a doctor is not undone by a click: it is confirmed, with the reason the organisation
 * is given (kept with the decision).
 */
export function RejectDoctorDialog({
  doctor,
  onOpenChange,
}: {
  doctor: DoctorProfileDocument;
  onOpenChange: (open: boolean) => void;
}) {
  const decide = useDecideVerification();
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const reject = () => {
    const note = reason.trim();
    if (note === "") {
      setProblem("Say why, for the organisation that onboarded them.");
    } else if (note.length > MOST_NOTE_CHARACTERS) {
      setProblem(`Use at most ${String(MOST_NOTE_CHARACTERS)} characters.`);
    } else {
      decide.mutate({ doctorId: doctor.id, decision: "rejected", note }, { onSuccess: () => onOpenChange(false) });
    }
  };
  return (
    <Dialog
      open
      onOpenChange={onOpenChange}
      title={`Reject ${doctor.name}?`}
      description={`${doctor.tenantId} onboarded them with registration ${doctor.registrationNumber}. They will not be bookable.`}
    >
      <div className="space-y-4">
        <Field label="Reason" error={problem} hint="Shown to the organisation.">
          {(control) => (
            <Textarea
              {...control}
              rows={3}
              value={reason}
              onChange={(event) => {
                setReason(event.target.value);
                setProblem(undefined);
              }}
            />
          )}
        </Field>
        {decide.isError && <Alert tone="error">{describeError(decide.error)}</Alert>}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            Keep in the queue
          </Button>
          <Button variant="danger" busy={decide.isPending} onClick={reject}>
            Reject doctor
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
