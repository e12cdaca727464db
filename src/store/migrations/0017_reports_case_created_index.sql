DROP INDEX "reports_case_idx";--> statement-breakpoint
CREATE INDEX "reports_case_created_idx" ON "reports" USING btree ("case_id","created_at");