CREATE TABLE "platform_enforcements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"platform" text NOT NULL,
	"reference" text NOT NULL,
	"indicator_id" uuid NOT NULL,
	"fraud_type" text NOT NULL,
	"removed_at" timestamp with time zone NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "platform_enforcements" ADD CONSTRAINT "platform_enforcements_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_enforcements" ADD CONSTRAINT "platform_enforcements_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "platform_enforcements_reference_key" ON "platform_enforcements" USING btree ("organization_id","reference");--> statement-breakpoint
CREATE INDEX "platform_enforcements_indicator_idx" ON "platform_enforcements" USING btree ("indicator_id");