export { ApiError, toApiError, isErrorEnvelope, type FieldProblem } from "./errors";
export { createApi, unwrap, unwrapWrite, expectOk, CONSISTENCY_HEADER, type Api } from "./client";
export { Session, type SessionState, type SessionView, type AccountView, type SessionOptions } from "./session";
export {
  followStream,
  consistencyTokenOf,
  PATIENT_STREAM_EVENTS,
  SCHEDULE_STREAM_EVENTS,
  type PatientStreamEvent,
  type ScheduleStreamEvent,
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
export type ScheduleBoard = Schemas["ScheduleBoard"];
export type BoardEntry = Schemas["Entry"];
export type BoardGap = Schemas["Gap"];
export type RunningLateAnswer = Schemas["RunningLateAnswer"];
export type AvailabilityRequest = Schemas["AvailabilityRequest"];
export type AvailabilitySession = Schemas["SessionInput"];
export type AvailabilityPreview = Schemas["AvailabilityPreview"];
export type AnalyticsReport = Schemas["AnalyticsReport"];
export type MemberView = Schemas["MemberView"];
export type Role = MemberView["role"];
export type AuditEntry = Schemas["AuditEntryDocument"];
export type TenantDocument = Schemas["TenantDocument"];
export type RegisterClinicRequest = Schemas["RegisterClinicRequest"];
export type OnboardDoctorRequest = Schemas["OnboardDoctorRequest"];
export type DoctorProfileDocument = Schemas["DoctorProfileDocument"];
