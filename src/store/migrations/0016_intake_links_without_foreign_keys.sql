-- The tables the report intake writes per identifier keep no foreign keys: their parents are never
-- deleted and every row is written beside its parents in one transaction (docs/decisions/0012-intake-link-tables-without-foreign-keys.md).
ALTER TABLE "case_events" DROP CONSTRAINT "case_events_case_id_cases_id_fk";
--> statement-breakpoint
ALTER TABLE "case_indicators" DROP CONSTRAINT "case_indicators_case_id_cases_id_fk";
--> statement-breakpoint
ALTER TABLE "case_indicators" DROP CONSTRAINT "case_indicators_indicator_id_indicators_id_fk";
--> statement-breakpoint
ALTER TABLE "indicator_links" DROP CONSTRAINT "indicator_links_a_id_indicators_id_fk";
--> statement-breakpoint
ALTER TABLE "indicator_links" DROP CONSTRAINT "indicator_links_b_id_indicators_id_fk";
--> statement-breakpoint
ALTER TABLE "indicator_sources" DROP CONSTRAINT "indicator_sources_indicator_id_indicators_id_fk";
--> statement-breakpoint
ALTER TABLE "report_indicators" DROP CONSTRAINT "report_indicators_report_id_reports_id_fk";
--> statement-breakpoint
ALTER TABLE "report_indicators" DROP CONSTRAINT "report_indicators_indicator_id_indicators_id_fk";
--> statement-breakpoint
ALTER TABLE "verdict_changes" DROP CONSTRAINT "verdict_changes_indicator_id_indicators_id_fk";
