import { mountStaffApp, StaffNotFound } from "@illajwala/ui";
import { Route, Routes } from "react-router-dom";
import { api, session } from "../lib/api";
import { DoctorScope } from "./doctor-scope";
import { AvailabilityPage } from "./pages/availability-page";
import { BoardPage } from "./pages/board-page";
import { WeekPage } from "./pages/week-page";
import "./styles.css";

mountStaffApp({
  title: "Illajwala Doctor",
  basename: "/doctor",
  api,
  session,
  roles: ["doctor", "staff", "admin"],
  nav: [
    { to: "/", label: "Today" },
    { to: "/week", label: "Week" },
    { to: "/availability", label: "Availability" },
  ],
  children: (user) => (
    <DoctorScope user={user}>
      {(doctor) => (
        <Routes>
          <Route path="/" element={<BoardPage doctor={doctor} />} />
          <Route path="/week" element={<WeekPage doctor={doctor} />} />
          <Route path="/availability" element={<AvailabilityPage doctor={doctor} />} />
          <Route path="*" element={<StaffNotFound home="today's board" />} />
        </Routes>
      )}
    </DoctorScope>
  ),
});
