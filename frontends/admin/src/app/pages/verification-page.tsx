import { Alert, describeError, Skeleton } from "@illajwala/ui";
import { useQuery } from "@tanstack/react-query";
import { verificationQueueQuery } from "../../features/doctors/api/doctors";
import { VerificationQueue } from "../../features/doctors/components/verification-queue";

export function VerificationPage() {
  const queue = useQuery(verificationQueueQuery);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Verification queue</h1>
      {queue.isPending && <Skeleton className="h-32" />}
      {queue.isError && <Alert tone="error">{describeError(queue.error)}</Alert>}
      {queue.data !== undefined && <VerificationQueue doctors={queue.data} />}
    </div>
  );
}
