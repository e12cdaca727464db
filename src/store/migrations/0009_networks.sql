CREATE TABLE "indicator_links" (
	"a_id" uuid NOT NULL,
	"b_id" uuid NOT NULL,
	"reports" integer DEFAULT 0 NOT NULL,
	"first_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_links_a_id_b_id_pk" PRIMARY KEY("a_id","b_id")
);
--> statement-breakpoint
CREATE TABLE "networks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"size" integer DEFAULT 0 NOT NULL,
	"merged_into_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "indicator_links" ADD CONSTRAINT "indicator_links_a_id_indicators_id_fk" FOREIGN KEY ("a_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_links" ADD CONSTRAINT "indicator_links_b_id_indicators_id_fk" FOREIGN KEY ("b_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicator_links_b_idx" ON "indicator_links" USING btree ("b_id");--> statement-breakpoint
CREATE INDEX "networks_merged_idx" ON "networks" USING btree ("merged_into_id");--> statement-breakpoint
CREATE INDEX "indicators_network_idx" ON "indicators" USING btree ("network_id");