import type { DoctorProfileDocument } from "@illajwala/api-client";
import { Alert, Button, Card, describeError } from "@illajwala/ui";
import { useState } from "react";
import { useDecideVerification } from "../api/doctors";
import { RejectDoctorDialog } from "./reject-doctor-dialog";

/** Doctors awaiting a platform admin's decision, with what the decision rests on. */
export function VerificationQueue({ doctors }: { doctors: DoctorProfileDocument[] }) {
  const decide = useDecideVerification();
  const [rejecting, setRejecting] = useState<DoctorProfileDocument | null>(null);
  if (doctors.length === 0) {
    return <p data-testid="queue-empty">No doctors are waiting to be verified.</p>;
  }
  return (
    <div className="space-y-3">
      {decide.isError && <Alert tone="error">{describeError(decide.error)}</Alert>}
      <ul className="space-y-3">
        {doctors.map((doctor) => (
          <Card as="li" key={doctor.id}>
            <div data-testid="queued-doctor" data-doctor-id={doctor.id}>
              <h2 className="font-semibold">{doctor.name}</h2>
              <p className="text-sm text-slate-700">
                {doctor.specialization} · {doctor.qualifications.join(", ")} · registration {doctor.registrationNumber}
              </p>
              <p className="text-sm text-slate-600">
                {doctor.tenantId} · onboarded {new Date(doctor.createdAt).toLocaleDateString("en-IN")}
              </p>
              <div className="mt-2 flex gap-2">
                <Button
                  size="sm"
                  busy={decide.isPending}
                  onClick={() => decide.mutate({ doctorId: doctor.id, decision: "verified" })}
                  aria-label={`Verify ${doctor.name}`}
                >
                  Verify
                </Button>
                <Button
                  size="sm"
                  variant="danger"
                  disabled={decide.isPending}
                  onClick={() => setRejecting(doctor)}
                  aria-label={`Reject ${doctor.name}`}
                >
                  Reject…
                </Button>
              </div>
            </div>
          </Card>
        ))}
      </ul>
      {rejecting !== null && <RejectDoctorDialog doctor={rejecting} onOpenChange={() => setRejecting(null)} />}
    </div>
  );
}
