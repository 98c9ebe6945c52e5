export { ApiError, toApiError, isErrorEnvelope, type FieldProblem } from "./errors";
export { createApi, unwrap, unwrapWrite, expectOk, CONSISTENCY_HEADER, type Api } from "./client";
export { Session, type SessionState, type SessionView, type AccountView, type SessionOptions } from "./session";
export {
  followStream,
  PATIENT_STREAM_EVENTS,
  type PatientStreamEvent,
  type StreamHandlers,
  type StreamStatus,
} from "./events";
export { fetchHealth, type Health } from "./health";
export type { paths, components, operations } from "./generated/schema";

import type { components } from "./generated/schema";

type Schemas = components["schemas"];
export type DoctorView = Schemas["DoctorView"];
export type DoctorPage = Schemas["DoctorPage"];
export type DoctorProfile = Schemas["DoctorProfile"];
export type SlotView = Schemas["SlotView"];
export type CalendarDay = Schemas["CalendarDay"];
export type ClinicDocument = Schemas["ClinicDocument"];
export type AppointmentView = Schemas["AppointmentView"];
export type AppointmentStatus = AppointmentView["status"];
export type ConsultationMode = AppointmentView["mode"];
export type Booking = Schemas["Booking"];
export type BookAppointmentRequest = Schemas["BookAppointmentRequest"];
export type CancellationReason = Schemas["CancelRequest"]["reason"];
export type SlotSeatHeld = Schemas["SlotSeatHeld"];
export type QueuedEntry = Schemas["QueuedEntry"];
export type JoinWaitlistRequest = Schemas["JoinRequest"];
export type TimeOfDay = NonNullable<JoinWaitlistRequest["timesOfDay"]>[number];
export type PatientProfile = Schemas["PatientProfileDocument"];
export type Dependent = Schemas["Dependent"];
export type NotificationPreferences = Schemas["NotificationPreferences"];
export type Relationship = Schemas["AddDependentRequest"]["relationship"];
