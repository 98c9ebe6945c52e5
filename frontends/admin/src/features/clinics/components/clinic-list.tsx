import type { ClinicDocument } from "@illajwala/api-client";
import { Card } from "@illajwala/ui";

export function ClinicList({ clinics }: { clinics: ClinicDocument[] }) {
  if (clinics.length === 0) {
    return <p>No clinics yet.</p>;
  }
  return (
    <ul className="grid gap-3 md:grid-cols-2">
      {clinics.map((clinic) => (
        <Card as="li" key={clinic.id}>
          <h2 className="font-semibold">{clinic.name}</h2>
          <p className="text-sm text-slate-700">
            {clinic.address.line1}, {clinic.address.city} · {clinic.timezone}
          </p>
          <p className="text-sm text-slate-700">
            {clinic.contact.email} · {clinic.contact.phone}
          </p>
          <p className="text-sm text-slate-600">
            Cancellations up to {clinic.bookingPolicy.cancellationNoticeHours} h before · reminders{" "}
            {clinic.bookingPolicy.reminderHoursBefore.join(" h and ")} h before · waitlist offers held{" "}
            {clinic.waitlistPolicy.offerMinutes} min
          </p>
        </Card>
      ))}
    </ul>
  );
}
