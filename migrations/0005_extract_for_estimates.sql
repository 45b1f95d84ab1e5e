-- The research extract gains record keys (cell key method), key sums in the count cubes, one row
-- per person and propensity models, which only a seed run can build. Empty the derived tables (so
-- the new NOT NULL columns can be added) and mark a finished run as failed, so that no service
-- serves the old extract and `npm start` (or `npm run seed`) builds the new one.
TRUNCATE "evaluation"."person_windows", "evaluation"."cells", "evaluation"."problem_cells", "evaluation"."region_cells", "evaluation"."region_problem_cells";--> statement-breakpoint
UPDATE "pipeline"."runs" SET "status" = 'failed', "note" = 'the research extract changed format: seed again' WHERE "status" = 'ready';--> statement-breakpoint
CREATE TABLE "evaluation"."people" (
	"person_key" varchar(24) PRIMARY KEY NOT NULL,
	"la_code" varchar(9) NOT NULL,
	"region_code" varchar(9) NOT NULL,
	"cohort" "evaluation"."cohort" NOT NULL,
	"age_band" "evaluation"."age_band" NOT NULL,
	"sex" "evaluation"."sex" NOT NULL,
	"problems" smallint NOT NULL,
	"record_key" smallint NOT NULL,
	"outcomes_before_12" integer NOT NULL,
	"outcomes_after_6" integer NOT NULL,
	"outcomes_after_12" integer NOT NULL,
	"outcomes_after_18" integer NOT NULL,
	"outcomes_after_24" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation"."propensity_models" (
	"measure" varchar(32) PRIMARY KEY NOT NULL,
	"covariates" text[] NOT NULL,
	"coefficients" double precision[] NOT NULL,
	"standard_errors" double precision[] NOT NULL,
	"caliper" double precision NOT NULL,
	"people" integer NOT NULL,
	"treated" integer NOT NULL,
	"iterations" integer NOT NULL,
	"converged" boolean NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evaluation"."cells" ADD COLUMN "people_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."cells" ADD COLUMN "cautioned_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."cells" ADD COLUMN "convicted_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."cells" ADD COLUMN "custodial_sentence_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."cells" ADD COLUMN "persistently_absent_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."cells" ADD COLUMN "excluded_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."cells" ADD COLUMN "claiming_is_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."cells" ADD COLUMN "claiming_jsa_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."cells" ADD COLUMN "claiming_esa_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."cells" ADD COLUMN "claiming_uc_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."cells" ADD COLUMN "child_in_need_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."cells" ADD COLUMN "child_protection_plan_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."cells" ADD COLUMN "looked_after_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."cells" ADD COLUMN "ae_attendance_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."cells" ADD COLUMN "mental_health_contact_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."cells" ADD COLUMN "drug_treatment_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."person_windows" ADD COLUMN "record_key" smallint NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."problem_cells" ADD COLUMN "people_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."problem_cells" ADD COLUMN "cautioned_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."problem_cells" ADD COLUMN "convicted_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."problem_cells" ADD COLUMN "custodial_sentence_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."problem_cells" ADD COLUMN "persistently_absent_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."problem_cells" ADD COLUMN "excluded_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."problem_cells" ADD COLUMN "claiming_is_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."problem_cells" ADD COLUMN "claiming_jsa_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."problem_cells" ADD COLUMN "claiming_esa_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."problem_cells" ADD COLUMN "claiming_uc_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."problem_cells" ADD COLUMN "child_in_need_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."problem_cells" ADD COLUMN "child_protection_plan_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."problem_cells" ADD COLUMN "looked_after_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."problem_cells" ADD COLUMN "ae_attendance_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."problem_cells" ADD COLUMN "mental_health_contact_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."problem_cells" ADD COLUMN "drug_treatment_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."region_cells" ADD COLUMN "people_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."region_cells" ADD COLUMN "cautioned_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."region_cells" ADD COLUMN "convicted_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."region_cells" ADD COLUMN "custodial_sentence_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."region_cells" ADD COLUMN "persistently_absent_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."region_cells" ADD COLUMN "excluded_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."region_cells" ADD COLUMN "claiming_is_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."region_cells" ADD COLUMN "claiming_jsa_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."region_cells" ADD COLUMN "claiming_esa_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."region_cells" ADD COLUMN "claiming_uc_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."region_cells" ADD COLUMN "child_in_need_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."region_cells" ADD COLUMN "child_protection_plan_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."region_cells" ADD COLUMN "looked_after_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."region_cells" ADD COLUMN "ae_attendance_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."region_cells" ADD COLUMN "mental_health_contact_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."region_cells" ADD COLUMN "drug_treatment_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."region_problem_cells" ADD COLUMN "people_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."region_problem_cells" ADD COLUMN "cautioned_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."region_problem_cells" ADD COLUMN "convicted_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."region_problem_cells" ADD COLUMN "custodial_sentence_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."region_problem_cells" ADD COLUMN "persistently_absent_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."region_problem_cells" ADD COLUMN "excluded_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."region_problem_cells" ADD COLUMN "claiming_is_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."region_problem_cells" ADD COLUMN "claiming_jsa_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."region_problem_cells" ADD COLUMN "claiming_esa_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."region_problem_cells" ADD COLUMN "claiming_uc_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."region_problem_cells" ADD COLUMN "child_in_need_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."region_problem_cells" ADD COLUMN "child_protection_plan_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."region_problem_cells" ADD COLUMN "looked_after_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."region_problem_cells" ADD COLUMN "ae_attendance_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."region_problem_cells" ADD COLUMN "mental_health_contact_key" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation"."region_problem_cells" ADD COLUMN "drug_treatment_key" integer NOT NULL;--> statement-breakpoint
CREATE INDEX "people_la" ON "evaluation"."people" USING btree ("la_code");