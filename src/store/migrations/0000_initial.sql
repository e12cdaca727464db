CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"scopes" text[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audit_chain_head" (
	"id" integer PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"organization_id" uuid,
	"action" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text,
	"before" jsonb,
	"after" jsonb,
	"request_id" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_id" uuid NOT NULL,
	"type" text NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"organization_id" uuid,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_indicators" (
	"case_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	CONSTRAINT "case_indicators_case_id_indicator_id_pk" PRIMARY KEY("case_id","indicator_id")
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"priority" integer DEFAULT 3 NOT NULL,
	"category" text NOT NULL,
	"assignee_user_id" uuid,
	"merged_into_case_id" uuid,
	"report_count" integer DEFAULT 0 NOT NULL,
	"amount_lost_vnd" bigint DEFAULT 0 NOT NULL,
	"last_event_seq" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deadline_policies" (
	"platform" text PRIMARY KEY NOT NULL,
	"hours" integer DEFAULT 24 NOT NULL,
	"due_soon_hours" integer DEFAULT 4 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disputes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tracking_code" text NOT NULL,
	"indicator_id" uuid NOT NULL,
	"explanation" text NOT NULL,
	"contact_encrypted" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"decision_reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "escalation_evidence" (
	"escalation_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"source_sha256" text NOT NULL,
	"redactions" jsonb,
	CONSTRAINT "escalation_evidence_escalation_id_sha256_pk" PRIMARY KEY("escalation_id","sha256")
);
--> statement-breakpoint
CREATE TABLE "escalation_subjects" (
	"escalation_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	CONSTRAINT "escalation_subjects_escalation_id_indicator_id_pk" PRIMARY KEY("escalation_id","indicator_id")
);
--> statement-breakpoint
CREATE TABLE "escalations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"platform" text NOT NULL,
	"organization_id" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"fraud_category" text NOT NULL,
	"legal_basis" text NOT NULL,
	"message" text,
	"due_at" timestamp with time zone NOT NULL,
	"due_soon_at" timestamp with time zone NOT NULL,
	"due_soon_notified_at" timestamp with time zone,
	"breached_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"actioned_at" timestamp with time zone,
	"action" text,
	"platform_note" text,
	"platform_reference" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence_files" (
	"sha256" text PRIMARY KEY NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"principal" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status_code" integer NOT NULL,
	"body" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_principal_key_pk" PRIMARY KEY("principal","key")
);
--> statement-breakpoint
CREATE TABLE "index_changes" (
	"seq" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "index_changes_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"indicator" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator" text NOT NULL,
	"indicator_id" uuid,
	"reason" text NOT NULL,
	"detail" jsonb,
	"status" text DEFAULT 'open' NOT NULL,
	"outcome" text,
	"closed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "indicator_sources" (
	"indicator_id" uuid NOT NULL,
	"source_key" text NOT NULL,
	"organization_id" uuid,
	"source_type" text NOT NULL,
	"reports" integer DEFAULT 0 NOT NULL,
	"confirmations" integer DEFAULT 0 NOT NULL,
	"first_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_sources_indicator_id_source_key_pk" PRIMARY KEY("indicator_id","source_key")
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator" text NOT NULL,
	"kind" text NOT NULL,
	"display" text NOT NULL,
	"sha256" text NOT NULL,
	"range_prefix" integer NOT NULL,
	"verdict" text NOT NULL,
	"confidence" integer DEFAULT 50 NOT NULL,
	"tlp" text DEFAULT 'green' NOT NULL,
	"report_count" integer DEFAULT 0 NOT NULL,
	"platform_confirmations" integer DEFAULT 0 NOT NULL,
	"fraud_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"review_at" timestamp with time zone,
	"network_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicators_verdict_check" CHECK ("indicators"."verdict" in ('suspected','confirmed','cleared','disputed')),
	CONSTRAINT "indicators_tlp_check" CHECK ("indicators"."tlp" in ('clear','green','amber','red')),
	CONSTRAINT "indicators_confidence_check" CHECK ("indicators"."confidence" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "legitimate_identifiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator" text NOT NULL,
	"kind" text NOT NULL,
	"display" text NOT NULL,
	"sha256" text NOT NULL,
	"range_prefix" integer NOT NULL,
	"owner_name" text NOT NULL,
	"owner_organization_id" uuid,
	"category" text NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"platform" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_kind_check" CHECK ("organizations"."kind" in ('agency','platform','bank','telco','other'))
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "outbox_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"topic" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"available_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"processed_at" timestamp with time zone,
	"processed_by" text
);
--> statement-breakpoint
CREATE TABLE "report_evidence" (
	"report_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"position" integer NOT NULL,
	"original_name" text,
	CONSTRAINT "report_evidence_report_id_position_pk" PRIMARY KEY("report_id","position")
);
--> statement-breakpoint
CREATE TABLE "report_indicators" (
	"report_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"raw_input" text NOT NULL,
	"extracted" boolean DEFAULT false NOT NULL,
	CONSTRAINT "report_indicators_report_id_indicator_id_pk" PRIMARY KEY("report_id","indicator_id")
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tracking_code" text NOT NULL,
	"channel" text NOT NULL,
	"category" text NOT NULL,
	"narrative" text NOT NULL,
	"occurred_at" timestamp with time zone,
	"amount_lost_vnd" bigint,
	"payment_method" text,
	"status" text DEFAULT 'received' NOT NULL,
	"outcome" text,
	"locale" text DEFAULT 'vi' NOT NULL,
	"organization_id" uuid,
	"submitted_by_user_id" uuid,
	"submitted_by_api_key_id" uuid,
	"reporter_contact_encrypted" text,
	"consent_to_contact" boolean DEFAULT false NOT NULL,
	"idempotency_principal" text,
	"idempotency_key" text,
	"request_hash" text,
	"case_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "sightings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"type" text NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	"observed_at" timestamp with time zone NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sightings_type_check" CHECK ("sightings"."type" in ('seen','false_positive','gone'))
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"password_hash" text NOT NULL,
	"failed_sign_ins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_role_check" CHECK ("users"."role" in ('admin','supervisor','analyst','platform_operator','partner_admin'))
);
--> statement-breakpoint
CREATE TABLE "verdict_changes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "verdict_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"indicator_id" uuid NOT NULL,
	"from_verdict" text,
	"to_verdict" text NOT NULL,
	"confidence" integer NOT NULL,
	"ground" text NOT NULL,
	"legal_basis" text NOT NULL,
	"evidence" text[] NOT NULL,
	"decided_by" jsonb NOT NULL,
	"automated" boolean NOT NULL,
	"source_type" text NOT NULL,
	"ends_at" timestamp with time zone,
	"explanation" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_indicators" ADD CONSTRAINT "case_indicators_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_indicators" ADD CONSTRAINT "case_indicators_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalation_evidence" ADD CONSTRAINT "escalation_evidence_escalation_id_escalations_id_fk" FOREIGN KEY ("escalation_id") REFERENCES "public"."escalations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalation_evidence" ADD CONSTRAINT "escalation_evidence_sha256_evidence_files_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."evidence_files"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalation_evidence" ADD CONSTRAINT "escalation_evidence_source_sha256_evidence_files_sha256_fk" FOREIGN KEY ("source_sha256") REFERENCES "public"."evidence_files"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalation_subjects" ADD CONSTRAINT "escalation_subjects_escalation_id_escalations_id_fk" FOREIGN KEY ("escalation_id") REFERENCES "public"."escalations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalation_subjects" ADD CONSTRAINT "escalation_subjects_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_reviews" ADD CONSTRAINT "indicator_reviews_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_reviews" ADD CONSTRAINT "indicator_reviews_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_sources" ADD CONSTRAINT "indicator_sources_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_sources" ADD CONSTRAINT "indicator_sources_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legitimate_identifiers" ADD CONSTRAINT "legitimate_identifiers_owner_organization_id_organizations_id_fk" FOREIGN KEY ("owner_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legitimate_identifiers" ADD CONSTRAINT "legitimate_identifiers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_evidence" ADD CONSTRAINT "report_evidence_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_evidence" ADD CONSTRAINT "report_evidence_sha256_evidence_files_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."evidence_files"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_indicators" ADD CONSTRAINT "report_indicators_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_indicators" ADD CONSTRAINT "report_indicators_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_submitted_by_user_id_users_id_fk" FOREIGN KEY ("submitted_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_submitted_by_api_key_id_api_keys_id_fk" FOREIGN KEY ("submitted_by_api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sightings" ADD CONSTRAINT "sightings_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sightings" ADD CONSTRAINT "sightings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verdict_changes" ADD CONSTRAINT "verdict_changes_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_prefix_key" ON "api_keys" USING btree ("prefix");--> statement-breakpoint
CREATE INDEX "api_keys_organization_idx" ON "api_keys" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "audit_log_subject_idx" ON "audit_log" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id","id");--> statement-breakpoint
CREATE INDEX "case_indicators_indicator_idx" ON "case_indicators" USING btree ("indicator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_reference_key" ON "cases" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "cases_status_idx" ON "cases" USING btree ("status","updated_at");--> statement-breakpoint
CREATE INDEX "cases_assignee_idx" ON "cases" USING btree ("assignee_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "disputes_tracking_code_key" ON "disputes" USING btree ("tracking_code");--> statement-breakpoint
CREATE INDEX "disputes_status_idx" ON "disputes" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "escalations_platform_status_idx" ON "escalations" USING btree ("organization_id","status","due_at");--> statement-breakpoint
CREATE INDEX "escalations_due_idx" ON "escalations" USING btree ("due_at") WHERE "escalations"."status" <> 'actioned';--> statement-breakpoint
CREATE INDEX "escalations_case_idx" ON "escalations" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "index_changes_changed_idx" ON "index_changes" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_reviews_open_key" ON "indicator_reviews" USING btree ("indicator","reason") WHERE "indicator_reviews"."status" = 'open';--> statement-breakpoint
CREATE INDEX "indicator_reviews_status_idx" ON "indicator_reviews" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "indicators_indicator_key" ON "indicators" USING btree ("indicator");--> statement-breakpoint
CREATE INDEX "indicators_range_idx" ON "indicators" USING btree ("range_prefix");--> statement-breakpoint
CREATE INDEX "indicators_verdict_idx" ON "indicators" USING btree ("verdict","updated_at");--> statement-breakpoint
CREATE INDEX "indicators_expires_idx" ON "indicators" USING btree ("expires_at") WHERE "indicators"."verdict" = 'suspected';--> statement-breakpoint
CREATE INDEX "indicators_review_idx" ON "indicators" USING btree ("review_at") WHERE "indicators"."verdict" = 'confirmed';--> statement-breakpoint
CREATE UNIQUE INDEX "legitimate_identifiers_active_key" ON "legitimate_identifiers" USING btree ("indicator") WHERE "legitimate_identifiers"."removed_at" is null;--> statement-breakpoint
CREATE INDEX "legitimate_identifiers_range_idx" ON "legitimate_identifiers" USING btree ("range_prefix");--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_slug_key" ON "organizations" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_platform_key" ON "organizations" USING btree ("platform");--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox" USING btree ("available_at","id") WHERE "outbox"."processed_at" is null;--> statement-breakpoint
CREATE INDEX "report_indicators_indicator_idx" ON "report_indicators" USING btree ("indicator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_tracking_code_key" ON "reports" USING btree ("tracking_code");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_idempotency_key" ON "reports" USING btree ("idempotency_principal","idempotency_key");--> statement-breakpoint
CREATE INDEX "reports_created_idx" ON "reports" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "reports_case_idx" ON "reports" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sightings_indicator_idx" ON "sightings" USING btree ("indicator_id","type");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "users_organization_idx" ON "users" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "verdict_changes_indicator_idx" ON "verdict_changes" USING btree ("indicator_id","id");