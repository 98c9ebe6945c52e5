import { Link } from "react-router-dom";
import { Button } from "../components/Button";

/** An address a staff app does not have: said so, with the way back to the app's first page. */
export function StaffNotFound({ home }: { home: string }) {
  return (
    <div className="space-y-3" data-testid="not-found">
      <h1 className="text-2xl font-bold">This page does not exist</h1>
      <p className="text-slate-700">The address may be mistyped, or the page has moved.</p>
      <Button asChild>
        <Link to="/">Back to {home}</Link>
      </Button>
    </div>
  );
}
