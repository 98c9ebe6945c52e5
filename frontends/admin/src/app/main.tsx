import { mountStaffApp, StaffNotFound } from "@illajwala/ui";
import { Route, Routes } from "react-router-dom";
import { api, session } from "../lib/api";
import { isPlatformAdmin, isTenantAdmin } from "../lib/users";
import { AuditPage } from "./pages/audit-page";
import { ClinicsPage } from "./pages/clinics-page";
import { DashboardPage } from "./pages/dashboard-page";
import { DoctorsPage } from "./pages/doctors-page";
import { StaffPage } from "./pages/staff-page";
import { TenantsPage } from "./pages/tenants-page";
import { VerificationPage } from "./pages/verification-page";
import { WaitlistPage } from "./pages/waitlist-page";
import "./styles.css";

mountStaffApp({
  title: "Illajwala Admin",
  basename: "/admin",
  api,
  session,
  roles: ["admin"],
  nav: [
    { to: "/", label: "Dashboard" },
    { to: "/clinics", label: "Clinics", visible: isTenantAdmin },
    { to: "/doctors", label: "Doctors", visible: isTenantAdmin },
    { to: "/staff", label: "Staff", visible: isTenantAdmin },
    { to: "/waitlist", label: "Waitlist", visible: isTenantAdmin },
    { to: "/audit", label: "Audit log", visible: isTenantAdmin },
    { to: "/verification", label: "Verification queue", visible: isPlatformAdmin },
    { to: "/tenants", label: "Organisations", visible: isPlatformAdmin },
  ],
  children: (user) =>
    isPlatformAdmin(user) ? (
      <Routes>
        <Route path="/" element={<DashboardPage user={user} />} />
        <Route path="/verification" element={<VerificationPage />} />
        <Route path="/tenants" element={<TenantsPage />} />
        <Route path="*" element={<StaffNotFound home="the dashboard" />} />
      </Routes>
    ) : (
      <Routes>
        <Route path="/" element={<DashboardPage user={user} />} />
        <Route path="/clinics" element={<ClinicsPage />} />
        <Route path="/doctors" element={<DoctorsPage />} />
        <Route path="/staff" element={<StaffPage />} />
        <Route path="/waitlist" element={<WaitlistPage />} />
        <Route path="/audit" element={<AuditPage />} />
        <Route path="*" element={<StaffNotFound home="the dashboard" />} />
      </Routes>
    ),
});
