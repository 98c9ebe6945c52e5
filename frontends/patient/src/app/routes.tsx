import { Spinner } from "@illajwala/ui";
import { lazy, Suspense } from "react";
import { Route, Routes } from "react-router-dom";
import { useT } from "../lib/i18n/context";
import { RequireAuth } from "./require-auth";

// Each page is its own chunk: a phone opening the search page downloads only the search page.
const SearchPage = lazy(() => import("./pages/search-page"));
const DoctorPage = lazy(() => import("./pages/doctor-page"));
const BookPage = lazy(() => import("./pages/book-page"));
const AppointmentsPage = lazy(() => import("./pages/appointments-page"));
const ProfilePage = lazy(() => import("./pages/profile-page"));
const SignInPage = lazy(() => import("./pages/sign-in-page"));
const RegisterPage = lazy(() => import("./pages/register-page"));
const NotFoundPage = lazy(() => import("./pages/not-found-page"));

/**
 * The app's pages. Keep the first path segments in step with SinglePageApps.PATIENT_PAGES in the
 * platform, which answers index.html for them when they are opened directly.
 */
export function AppRoutes() {
  const t = useT();
  return (
    <Suspense fallback={<Spinner label={t("common.loading")} />}>
      <Routes>
        <Route path="/" element={<SearchPage />} />
        <Route path="/doctors/:doctorId" element={<DoctorPage />} />
        <Route
          path="/doctors/:doctorId/book/:slotId"
          element={
            <RequireAuth reason="book">
              <BookPage />
            </RequireAuth>
          }
        />
        <Route
          path="/appointments"
          element={
            <RequireAuth>
              <AppointmentsPage />
            </RequireAuth>
          }
        />
        <Route
          path="/profile"
          element={
            <RequireAuth>
              <ProfilePage />
            </RequireAuth>
          }
        />
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="/register" element={<RegisterPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}
