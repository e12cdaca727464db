CREATE TABLE "campaign_daily_counts" (
	"campaign_id" uuid NOT NULL,
	"day" date NOT NULL,
	"kind" text NOT NULL,
	"count" bigint DEFAULT 0 NOT NULL,
	"score_sum" bigint DEFAULT 0 NOT NULL,
	"of_sum" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "campaign_daily_counts_campaign_id_day_kind_pk" PRIMARY KEY("campaign_id","day","kind"),
	CONSTRAINT "campaign_daily_counts_kind_check" CHECK ("campaign_daily_counts"."kind" in ('view','quiz_start','quiz_complete','share','lookup','report'))
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"theme" text NOT NULL,
	"fraud_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"partner_organization_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"article_slugs" text[] DEFAULT '{}'::text[] NOT NULL,
	"alert_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"texts" jsonb NOT NULL,
	"quiz" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "campaigns_status_check" CHECK ("campaigns"."status" in ('draft','published','archived')),
	CONSTRAINT "campaigns_dates_check" CHECK ("campaigns"."ends_on" >= "campaigns"."starts_on")
);
--> statement-breakpoint
ALTER TABLE "campaign_daily_counts" ADD CONSTRAINT "campaign_daily_counts_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "campaigns_slug_key" ON "campaigns" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "campaigns_status_idx" ON "campaigns" USING btree ("status","starts_on");