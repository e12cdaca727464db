CREATE TABLE "reporter_reputation" (
	"source_key" text PRIMARY KEY NOT NULL,
	"verified" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "risk_score" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "coordination" jsonb;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "risk_score" integer;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "source_key" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "narrative_hash" text;--> statement-breakpoint
CREATE INDEX "cases_risk_idx" ON "cases" USING btree ("risk_score");