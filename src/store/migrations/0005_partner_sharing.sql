CREATE TABLE "partner_trust" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"max_tlp" text DEFAULT 'amber' NOT NULL,
	"confirm_own_subjects" boolean DEFAULT false NOT NULL,
	"bins" text[] DEFAULT '{}'::text[] NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_trust_max_tlp_check" CHECK ("partner_trust"."max_tlp" in ('clear','green','amber'))
);
--> statement-breakpoint
CREATE TABLE "taxii_statuses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"collection_id" text NOT NULL,
	"status" text NOT NULL,
	"total_count" integer NOT NULL,
	"success_count" integer NOT NULL,
	"failure_count" integer NOT NULL,
	"pending_count" integer NOT NULL,
	"details" jsonb NOT NULL,
	"request_timestamp" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "partner_trust" ADD CONSTRAINT "partner_trust_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_trust" ADD CONSTRAINT "partner_trust_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taxii_statuses" ADD CONSTRAINT "taxii_statuses_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "taxii_statuses_organization_idx" ON "taxii_statuses" USING btree ("organization_id","request_timestamp");